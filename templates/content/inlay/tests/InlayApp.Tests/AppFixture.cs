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

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment("Development");
}
