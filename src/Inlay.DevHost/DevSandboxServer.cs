using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inlay.DevHost;

/// <summary>
/// The sandbox origin of the dev host: a second Kestrel server on a loopback port that serves only the sandbox proxy
/// page and its script. Widgets run there, on an origin other than the app's, so a missing CORS header or an asset
/// the CSP does not allow fails locally the way it fails in ChatGPT. Started when the dev host is first opened.
/// </summary>
internal sealed partial class DevSandboxServer(IOptions<DevHostOptions> options, ILogger<DevSandboxServer> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private WebApplication? _server;
    private string? _origin;

    /// <summary>The sandbox origin, such as <c>http://127.0.0.1:41234</c>; starts the server the first time.</summary>
    public async Task<string> GetOriginAsync(CancellationToken cancellationToken)
    {
        if (_origin is not null) return _origin;
        await _starting.WaitAsync(cancellationToken);
        try
        {
            if (_origin is not null) return _origin;
            var port = options.Value.SandboxPort;
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
            var server = builder.Build();
            server.Run(ServeAsync);
            await server.StartAsync(cancellationToken);
            _server = server;
            var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            _origin = new Uri(address).GetLeftPart(UriPartial.Authority);
            SandboxOrigin(logger, _origin);
            return _origin;
        }
        finally
        {
            _starting.Release();
        }
    }

    private static Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value?.TrimStart('/');
        var allowed = HttpMethods.IsGet(context.Request.Method) && (path == "sandbox.html" || path?.StartsWith("assets/", StringComparison.Ordinal) == true);
        var result = allowed ? DevHostFiles.Serve(context, path) : Results.NotFound();
        return result.ExecuteAsync(context);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _server.StopAsync(timeout.Token);
            await _server.DisposeAsync();
        }
        _starting.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inlay dev host sandbox origin: {Origin}")]
    private static partial void SandboxOrigin(ILogger logger, string origin);
}
