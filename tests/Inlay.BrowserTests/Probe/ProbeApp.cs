using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

namespace Inlay.BrowserTests.Probe;

/// <summary>
/// An app made to exercise the dev host itself: its widget is a bare MCP Apps client (probe.html) with buttons for
/// each thing a widget asks of its host, and one of its tools is visible to the model only. The same document is also
/// served as a second widget that declares a <see cref="DomainWidget.Domain"/> (no sample declares one), so each host's
/// <c>ui.domain</c> can be checked.
/// </summary>
public sealed class ProbeApp : IAsyncDisposable
{
    private readonly string _generations;

    private ProbeApp(WebApplication app, Uri baseAddress, string generations)
    {
        App = app;
        BaseAddress = baseAddress;
        _generations = generations;
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    /// <param name="environment">The host environment.</param>
    /// <param name="contentRoot">The folder holding <c>Probe/probe.html</c>; the test's output folder by default.</param>
    /// <param name="hosts">The hosts the app targets (<c>Inlay:Hosts</c>); all by default.</param>
    public static async Task<ProbeApp> StartAsync(string environment = "Development", string? contentRoot = null, IReadOnlyList<string>? hosts = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = contentRoot ?? AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var generations = Path.Combine(Path.GetTempPath(), "inlay-probe-generations-" + Guid.NewGuid().ToString("N"));
        builder.Configuration["Inlay:Widgets:GenerationsPath"] = generations;
        for (var i = 0; i < (hosts?.Count ?? 0); i++) builder.Configuration[$"Inlay:Hosts:{i}"] = hosts![i];
        builder.Services.AddMcpServer().WithHttpTransport(http => http.Stateless = true).WithInlay()
            .WithWidget("ui://widget/probe.html", WidgetHtmlSource.FromFile("Probe/probe.html"), widget => widget.DisplayModes = WidgetDisplayModes.All)
            .WithWidget(DomainWidget.Uri, WidgetHtmlSource.FromFile("Probe/probe.html"), widget => widget.Domain = DomainWidget.Domain)
            .WithWidgetTools<ProbeTools>();
        // The test host's entry assembly names no extensions, so the dev host is added here.
        builder.Services.AddInlayDevHost();
        var app = builder.Build();
        app.MapInlay();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ProbeApp(app, new Uri(address + "/"), generations);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (Directory.Exists(_generations)) Directory.Delete(_generations, recursive: true);
    }
}

/// <summary>The probe served again as a widget with a dedicated sandbox origin.</summary>
public static class DomainWidget
{
    public const string Uri = "ui://widget/probe-domain.html";

    /// <summary>The declared domain: ChatGPT's form (an origin of the app's own), which Claude refuses.</summary>
    public const string Domain = "https://probe.example.com";
}

public sealed record ProbeData(string Text);

[McpServerToolType]
public sealed class ProbeTools
{
    [McpServerTool(Name = "show_probe", ReadOnly = true, Destructive = false, OpenWorld = false, Idempotent = true)]
    [Description("Shows the probe widget.")]
    [WidgetTool("ui://widget/probe.html")]
    public static WidgetResult<ProbeData> ShowProbe(string text = "hi") => new(new ProbeData(text), "Probe shown.");

    [McpServerTool(Name = "secret_tool", ReadOnly = true, Destructive = false, OpenWorld = false, Idempotent = true)]
    [Description("Only the model may call this.")]
    [WidgetTool("ui://widget/probe.html", Visibility = ToolVisibility.Model)]
    public static WidgetResult<ProbeData> Secret() => new(new ProbeData("secret"), "Secret.");

    [McpServerTool(Name = "show_domain_probe", ReadOnly = true, Destructive = false, OpenWorld = false, Idempotent = true)]
    [Description("Shows the probe widget that declares a domain.")]
    [WidgetTool(DomainWidget.Uri)]
    public static WidgetResult<ProbeData> ShowDomainProbe(string text = "domain") => new(new ProbeData(text), "Probe shown.");
}
