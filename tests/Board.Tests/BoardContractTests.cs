using System.Security.Claims;
using System.Text.Json;
using Inlay.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Board.Tests;

/// <summary>What the board promises, checked on each database it runs on.</summary>
public abstract class BoardContractTests
{
    /// <summary>Starts the app on a fresh database; <paramref name="reuse"/> starts it again on the same one.</summary>
    protected abstract Task<BoardApp> StartAsync(bool reuse = false);

    private static async Task<JsonElement> AddAsync(McpHttp mcp, string title, string? column = null)
    {
        var result = await mcp.CallToolAsync("add_task", column is null ? new { title } : new { title, column });
        Assert.False(IsError(result), Text(result));
        return result.GetProperty("structuredContent").GetProperty("task");
    }

    private static bool IsError(JsonElement result) => result.TryGetProperty("isError", out var e) && e.GetBoolean();

    private static string Text(JsonElement result) => result.GetProperty("content")[0].GetProperty("text").GetString()!;

    [Fact]
    public async Task Tasks_are_added_moved_completed_and_deleted()
    {
        await using var app = await StartAsync();
        var task = await AddAsync(app.Mcp, "Write the README");
        var id = task.GetProperty("id").GetString()!;
        Assert.Equal("todo", task.GetProperty("column").GetString());
        Assert.Equal(1, task.GetProperty("version").GetInt32());

        var moved = await app.Mcp.CallToolAsync("move_task", new { id, column = "doing", expectedVersion = 1 });
        Assert.Equal("doing", moved.GetProperty("structuredContent").GetProperty("task").GetProperty("column").GetString());
        Assert.Contains("In progress", Text(moved));

        var done = await app.Mcp.CallToolAsync("complete_task", new { id });
        var doneTask = done.GetProperty("structuredContent").GetProperty("task");
        Assert.True(doneTask.GetProperty("completed").GetBoolean());
        Assert.Equal(3, doneTask.GetProperty("version").GetInt32());

        var board = (await app.Mcp.CallToolAsync("show_board")).GetProperty("structuredContent");
        Assert.Equal(["todo", "doing", "done"], board.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(id, board.GetProperty("columns")[2].GetProperty("tasks")[0].GetProperty("id").GetString());

        var deleted = await app.Mcp.CallToolAsync("delete_task", new { id, expectedVersion = 3 });
        Assert.False(IsError(deleted), Text(deleted));
        Assert.Equal(0, deleted.GetProperty("structuredContent").GetProperty("board").GetProperty("taskCount").GetInt32());
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_error_and_changes_nothing()
    {
        await using var app = await StartAsync();
        var task = await AddAsync(app.Mcp, "Keep me");
        var id = task.GetProperty("id").GetString()!;
        (string Tool, object Args, string Message)[] cases =
        [
            ("add_task", new { title = "   " }, "title is empty"),
            ("add_task", new { title = new string('x', 201) }, "201 characters; the limit is 200"),
            ("add_task", new { title = "Ok", column = "later" }, "'later' is not a column"),
            ("move_task", new { id = "t_000000000000", column = "done" }, "No task has the id 't_000000000000'"),
            ("move_task", new { id = "'; DROP TABLE tasks; --", column = "done" }, "is not a task id"),
            ("move_task", new { id, column = "sideways" }, "'sideways' is not a column"),
            ("move_task", new { id, column = "done", expectedVersion = 7 }, "changed by someone else (it is at version 1, you had 7)"),
            ("delete_task", new { id, expectedVersion = 2 }, "changed by someone else"),
            ("move_task", new { column = "done" }, "Missing required argument 'id'"),
        ];
        foreach (var (tool, args, message) in cases)
        {
            var result = await app.Mcp.CallToolAsync(tool, args);
            Assert.True(IsError(result), $"{tool} {JsonSerializer.Serialize(args)} should fail");
            Assert.Contains(message, Text(result));
        }
        var board = (await app.Mcp.CallToolAsync("show_board")).GetProperty("structuredContent");
        Assert.Equal(1, board.GetProperty("taskCount").GetInt32());
        Assert.Equal(1, board.GetProperty("columns")[0].GetProperty("tasks")[0].GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Concurrent_moves_from_the_same_version_let_exactly_one_win()
    {
        await using var app = await StartAsync();
        var id = (await AddAsync(app.Mcp, "Contested")).GetProperty("id").GetString()!;
        var moves = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            app.Mcp.CallToolAsync("move_task", new { id, column = i % 2 == 0 ? "doing" : "done", expectedVersion = 1 })));
        Assert.Equal(1, moves.Count(m => !IsError(m)));
        Assert.All(moves.Where(IsError), m => Assert.Contains("changed by someone else", Text(m)));
        var board = (await app.Mcp.CallToolAsync("show_board")).GetProperty("structuredContent");
        var task = board.GetProperty("columns").EnumerateArray().SelectMany(c => c.GetProperty("tasks").EnumerateArray()).Single();
        Assert.Equal(2, task.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Concurrent_moves_without_a_version_lose_no_update()
    {
        await using var app = await StartAsync();
        var id = (await AddAsync(app.Mcp, "Busy card")).GetProperty("id").GetString()!;
        const int moves = 20;
        var results = await Task.WhenAll(Enumerable.Range(0, moves).Select(i =>
            app.Mcp.CallToolAsync("move_task", new { id, column = new[] { "todo", "doing", "done" }[i % 3] })));
        Assert.All(results, r => Assert.False(IsError(r), Text(r)));
        var task = (await app.Mcp.CallToolAsync("show_board")).GetProperty("structuredContent").GetProperty("columns")
            .EnumerateArray().SelectMany(c => c.GetProperty("tasks").EnumerateArray()).Single();
        Assert.Equal(1 + moves, task.GetProperty("version").GetInt32());
    }

    private static BoardOwner Person(string issuer, string subject) =>
        BoardOwner.From(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", subject, ClaimValueTypes.String, issuer)], "Bearer")));

    [Fact]
    public async Task Each_person_sees_and_changes_only_their_own_tasks_and_another_persons_id_reads_as_unknown()
    {
        await using var app = await StartAsync();
        var store = app.Services.GetRequiredService<BoardStore>();
        var alice = Person("https://auth.example", "alice");
        var bob = Person("https://auth.example", "bob");
        var bobElsewhere = Person("https://other-auth.example", "alice");
        var ct = CancellationToken.None;

        var task = await store.AddAsync(alice, "Alice's task", Columns.Todo, ct);
        await store.AddAsync(bob, "Bob's task", Columns.Doing, ct);
        Assert.Equal(["Alice's task"], (await store.ListAsync(alice, ct)).Select(t => t.Title));
        Assert.Equal(["Bob's task"], (await store.ListAsync(bob, ct)).Select(t => t.Title));
        Assert.Empty(await store.ListAsync(bobElsewhere, ct));
        Assert.Empty(await store.ListAsync(BoardOwner.Local, ct));

        const string unknownId = "t_000000000000";
        foreach (var intruder in new[] { bob, bobElsewhere, BoardOwner.Local })
        {
            var refusals = new[]
            {
                (await Assert.ThrowsAsync<BoardException>(() => store.MoveAsync(intruder, task.Id, Columns.Done, null, ct)), await Assert.ThrowsAsync<BoardException>(() => store.MoveAsync(intruder, unknownId, Columns.Done, null, ct))),
                (await Assert.ThrowsAsync<BoardException>(() => store.MoveAsync(intruder, task.Id, Columns.Done, 1, ct)), await Assert.ThrowsAsync<BoardException>(() => store.MoveAsync(intruder, unknownId, Columns.Done, 1, ct))),
                (await Assert.ThrowsAsync<BoardException>(() => store.CompleteAsync(intruder, task.Id, null, ct)), await Assert.ThrowsAsync<BoardException>(() => store.CompleteAsync(intruder, unknownId, null, ct))),
                (await Assert.ThrowsAsync<BoardException>(() => store.DeleteAsync(intruder, task.Id, 1, ct)), await Assert.ThrowsAsync<BoardException>(() => store.DeleteAsync(intruder, unknownId, 1, ct))),
            };
            foreach (var (others, unknown) in refusals)
                Assert.Equal(unknown.Message.Replace(unknownId, "ID"), others.Message.Replace(task.Id, "ID"));
        }

        var unchanged = Assert.Single(await store.ListAsync(alice, ct));
        Assert.Equal((Columns.Todo, 1, false), (unchanged.Column, unchanged.Version, unchanged.Completed));
    }

    [Fact]
    public async Task Data_and_schema_survive_a_restart()
    {
        string id;
        await using (var first = await StartAsync())
            id = (await AddAsync(first.Mcp, "Persist me")).GetProperty("id").GetString()!;
        await using var second = await StartAsync(reuse: true);
        var board = (await second.Mcp.CallToolAsync("show_board")).GetProperty("structuredContent");
        Assert.Equal(id, board.GetProperty("columns")[0].GetProperty("tasks")[0].GetProperty("id").GetString());
    }
}

public sealed class SqliteBoardTests : BoardContractTests
{
    private string? _path;

    protected override Task<BoardApp> StartAsync(bool reuse = false)
    {
        if (!reuse || _path is null) _path = Path.Combine(TestRunFolder.NewPath("sqlite"), "board.db");
        return Task.FromResult(BoardApp.OnSqlite(_path));
    }

    [Fact]
    public async Task The_database_is_a_wal_file_under_the_configured_path()
    {
        await using var app = await StartAsync();
        await app.Mcp.CallToolAsync("add_task", new { title = "x" });
        Assert.True(File.Exists(_path));
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task Tasks_stored_before_sign_in_existed_stay_on_the_local_board()
    {
        _path = Path.Combine(TestRunFolder.NewPath("sqlite"), "board.db");
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_path};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // Schema version 1, as the board shipped before tasks had owners.
            command.CommandText = """
                CREATE TABLE tasks (id TEXT PRIMARY KEY, title TEXT NOT NULL, col TEXT NOT NULL, completed BOOLEAN NOT NULL,
                    version INTEGER NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
                CREATE INDEX ix_tasks_col_created ON tasks (col, created_at);
                CREATE TABLE schema_version (version INTEGER NOT NULL);
                INSERT INTO schema_version (version) VALUES (1);
                INSERT INTO tasks VALUES ('t_0123456789ab', 'Kept from before', 'doing', 0, 4, 1, 2);
                """;
            command.ExecuteNonQuery();
        }
        await using var app = await StartAsync(reuse: true);
        var board = (await app.Mcp.CallToolAsync("show_board")).GetProperty("structuredContent");
        var kept = board.GetProperty("columns")[1].GetProperty("tasks")[0];
        Assert.Equal(("t_0123456789ab", "Kept from before", 4), (kept.GetProperty("id").GetString(), kept.GetProperty("title").GetString(), kept.GetProperty("version").GetInt32()));
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresBoardTests(PostgresServer postgres) : BoardContractTests
{
    private string? _connectionString;

    protected override async Task<BoardApp> StartAsync(bool reuse = false)
    {
        if (!reuse || _connectionString is null) _connectionString = await postgres.CreateDatabaseAsync();
        return BoardApp.OnPostgres(_connectionString);
    }
}
