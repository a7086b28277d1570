using System.Diagnostics;
using Npgsql;

namespace AuthServer.Tests.Support;

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

    /// <summary>The newest PostgreSQL server's bin folder from Debian's packages, or "" when none is installed.</summary>
    public static string BinFolder { get; } = Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault() ?? ""
        : "";

    public async Task InitializeAsync()
    {
        _bin = BinFolder;
        if (_bin.Length == 0) return; // PostgresFactAttribute skips the tests.

        // PostgreSQL refuses to run as root; CI runs as root, so the cluster belongs to the package's postgres user.
        _asPostgresUser = Environment.UserName == "root";
        _dataDir = Path.Combine(Path.GetTempPath(), "authserver-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dataDir);
        if (_asPostgresUser) await RunAsync("chown", $"postgres:postgres {_dataDir}", asPostgres: false);

        Port = FreeLoopbackPort();
        await RunAsync(Path.Combine(_bin, "initdb"), $"-D {_dataDir} -U postgres -A trust --no-sync -E UTF8 --locale=C", asPostgres: _asPostgresUser);
        await RunAsync(Path.Combine(_bin, "pg_ctl"),
            $"-D {_dataDir} -l {_dataDir}/server.log -w -t 60 -o \"-p {Port} -c listen_addresses=127.0.0.1 -k {_dataDir} -c fsync=on\" start",
            asPostgres: _asPostgresUser);
    }

    /// <summary>A new, empty database and its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "authserver_" + Guid.NewGuid().ToString("N")[..12];
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

    private static int FreeLoopbackPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
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

/// <summary>A test that needs PostgreSQL: skipped, saying why, only when Debian's server binaries are missing.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.BinFolder.Length == 0)
            Skip = "PostgreSQL server binaries were not found under /usr/lib/postgresql; install Debian's postgresql package (.ci/run does).";
    }
}
