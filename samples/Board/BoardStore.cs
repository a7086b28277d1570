using System.Data;
using System.Data.Common;
using System.Security.Cryptography;

namespace Board;

/// <summary>
/// Reads and changes tasks. Every change is one statement that checks the task's version when the caller sends one,
/// so two people moving the same card cannot silently overwrite each other: the second gets a conflict to reload on.
/// Every statement is limited to the caller's own tasks, so another person's task id reads exactly like an unknown one.
/// </summary>
public sealed class BoardStore(BoardDatabase database, TimeProvider clock)
{
    public const int MaxTitleLength = 200;
    /// <summary>The most tasks one owner may have.</summary>
    public const int MaxTasks = 1000;

    private const string Columns = "id, title, col, completed, version, created_at, updated_at";

    public async Task<IReadOnlyList<BoardTask>> ListAsync(BoardOwner owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM tasks WHERE owner = @owner ORDER BY created_at, id";
        command.Parameters.Add(BoardSchema.Parameter(command, "@owner", owner.Key));
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<BoardTask> AddAsync(BoardOwner owner, string title, string column, CancellationToken cancellationToken)
    {
        var cleanTitle = CheckTitle(title);
        CheckColumn(column);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT COUNT(*) FROM tasks WHERE owner = @owner";
            count.Parameters.Add(BoardSchema.Parameter(count, "@owner", owner.Key));
            if (Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) >= MaxTasks)
                throw new BoardException($"The board is full ({MaxTasks} tasks); delete some before adding more.");
        }
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO tasks (owner, {Columns}) VALUES (@owner, @id, @title, @col, @completed, 1, @now, @now) RETURNING {Columns}";
        command.Parameters.Add(BoardSchema.Parameter(command, "@owner", owner.Key));
        command.Parameters.Add(BoardSchema.Parameter(command, "@id", NewId()));
        command.Parameters.Add(BoardSchema.Parameter(command, "@title", cleanTitle));
        command.Parameters.Add(BoardSchema.Parameter(command, "@col", column));
        command.Parameters.Add(BoardSchema.Parameter(command, "@completed", column == Board.Columns.Done));
        command.Parameters.Add(BoardSchema.Parameter(command, "@now", now));
        return (await ReadAllAsync(command, cancellationToken))[0];
    }

    public Task<BoardTask> MoveAsync(BoardOwner owner, string id, string column, int? expectedVersion, CancellationToken cancellationToken)
    {
        CheckColumn(column);
        return UpdateAsync(owner, id, column, completed: column == Board.Columns.Done, expectedVersion, cancellationToken);
    }

    public Task<BoardTask> CompleteAsync(BoardOwner owner, string id, int? expectedVersion, CancellationToken cancellationToken) =>
        UpdateAsync(owner, id, Board.Columns.Done, completed: true, expectedVersion, cancellationToken);

    public async Task<BoardTask> DeleteAsync(BoardOwner owner, string id, int? expectedVersion, CancellationToken cancellationToken)
    {
        CheckId(id);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM tasks WHERE id = @id AND owner = @owner AND (@expected IS NULL OR version = @expected) RETURNING {Columns}";
        AddOwnerIdAndVersion(command, owner, id, expectedVersion);
        var deleted = await ReadAllAsync(command, cancellationToken);
        return deleted.Count > 0 ? deleted[0] : throw await WhyNotChangedAsync(connection, owner, id, expectedVersion, cancellationToken);
    }

    private async Task<BoardTask> UpdateAsync(BoardOwner owner, string id, string column, bool completed, int? expectedVersion, CancellationToken cancellationToken)
    {
        CheckId(id);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE tasks SET col = @col, completed = @completed, version = version + 1, updated_at = @now
            WHERE id = @id AND owner = @owner AND (@expected IS NULL OR version = @expected)
            RETURNING {Columns}
            """;
        command.Parameters.Add(BoardSchema.Parameter(command, "@col", column));
        command.Parameters.Add(BoardSchema.Parameter(command, "@completed", completed));
        command.Parameters.Add(BoardSchema.Parameter(command, "@now", clock.GetUtcNow().ToUnixTimeMilliseconds()));
        AddOwnerIdAndVersion(command, owner, id, expectedVersion);
        var updated = await ReadAllAsync(command, cancellationToken);
        return updated.Count > 0 ? updated[0] : throw await WhyNotChangedAsync(connection, owner, id, expectedVersion, cancellationToken);
    }

    /// <summary>
    /// A change matched no row: the task is unknown (or another owner's: the same answer, so ids leak nothing), or
    /// someone changed it since the caller read it.
    /// </summary>
    private static async Task<BoardException> WhyNotChangedAsync(DbConnection connection, BoardOwner owner, string id, int? expectedVersion, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM tasks WHERE id = @id AND owner = @owner";
        command.Parameters.Add(BoardSchema.Parameter(command, "@id", id));
        command.Parameters.Add(BoardSchema.Parameter(command, "@owner", owner.Key));
        var current = await command.ExecuteScalarAsync(cancellationToken);
        return current is null or DBNull
            ? new BoardException($"No task has the id '{id}'; it may have been deleted. Reload the board.")
            : new BoardException($"Task '{id}' was changed by someone else (it is at version {current}, you had {expectedVersion}). Reload the board and try again.");
    }

    private static void AddOwnerIdAndVersion(DbCommand command, BoardOwner owner, string id, int? expectedVersion)
    {
        command.Parameters.Add(BoardSchema.Parameter(command, "@owner", owner.Key));
        command.Parameters.Add(BoardSchema.Parameter(command, "@id", id));
        var expected = BoardSchema.Parameter(command, "@expected", expectedVersion);
        expected.DbType = DbType.Int32;   // PostgreSQL needs a type for a null parameter
        command.Parameters.Add(expected);
    }

    private static async Task<List<BoardTask>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var tasks = new List<BoardTask>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tasks.Add(new BoardTask(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetInt32(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
        }
        return tasks;
    }

    private static string CheckTitle(string title)
    {
        var clean = (title ?? "").Trim();
        if (clean.Length == 0) throw new BoardException("The task title is empty; give it a few words.");
        if (clean.Length > MaxTitleLength) throw new BoardException($"The task title is {clean.Length} characters; the limit is {MaxTitleLength}.");
        if (clean.Any(char.IsControl)) throw new BoardException("The task title contains control characters.");
        return clean;
    }

    private static void CheckColumn(string column)
    {
        if (!Board.Columns.All.Contains(column))
            throw new BoardException($"'{column}' is not a column; use one of: {string.Join(", ", Board.Columns.All)}.");
    }

    private static void CheckId(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw new BoardException($"'{id}' is not a task id; ids look like t_3f2a9c1b7d4e.");
    }

    private static string NewId() => "t_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
