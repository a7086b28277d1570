using Inlay.Tests.Support;

namespace Inlay.Tests.Html;

/// <summary>The embedded page bootstrap and where it goes in a page.</summary>
public sealed class PageBootstrapTests
{
    private const string Url = "https://app.example/p?a=1&b=2";
    private static readonly string Tags = $"<meta name=\"inlay-base-url\" content=\"https://app.example/p?a=1&amp;b=2\"><script>{PageBootstrap.Script}</script>";

    [Theory]
    [InlineData("<html><head><title>t</title></head></html>", "<html><head>", "<title>t</title></head></html>")]
    [InlineData("<HTML><HEAD data-x=\"1\">\n  <META CHARSET=utf-8><title>t</title>", "<HTML><HEAD data-x=\"1\">\n  <META CHARSET=utf-8>", "<title>t</title>")]
    [InlineData("<!doctype html><html lang=en><body>x</body>", "<!doctype html><html lang=en>", "<body>x</body>")]
    [InlineData("<!DOCTYPE html><p>x</p>", "<!DOCTYPE html>", "<p>x</p>")]
    [InlineData("<p>x</p>", "", "<p>x</p>")]
    [InlineData("<header>h</header><head></head>", "<header>h</header><head>", "</head>")]
    public void The_base_url_and_the_script_go_first_in_the_head(string page, string before, string after)
    {
        Assert.Equal(before + Tags + after, PageBootstrap.Inject(page, Url));
    }

    [Fact]
    public void The_embedded_script_is_the_view_packages_build()
    {
        var script = PageBootstrap.Script;
        Assert.Contains("inlay-base-url", script);
        Assert.DoesNotContain("</script", script, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sourceMappingURL", script);

        // When the view package is built here, the committed copy must be that build (npm run build rewrites it).
        var built = Path.Combine(Repository.Root, "web", "view", "dist", "bootstrap.iife.js");
        if (!File.Exists(built)) return;
        var text = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(built), @"\n?//# sourceMappingURL=.*\s*$", "\n");
        Assert.Equal(text, script);
    }
}
