using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>
/// Validates every declaration before the app serves anything, failing start-up with one message that lists all
/// problems, and once the server listens prints where the MCP endpoint and the widgets are served.
/// </summary>
internal sealed partial class InlayStartup(
    IEnumerable<WidgetDeclaration> widgets,
    IEnumerable<McpServerTool> tools,
    IOptions<InlayOptions> options,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    PublicUrlResolver publicUrl,
    RequestOriginPolicy originPolicy,
    InlayEndpointRegistry endpoints,
    InlayReadiness readiness,
    WidgetVersions versions,
    IServiceProvider services,
    IConfiguration configuration,
    ILogger<InlayStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Exporting the tools' schemas (at build time, before the widgets are built): nothing to check or serve.
        if (ToolSchemaExport.RequestedPath(configuration) is not null) return;

        var validator = new DeclarationValidator(
            [.. widgets], [.. tools], options.Value, environment.IsDevelopment(), environment.ContentRootFileProvider, logger);
        var problems = new List<string>();
        problems.AddRange(await validator.ValidateAsync(cancellationToken));
        problems.AddRange(await ToolAuthorizationCheck.FindProblemsAsync(tools, services));
        if (problems.Count > 0) throw new InlayValidationException(problems);
        await versions.RefreshAsync(cancellationToken);

        if (!originPolicy.KnowsPublicHost && !environment.IsDevelopment())
            OnlyLoopbackHosts(logger);

        if (endpoints.AssetPaths.Count > 0 && options.Value.WidgetCorsOrigins.Count == 0 && !environment.IsDevelopment())
            NoAssetCorsOrigins(logger);

        if (widgets.Any(w => w.Html is AppPageHtmlSource) && options.Value.WidgetCorsOrigins.Count == 0 && !environment.IsDevelopment())
            NoPageCorsOrigins(logger);

        lifetime.ApplicationStarted.Register(() =>
        {
            readiness.MarkReady();
            var baseUrl = publicUrl.Resolve(null);
            foreach (var path in endpoints.McpPaths)
                McpEndpoint(logger, baseUrl + path);
            foreach (var path in endpoints.AssetPaths)
                WidgetAssets(logger, baseUrl + path);
            foreach (var widget in widgets)
            {
                if (versions.Current(widget.Uri) is { } version)
                    WidgetAdvertised(logger, widget.Uri, VersionedUri.Of(widget.Uri, version));
            }
            if (!string.IsNullOrWhiteSpace(options.Value.WidgetAssetBaseUrl))
                AssetBaseUrl(logger, options.Value.WidgetAssetBaseUrl);
            PublicUrl(logger, publicUrl.Describe());
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The MCP endpoint accepts only loopback Host names: set Inlay:PublicUrl (or Inlay:AllowedHosts) to the name clients use to reach this server.")]
    private static partial void OnlyLoopbackHosts(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Widget assets are served, but no host sandbox origin may fetch them cross-origin: set Inlay:WidgetCorsOrigins, for example to https://*.web-sandbox.oaiusercontent.com for ChatGPT.")]
    private static partial void NoAssetCorsOrigins(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Widgets are pages of this app, but no host sandbox origin may fetch its pages and data cross-origin: set Inlay:WidgetCorsOrigins, for example to https://*.web-sandbox.oaiusercontent.com for ChatGPT, and mark those endpoints RequireWidgetCors().")]
    private static partial void NoPageCorsOrigins(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inlay MCP endpoint: {Url}")]
    private static partial void McpEndpoint(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inlay widget assets: {Url}")]
    private static partial void WidgetAssets(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inlay widget {Uri} is advertised as {Versioned}")]
    private static partial void WidgetAdvertised(ILogger logger, string uri, string versioned);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inlay widget documents load their assets from {AssetBaseUrl} (Inlay:WidgetAssetBaseUrl)")]
    private static partial void AssetBaseUrl(ILogger logger, string? assetBaseUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inlay public URL: {PublicUrl}")]
    private static partial void PublicUrl(ILogger logger, string publicUrl);
}
