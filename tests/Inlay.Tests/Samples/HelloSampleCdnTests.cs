using Inlay.Testing;
using Inlay.Tests.Html;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Inlay.Tests.Samples;

/// <summary>
/// The Hello sample with Inlay:WidgetAssetBaseUrl pointing at a static server on another loopback port that serves
/// the built widget folder the way <c>dotnet publish</c> lays it out (<c>widgets-cdn/greeting/</c>).
/// </summary>
public sealed class HelloSampleCdnTests
{
    [Fact]
    public async Task Widget_document_loads_the_built_assets_from_the_cdn_and_names_it_in_the_csp()
    {
        var dist = Path.Combine(Repository.Sample("Hello"), "widgets", "greeting", "dist");
        await using var cdn = await WidgetAssetBaseUrlTests.StartStaticServerAsync(dist, "/widgets-cdn/greeting");
        var cdnOrigin = cdn.BaseAddress.GetLeftPart(UriPartial.Authority);
        var generations = LoopbackApp.TemporaryGenerationsPath();

        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseContentRoot(Repository.Sample("Hello"));
            b.UseSetting("Inlay:WidgetAssetBaseUrl", cdnOrigin + "/widgets-cdn");
            b.UseSetting("Inlay:Widgets:GenerationsPath", generations);
        });
        var mcp = new McpHttp(factory.CreateClient(), "/mcp");
        var read = await mcp.ResultAsync("resources/read", new { uri = "ui://widget/greeting.html" });
        var contents = read.GetProperty("contents")[0];
        var html = contents.GetProperty("text").GetString()!;

        await using var manifestFile = File.OpenRead(Path.Combine(dist, ".vite", "manifest.json"));
        var entry = Assert.Single(ViteManifest.Parse(manifestFile).Entries);
        var script = $"{cdnOrigin}/widgets-cdn/greeting/{entry.File}";
        var style = $"{cdnOrigin}/widgets-cdn/greeting/{Assert.Single(entry.Css)}";
        Assert.Contains($"src=\"{script}\"", html);
        Assert.Contains($"href=\"{style}\"", html);
        Assert.DoesNotContain("/_inlay/widgets/", html);
        var csp = contents.GetProperty("_meta").GetProperty("ui").GetProperty("csp");
        Assert.Equal([cdnOrigin], csp.GetProperty("resourceDomains").EnumerateArray().Select(e => e.GetString()));

        using var http = new HttpClient();
        Assert.Contains("Fullscreen", await http.GetStringAsync(script));
        Assert.NotEmpty(await http.GetStringAsync(style));

        // With a CDN the app keeps no asset generations.
        Assert.False(Directory.Exists(Path.Combine(generations, "assets")));
        if (Directory.Exists(generations)) Directory.Delete(generations, recursive: true);
    }
}
