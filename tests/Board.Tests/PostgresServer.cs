using System.Diagnostics;
using Npgsql;

namespace Board.Tests;

/// <summary>
/// A throwaway PostgreSQL cluster on loopback, from Debian's postgresql package: created in a temporary folder,
/// started on a free port, stopped and deleted at the end. Each test gets its own database.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string _dataDir = "";
    private string _bin = "";
    private bool _asPostgresUser;

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault() ?? ""
            : "";
        if (_bin.Length == 0)
            throw new InvalidOperationException("PostgreSQL server binaries were not found under /usr/lib/postgresql; install Debian's postgresql package (test.sh does, through .ci/prerequisites.sh).");

        // PostgreSQL refuses to run as root; CI runs as root, so the cluster belongs to the package's postgres user.
        _asPostgresUser = Environment.UserName == "root";
        _dataDir = Path.Combine(Path.GetTempPath(), "board-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dataDir);
        if (_asPostgresUser) await RunAsync("chown", $"postgres:postgres {_dataDir}", asPostgres: false);

        Port = LoopbackPort.Free();
        await RunAsync(Path.Combine(_bin, "initdb"), $"-D {_dataDir} -U postgres -A trust --no-sync -E UTF8 --locale=C", asPostgres: _asPostgresUser);
        await RunAsync(Path.Combine(_bin, "pg_ctl"),
            $"-D {_dataDir} -l {_dataDir}/server.log -w -t 60 -o \"-p {Port} -c listen_addresses=127.0.0.1 -k {_dataDir} -c fsync=on\" start",
            asPostgres: _asPostgresUser);
    }

    /// <summary>A new, empty database and its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "board_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    private string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Timeout=15";

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_bin.Length > 0 && Directory.Exists(_dataDir))
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), $"-D {_dataDir} -m immediate -w stop", asPostgres: _asPostgresUser, check: false);
            Directory.Delete(_dataDir, recursive: true);
        }
    }


    private static async Task RunAsync(string file, string arguments, bool asPostgres, bool check = true)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (check && process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await output} {await error}");
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
