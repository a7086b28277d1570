using Inlay.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Board.Tests;

/// <summary>The Board sample's own Program on Kestrel (loopback), pointed at the database a test chose.</summary>
public sealed class BoardApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _generations = TestRunFolder.NewPath("generations");

    public BoardApp(Dictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel(0);
        StartServer();
        Mcp = new McpHttp(CreateClient());
    }

    public McpHttp Mcp { get; }

    public static BoardApp OnSqlite(string path) => new(new() { ["Board:SqlitePath"] = path, ["ConnectionStrings:Board"] = "" });

    public static BoardApp OnPostgres(string connectionString) => new(new() { ["ConnectionStrings:Board"] = connectionString });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Inlay:Widgets:GenerationsPath", _generations);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_generations)) Directory.Delete(_generations, recursive: true);
    }
}
