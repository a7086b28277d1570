using System.Data.Common;

namespace Board;

/// <summary>Creates the schema on first start and applies newer migrations in order, once, under a lock.</summary>
public static class BoardSchema
{
    /// <summary>Each entry migrates from the previous version; never edit one that has shipped, add another.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE tasks (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            col TEXT NOT NULL,
            completed BOOLEAN NOT NULL,
            version INTEGER NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL
        );
        CREATE INDEX ix_tasks_col_created ON tasks (col, created_at);
        """,
        // Tasks belong to a person (issuer and subject) once sign-in is on; tasks stored before stay the local board's.
        """
        ALTER TABLE tasks ADD COLUMN owner TEXT NOT NULL DEFAULT '';
        CREATE INDEX ix_tasks_owner_created ON tasks (owner, created_at);
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    public static async Task<int> MigrateAsync(BoardDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await database.LockForMigrationAsync(connection, transaction, cancellationToken);
        await BoardDatabase.ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", cancellationToken);

        var current = await CurrentVersionAsync(connection, transaction, cancellationToken);
        if (current > Migrations.Length)
            throw new InvalidOperationException($"The board database is at schema version {current}, newer than this app's {Migrations.Length}; deploy the newer app.");
        for (var version = current; version < Migrations.Length; version++)
            await BoardDatabase.ExecuteAsync(connection, transaction, Migrations[version], cancellationToken);

        await BoardDatabase.ExecuteAsync(connection, transaction, "DELETE FROM schema_version", cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO schema_version (version) VALUES (@version)";
            insert.Parameters.Add(Parameter(insert, "@version", Migrations.Length));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return current;
    }

    private static async Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT MAX(version) FROM schema_version";
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }
}
