using Inlay.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InlayApp.Tests;

/// <summary>The app's own Program, served by Kestrel on a free loopback port, so tests go over real HTTP.</summary>
public sealed class AppFixture : WebApplicationFactory<Program>
{
    public AppFixture()
    {
        UseKestrel(0);
        StartServer();
        Http = CreateClient();
        Mcp = new McpHttp(Http, "/mcp");
    }

    /// <summary>A client whose base address is the app.</summary>
    public HttpClient Http { get; }

    /// <summary>JSON-RPC over Streamable HTTP to the app's MCP endpoint.</summary>
    public McpHttp Mcp { get; }

    // Widget generations (the previous builds' assets Inlay keeps serving) go to a folder of the test run's, not the
    // user's profile, and are removed with it.
    private readonly string _generations = Path.Combine(Path.GetTempPath(), "inlay-app-tests-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Inlay:Widgets:GenerationsPath", _generations);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_generations)) Directory.Delete(_generations, recursive: true);
    }
}
