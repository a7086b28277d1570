using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inlay;

/// <summary>
/// Maps the dev host: its page under <c>/_inlay/</c>, <c>/_inlay/devhost.json</c>, which tells the page where things are,
/// <c>/_inlay/hosts.json</c>, the host profiles it plays (<see cref="HostProfiles.ToJson"/>),
/// and <c>/_inlay/events</c>, which tells it when a widget was rebuilt (<see cref="WidgetChangeEvents"/>).
/// </summary>
internal static class DevHostEndpoints
{
    public const string Path = "/_inlay/";

    /// <summary>Whether the dev host is on: <see cref="DevHostOptions.Enabled"/>, or Development when unset.</summary>
    public static bool IsEnabled(IServiceProvider services) =>
        services.GetRequiredService<IOptions<InlayOptions>>().Value.DevHost.Enabled
        ?? services.GetRequiredService<IHostEnvironment>().IsDevelopment();

    /// <summary>Maps the dev host when it is on and was built into this assembly; returns whether it did.</summary>
    public static bool Map(IEndpointRouteBuilder endpoints, string mcpPattern)
    {
        var services = endpoints.ServiceProvider;
        if (!IsEnabled(services) || !DevHostFiles.Available) return false;

        var appName = services.GetRequiredService<IHostEnvironment>().ApplicationName;
        var mcpUrl = "/" + mcpPattern.TrimStart('/');
        endpoints.MapGet("/_inlay/devhost.json", async context =>
        {
            var sandbox = context.RequestServices.GetRequiredService<DevSandboxServer>();
            var origin = await sandbox.GetOriginAsync(context.RequestAborted);
            context.Response.Headers.CacheControl = "no-store";
            await Results.Json(new DevHostConfig(mcpUrl, origin + "/sandbox.html", appName), DevHostJsonContext.Default.DevHostConfig).ExecuteAsync(context);
        }).ExcludeFromDescription();
        // The host profiles the page's Host menu plays (ChatGPT, Claude, a generic MCP Apps host), from the same data
        // as the wire writer and start-up checks.
        var hosts = HostProfiles.ToJson(indented: false);
        endpoints.MapGet("/_inlay/hosts.json", context =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Text(hosts, "application/json").ExecuteAsync(context);
        }).ExcludeFromDescription();
        endpoints.MapGet(WidgetChangeEvents.Path, WidgetChangeEvents.StreamAsync).ExcludeFromDescription();
        endpoints.MapGet("/_inlay/{**path}", context =>
        {
            // "/_inlay" also lands here: the page's relative asset URLs need the trailing slash.
            var result = context.Request.Path.Value?.EndsWith('/') == false && context.GetRouteValue("path") is null
                ? Results.Redirect(Path + context.Request.QueryString)
                : DevHostFiles.Serve(context, context.GetRouteValue("path") as string);
            return result.ExecuteAsync(context);
        }).ExcludeFromDescription();
        return true;
    }
}

/// <summary>What the dev host page reads first: the MCP endpoint to connect to and the sandbox page to frame widgets in.</summary>
internal sealed record DevHostConfig(string McpUrl, string SandboxUrl, string AppName);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DevHostConfig))]
internal sealed partial class DevHostJsonContext : JsonSerializerContext;
