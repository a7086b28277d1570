using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inlay.DevHost;

/// <summary>
/// Maps the dev host: its page under <c>/_inlay/</c>, <c>/_inlay/devhost.json</c>, which tells the page where things are,
/// <c>/_inlay/hosts.json</c>, the host profiles it plays (<see cref="HostProfiles.ToJson"/>),
/// and <c>/_inlay/events</c>, which tells it when a widget was rebuilt (<see cref="WidgetChangeEvents"/>).
/// </summary>
internal static partial class DevHostEndpoints
{
    public const string Path = "/_inlay/";

    public static void Map(IEndpointRouteBuilder endpoints, string mcpPattern)
    {
        var services = endpoints.ServiceProvider;
        var appName = services.GetRequiredService<IHostEnvironment>().ApplicationName;
        var mcpUrl = "/" + mcpPattern.TrimStart('/');
        // RequestDelegate handlers: no reflection over delegates, so the library stays trimmable.
        endpoints.MapGet("/_inlay/devhost.json", async context =>
        {
            var sandbox = context.RequestServices.GetRequiredService<DevSandboxServer>();
            var origin = await sandbox.GetOriginAsync(context.RequestAborted);
            context.Response.Headers.CacheControl = "no-store";
            await TypedResults.Json(new DevHostConfig(mcpUrl, origin + "/sandbox.html", appName), DevHostJsonContext.Default.DevHostConfig).ExecuteAsync(context);
        }).ExcludeFromDescription();
        // The host profiles the page's Host menu plays (ChatGPT, Claude, a generic MCP Apps host), from the same data
        // as the wire writer and start-up checks.
        var hosts = HostProfiles.ToJson(indented: false);
        endpoints.MapGet("/_inlay/hosts.json", context =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Text(hosts, "application/json").ExecuteAsync(context);
        }).ExcludeFromDescription();
        endpoints.MapGet(WidgetChangeEvents.Path, context => WidgetChangeEvents.Stream(context).ExecuteAsync(context)).ExcludeFromDescription();
        endpoints.MapGet("/_inlay/{**path}", context =>
        {
            var path = context.GetRouteValue("path") as string;
            // "/_inlay" also lands here: the page's relative asset URLs need the trailing slash.
            var result = context.Request.Path.Value?.EndsWith('/') == false && path is null
                ? Results.Redirect(Path + context.Request.QueryString)
                : DevHostFiles.Serve(context, path);
            return result.ExecuteAsync(context);
        }).ExcludeFromDescription();

        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Register(() =>
        {
            if (LocalAddress(services) is { } address)
                Serving(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DevHostExtension)), address + Path);
        });
    }

    /// <summary>Where this machine reaches the app: a loopback address it listens on, else its first address.</summary>
    private static string? LocalAddress(IServiceProvider services)
    {
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null || addresses.Count == 0) return null;
        var address = addresses.FirstOrDefault(a => a.Contains("://127.0.0.1", StringComparison.Ordinal) || a.Contains("://localhost", StringComparison.Ordinal))
            ?? addresses.First();
        return address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inlay dev host: {Url}")]
    private static partial void Serving(ILogger logger, string url);
}
