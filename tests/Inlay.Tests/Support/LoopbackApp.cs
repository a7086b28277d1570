using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Inlay.Testing;

namespace Inlay.Tests.Support;

/// <summary>An app built for one test and served by Kestrel on a free loopback port.</summary>
public sealed class LoopbackApp : IAsyncDisposable
{
    private readonly string _generations;

    private LoopbackApp(WebApplication app, Uri baseAddress, CapturingLoggerProvider logs, string generations)
    {
        _generations = generations;
        App = app;
        BaseAddress = baseAddress;
        Logs = logs;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public CapturingLoggerProvider Logs { get; }

    public McpHttp Mcp(string path = "/mcp") => new(Http, path);

    /// <summary>Builds, starts and returns the app; start-up exceptions (such as validation failures) propagate.</summary>
    public static async Task<LoopbackApp> StartAsync(
        Action<WebApplicationBuilder> configureServices,
        Action<WebApplication>? configureApp = null,
        string environment = "Development",
        string? contentRoot = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = contentRoot ?? AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // Each app keeps its widget generations apart from other tests and from the user's own apps.
        var generations = TemporaryGenerationsPath();
        builder.Configuration["Inlay:Widgets:GenerationsPath"] = generations;
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        configureServices(builder);
        var app = builder.Build();
        try
        {
            configureApp?.Invoke(app);
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            if (Directory.Exists(generations)) Directory.Delete(generations, recursive: true);
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackApp(app, new Uri(address + "/"), logs, generations);
    }

    /// <summary>A new folder name under the temporary folder, for <c>Inlay:Widgets:GenerationsPath</c>.</summary>
    public static string TemporaryGenerationsPath() => Path.Combine(Path.GetTempPath(), "inlay-generations-" + Guid.NewGuid().ToString("N"));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (Directory.Exists(_generations)) Directory.Delete(_generations, recursive: true);
    }
}
