using System.Diagnostics;
using System.Text.RegularExpressions;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Inlay.Tests.Html;

/// <summary>
/// A Vite build folder (hashed assets, <c>.vite/manifest.json</c>, <c>base: './'</c>) served both ways: the entry
/// pointing at the hashed files on the public URL, and one inlined document. Everything over real HTTP.
/// </summary>
public sealed class ViteBuildWidgetTests : IDisposable
{
    private const string Script = "const s=\"</script><!--<script>\";const r=/<\\/SCRIPT>/i;document.title=s+r.test(\"</script>\");";
    private const string Style = "@font-face{font-family:g;src:url(./font-B7qk2mZ9.woff2)}h1:after{content:\"</style>\"}";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "inlay-vite-widget-" + Guid.NewGuid().ToString("N"));
    private readonly string _dist;

    public ViteBuildWidgetTests()
    {
        _dist = Path.Combine(_root, "widgets", "greeting", "dist");
        Directory.CreateDirectory(Path.Combine(_dist, "assets"));
        Directory.CreateDirectory(Path.Combine(_dist, ".vite"));
        // The entry is widget.html, not index.html: only the manifest says so.
        File.WriteAllText(Path.Combine(_dist, "widget.html"),
            "<!doctype html><html><head>\n" +
            "<script type=\"module\" crossorigin src=\"./assets/widget-C2YEqa5L.js\"></script>\n" +
            "<link rel=\"stylesheet\" crossorigin href=\"./assets/widget-Jk00AAau.css\">\n" +
            "</head><body><div id=\"root\"></div></body></html>");
        File.WriteAllText(Path.Combine(_dist, "assets", "widget-C2YEqa5L.js"), Script);
        File.WriteAllText(Path.Combine(_dist, "assets", "widget-Jk00AAau.css"), Style);
        File.WriteAllBytes(Path.Combine(_dist, "assets", "font-B7qk2mZ9.woff2"), [0x77, 0x4f, 0x46, 0x32]);
        WriteManifest("""
            {
              "widget.html": { "file": "assets/widget-C2YEqa5L.js", "name": "widget", "src": "widget.html", "isEntry": true,
                               "css": ["assets/widget-Jk00AAau.css"] }
            }
            """);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void WriteManifest(string json) => File.WriteAllText(Path.Combine(_dist, ".vite", "manifest.json"), json);

    private Task<LoopbackApp> StartAsync(WidgetHtmlSource source) => LoopbackApp.StartAsync(
        b => b.Services.AddMcpServer().WithHttpTransport().WithInlay().WithWidget("ui://widget/greeting.html", source),
        a => a.MapInlay(),
        contentRoot: _root);

    private static async Task<string> ReadWidgetAsync(LoopbackApp app)
    {
        var read = await app.Mcp().ResultAsync("resources/read", new { uri = "ui://widget/greeting.html" });
        return read.GetProperty("contents")[0].GetProperty("text").GetString()!;
    }

    [Fact]
    public async Task Entry_named_by_the_manifest_points_at_the_hashed_files_on_the_public_url()
    {
        await using var app = await StartAsync(WidgetHtmlSource.FromAssetFolder("widgets/greeting/dist"));
        var html = await ReadWidgetAsync(app);
        var baseUrl = app.BaseAddress.GetLeftPart(UriPartial.Authority) + "/_inlay/widgets/greeting/";
        Assert.Contains($"<script type=\"module\" crossorigin src=\"{baseUrl}assets/widget-C2YEqa5L.js\"></script>", html);
        Assert.Contains($"<link rel=\"stylesheet\" crossorigin href=\"{baseUrl}assets/widget-Jk00AAau.css\">", html);

        Assert.Equal(Script, await app.Http.GetStringAsync(baseUrl + "assets/widget-C2YEqa5L.js"));
        Assert.Equal(Style, await app.Http.GetStringAsync(baseUrl + "assets/widget-Jk00AAau.css"));
        using var manifest = await app.Http.GetAsync(baseUrl + ".vite/manifest.json");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, manifest.StatusCode); // build metadata is not served
    }

    [Fact]
    public async Task Inline_mode_serves_one_document_with_the_script_and_style_sheet_inside()
    {
        await using var app = await StartAsync(WidgetHtmlSource.FromAssetFolder("widgets/greeting/dist", inline: true));
        var html = await ReadWidgetAsync(app);

        Assert.DoesNotContain("widget-C2YEqa5L.js", html);
        Assert.DoesNotContain("widget-Jk00AAau.css", html);
        var script = Regex.Match(html, "<script type=\"module\">(.*?)</script>", RegexOptions.Singleline);
        Assert.True(script.Success, html);
        Assert.Equal(WidgetInliner.EscapeScript(Script), script.Groups[1].Value);
        Assert.Equal(@"const s=""\x3C/script>\x3C!--<script>"";const r=/<\/SCRIPT>/i;document.title=s+r.test(""\x3C/script>"");", script.Groups[1].Value);
        // One </script in the document: the element's own end tag, so nothing in the script can end it early.
        Assert.Single(Regex.Matches(html, "</script", RegexOptions.IgnoreCase));

        // The style sheet's font URL, relative to assets/, now resolves from the document to the served file.
        var fontUrl = app.BaseAddress.GetLeftPart(UriPartial.Authority) + "/_inlay/widgets/greeting/assets/font-B7qk2mZ9.woff2";
        Assert.Contains($"<style>@font-face{{font-family:g;src:url({fontUrl})}}h1:after{{content:\"<\\/style>\"}}</style>", html);
        Assert.Single(Regex.Matches(html, "</style", RegexOptions.IgnoreCase));
        Assert.Equal([0x77, 0x4f, 0x46, 0x32], await app.Http.GetByteArrayAsync(fontUrl));
    }

    [Fact]
    public async Task Inline_mode_refuses_a_build_split_into_chunks_at_start_up()
    {
        WriteManifest("""
            { "widget.html": { "file": "assets/widget-C2YEqa5L.js", "src": "widget.html", "isEntry": true, "imports": ["_vendor-Bx1.js"] },
              "_vendor-Bx1.js": { "file": "assets/vendor-Bx1aaaa1.js" } }
            """);
        var error = await Assert.ThrowsAsync<InlayValidationException>(() => StartAsync(WidgetHtmlSource.FromAssetFolder("widgets/greeting/dist", inline: true)));
        Assert.Contains("imports other chunks (_vendor-Bx1.js)", error.Message);
        Assert.Contains("codeSplitting", error.Message);
    }

    [Fact]
    public async Task An_explicit_entry_wins_over_the_manifest_and_index_html_is_the_fallback()
    {
        File.WriteAllText(Path.Combine(_dist, "other.html"), "<p>other</p>");
        var explicitEntry = WidgetHtmlSource.FromAssetFolder(_dist, "other.html");
        Assert.Equal("<p>other</p>", await explicitEntry.ReadAsync(new Microsoft.Extensions.FileProviders.NullFileProvider(), default));

        File.Delete(Path.Combine(_dist, ".vite", "manifest.json"));
        File.WriteAllText(Path.Combine(_dist, "index.html"), "<p>index</p>");
        var noManifest = WidgetHtmlSource.FromAssetFolder(_dist);
        Assert.Equal("<p>index</p>", await noManifest.ReadAsync(new Microsoft.Extensions.FileProviders.NullFileProvider(), default));
    }

    [Fact]
    public void Escaped_script_means_the_same_to_a_javascript_engine()
    {
        // Strings, template literals, regular expressions (with and without the u flag) and comments.
        const string program = "// </script> in a comment <!--\n" +
            "const out = [\"</script><!--\", `</SCRIPT ${1}`, /<\\/script>/u.test(\"</script>\"), /<!--/.test(\"a<!--\")];\n" +
            "console.log(JSON.stringify(out));";
        var escaped = WidgetInliner.EscapeScript(program);
        Assert.DoesNotContain("</script", escaped, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<!--", escaped);
        var node = RunNode(program);
        if (node is null) return; // no Node.js on this machine: the text assertions above still hold
        Assert.Equal(node, RunNode(escaped));
        Assert.Equal("[\"</script><!--\",\"</SCRIPT 1\",true,true]", node.Trim());
    }

    private static string? RunNode(string program)
    {
        var file = Path.Combine(Path.GetTempPath(), "inlay-escape-" + Guid.NewGuid().ToString("N") + ".mjs");
        File.WriteAllText(file, program);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("node", [file]) { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
