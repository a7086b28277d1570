using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Board;

/// <summary>
/// Where the board lives: SQLite (a file under the app's data folder, WAL) by default, PostgreSQL when
/// <c>ConnectionStrings:Board</c> is set. Both go through the same ADO.NET code; only the statements that differ
/// between the two (connection setup, the migration lock) live here.
/// </summary>
public sealed class BoardDatabase
{
    private const long MigrationLockKey = 7_270_011;

    private BoardDatabase(DbProviderFactory factory, string connectionString, bool isPostgres, string description)
    {
        Factory = factory;
        ConnectionString = connectionString;
        IsPostgres = isPostgres;
        Description = description;
    }

    public DbProviderFactory Factory { get; }

    public string ConnectionString { get; }

    public bool IsPostgres { get; }

    /// <summary>Which database, for the start-up log (no credentials).</summary>
    public string Description { get; }

    public static BoardDatabase FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var postgres = configuration.GetConnectionString("Board");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            var builder = new NpgsqlConnectionStringBuilder(postgres);
            return new BoardDatabase(NpgsqlFactory.Instance, postgres, isPostgres: true, $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}");
        }

        var path = configuration["Board:SqlitePath"] is { Length: > 0 } configured ? configured : "App_Data/board.db";
        var fullPath = Path.GetFullPath(Path.Combine(environment.ContentRootPath, path));
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var sqlite = new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = true }.ToString();
        return new BoardDatabase(SqliteFactory.Instance, sqlite, isPostgres: false, $"SQLite {fullPath}");
    }

    /// <summary>An open connection, set up for durable, concurrent use.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Factory.CreateConnection()!;
        connection.ConnectionString = ConnectionString;
        await connection.OpenAsync(cancellationToken);
        if (!IsPostgres)
        {
            // WAL lets readers and one writer work at once; FULL makes an acknowledged write survive a crash;
            // the busy timeout makes concurrent writers wait instead of failing.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;", cancellationToken);
        }
        return connection;
    }

    /// <summary>Takes the lock that keeps two starting instances from migrating at once.</summary>
    public async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // SQLite: the migration transaction is BEGIN IMMEDIATE, which already excludes other writers.
        if (IsPostgres)
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey})", cancellationToken);
    }

    public static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
