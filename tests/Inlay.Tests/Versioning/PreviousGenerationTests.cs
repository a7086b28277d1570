using Microsoft.Extensions.Options;
using System.Net;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Inlay.Tests.Versioning;

/// <summary>
/// A deploy replaces the widget's build folder and restarts the app on the same generations folder: the previous
/// build's hashed assets stay served for the retention, then are gone (from HTTP at once, from disk at the next start).
/// </summary>
public sealed class PreviousGenerationTests : IDisposable
{
    private const string OldScript = "/_inlay/widgets/greeting/assets/index-Aa11bb22.js";
    private const string NewScript = "/_inlay/widgets/greeting/assets/index-Cc33dd44.js";
    private static readonly DateTimeOffset Deployed = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly VersionedWidgetFolder _folder = new();
    private readonly FakeTimeProvider _time = new(Deployed);

    public void Dispose() => _folder.Dispose();

    private Task<LoopbackApp> StartAsync(Action<InlayOptions>? configure = null) =>
        LoopbackApp.StartAsync(
            b =>
            {
                b.Services.AddSingleton<TimeProvider>(_time);
                b.Services.AddMcpServer().WithHttpTransport()
                    .WithInlay(o =>
                    {
                        o.Widgets.GenerationsPath = _folder.Generations;
                        o.Widgets.RetainPreviousGenerations = TimeSpan.FromDays(2);
                        configure?.Invoke(o);
                    })
                    .WithWidget("ui://widget/greeting.html", WidgetHtmlSource.FromAssetFolder("widgets/greeting/dist"));
            },
            a => a.MapInlay(),
            contentRoot: _folder.Root);

    private string[] GenerationFolders() =>
        Directory.Exists(Path.Combine(_folder.Generations, "assets", "greeting"))
            ? [.. Directory.GetDirectories(Path.Combine(_folder.Generations, "assets", "greeting")).Select(Path.GetFileName).Order()!]
            : [];

    [Fact]
    public async Task The_previous_build_is_served_after_a_redeploy_until_the_retention_ends()
    {
        await using (var first = await StartAsync())
            Assert.Equal("console.log('one');", await first.Http.GetStringAsync(OldScript));
        Assert.Single(GenerationFolders());

        _folder.Build("index-Cc33dd44", "console.log('two');");
        _time.Advance(TimeSpan.FromHours(1));
        await using (var redeployed = await StartAsync())
        {
            Assert.Equal("console.log('two');", await redeployed.Http.GetStringAsync(NewScript));
            using (var old = await redeployed.Http.GetAsync(OldScript))
            {
                Assert.Equal(HttpStatusCode.OK, old.StatusCode);
                Assert.Equal("console.log('one');", await old.Content.ReadAsStringAsync());
                Assert.Equal("text/javascript", old.Content.Headers.ContentType?.MediaType);
                Assert.Equal("public, max-age=31536000, immutable", old.Headers.CacheControl?.ToString());
            }
            Assert.Equal(2, GenerationFolders().Length);

            // Still inside the retention, then past it: the old file goes without a restart.
            _time.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
            using (var late = await redeployed.Http.GetAsync(OldScript)) Assert.Equal(HttpStatusCode.OK, late.StatusCode);
            _time.Advance(TimeSpan.FromMinutes(2));
            using (var expired = await redeployed.Http.GetAsync(OldScript)) Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
            Assert.Equal("console.log('two');", await redeployed.Http.GetStringAsync(NewScript));
        }

        // The next start deletes the expired copy and keeps the current one.
        await using (var restarted = await StartAsync())
        {
            using var gone = await restarted.Http.GetAsync(OldScript);
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
        Assert.Single(GenerationFolders());
    }

    [Fact]
    public async Task Files_of_the_current_build_win_over_kept_ones()
    {
        await using (await StartAsync()) { }
        File.WriteAllText(Path.Combine(_folder.Dist, "assets", "site.css"), "body{margin:2px}");
        await using var redeployed = await StartAsync();
        Assert.Equal("body{margin:2px}", await redeployed.Http.GetStringAsync("/_inlay/widgets/greeting/assets/site.css"));
    }

    [Fact]
    public async Task No_retention_keeps_nothing()
    {
        await using (await StartAsync(o => o.Widgets.RetainPreviousGenerations = TimeSpan.Zero)) { }
        _folder.Build("index-Cc33dd44", "console.log('two');");
        await using var redeployed = await StartAsync(o => o.Widgets.RetainPreviousGenerations = TimeSpan.Zero);
        using var old = await redeployed.Http.GetAsync(OldScript);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.Empty(GenerationFolders());
    }

    [Fact]
    public async Task Assets_published_to_a_cdn_are_not_kept_by_the_app()
    {
        await using (await StartAsync(o => o.WidgetAssetBaseUrl = "https://cdn.example.com/widgets")) { }
        Assert.Empty(GenerationFolders());
    }

    [Fact]
    public async Task A_negative_retention_fails_start_up_with_a_clear_message()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(o => o.Widgets.RetainPreviousGenerations = TimeSpan.FromDays(-1)));
        Assert.Contains("Inlay:Widgets:RetainPreviousGenerations", error.Message);
    }

    [Fact]
    public async Task An_unwritable_generations_folder_is_a_warning_not_a_failure()
    {
        var file = Path.Combine(_folder.Root, "not-a-folder");
        File.WriteAllText(file, "a file where the folder should be");
        await using var app = await StartAsync(o => o.Widgets.GenerationsPath = file);
        Assert.Contains(app.Logs.Entries, e => e.Message.Contains("could not keep previous widget generations"));
        using var current = await app.Http.GetAsync(OldScript);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }
}
