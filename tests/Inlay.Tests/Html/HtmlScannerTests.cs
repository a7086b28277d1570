namespace Inlay.Tests.Html;

/// <summary>
/// The one HTML scanner behind the URL rewriter, the inliner and the page bootstrap's insertion: a tag inside a
/// comment, a CDATA section or a script's text is not a tag for any of them.
/// </summary>
public sealed class HtmlScannerTests
{
    private const string Commented = "<!-- <script src=\"app.js\"></script><link rel=\"stylesheet\" href=\"app.css\"><head> -->";

    private static List<(HtmlTokenKind Kind, string Name)> Tokens(string html)
    {
        var scanner = new HtmlScanner(html);
        var tokens = new List<(HtmlTokenKind, string)>();
        while (scanner.MoveNext()) tokens.Add((scanner.Kind, scanner.Name));
        return tokens;
    }

    [Fact]
    public void Tags_inside_comments_scripts_and_cdata_are_not_tags()
    {
        var tokens = Tokens("<!doctype html>" + Commented + "<script>if (a < b) document.write('<head>')</script><![CDATA[<img>]]><p>");
        Assert.Equal(
            [
                (HtmlTokenKind.Doctype, ""), (HtmlTokenKind.Comment, ""), (HtmlTokenKind.StartTag, "script"),
                (HtmlTokenKind.EndTag, "script"), (HtmlTokenKind.Comment, ""), (HtmlTokenKind.StartTag, "p"),
            ],
            tokens);
    }

    [Fact]
    public void A_raw_text_elements_text_is_given_as_a_span_and_its_end_tag_comes_next()
    {
        const string html = "<style media='x>y'>p { color: red }</STYLE >";
        var scanner = new HtmlScanner(html);
        Assert.True(scanner.MoveNext());
        Assert.True(scanner.IsStartTag("style"));
        Assert.Equal("x>y", scanner.AttributeValue("media"));
        Assert.Equal("p { color: red }", html[scanner.TextStart..scanner.TextEnd]);
        Assert.True(scanner.MoveNext());
        Assert.True(scanner.IsEndTag("style"));
        Assert.Equal(html.Length, scanner.End);
        Assert.False(scanner.MoveNext());
    }

    [Fact]
    public void Attribute_values_are_decoded_and_a_bare_attribute_is_empty()
    {
        var scanner = new HtmlScanner("<script defer src=\"a.js?x=1&amp;y=2\">");
        Assert.True(scanner.MoveNext());
        Assert.Equal("a.js?x=1&y=2", scanner.AttributeValue("SRC"));
        Assert.Equal("", scanner.AttributeValue("defer"));
        Assert.Null(scanner.AttributeValue("type"));
    }

    [Fact]
    public void A_script_inside_a_comment_is_not_rewritten()
    {
        var html = Commented + "<script src=\"app.js\"></script>";
        var rewritten = WidgetHtmlRewriter.Rewrite(html, "https://app.example", "/w/");
        Assert.Equal(Commented + "<script src=\"https://app.example/w/app.js\"></script>", rewritten);
    }

    [Fact]
    public void A_script_or_style_sheet_inside_a_comment_is_not_inlined()
    {
        var html = Commented + "<link rel=\"stylesheet\" href=\"app.css\"><script type=\"module\" src=\"app.js\"></script>";
        var inlined = WidgetInliner.Inline(html, "index.html", path => path == "app.js" ? "run()" : "p{}");
        Assert.Equal(Commented + "<style>p{}</style><script type=\"module\">run()</script>", inlined);
    }

    [Fact]
    public void A_script_with_text_of_its_own_is_not_inlined()
    {
        const string html = "<script src=\"app.js\">fallback()</script>";
        Assert.Equal(html, WidgetInliner.Inline(html, "index.html", _ => "run()"));
    }

    [Theory]
    [InlineData("<!-- <head> --><html><head><title>t</title>", "<!-- <head> --><html><head>", "<title>t</title>")]
    [InlineData("<script>var h = '<head>';</script><head></head>", "<script>var h = '<head>';</script><head>", "</head>")]
    [InlineData("<!-- <html> --><!doctype html><p>x</p>", "<!-- <html> --><!doctype html>", "<p>x</p>")]
    [InlineData("<head><!-- c --><meta charset=utf-8>", "<head>", "<!-- c --><meta charset=utf-8>")]
    [InlineData("<head>\n <meta name=x charset=\"utf-8\"><title>", "<head>\n <meta name=x charset=\"utf-8\">", "<title>")]
    public void The_page_bootstrap_goes_into_the_real_head(string page, string before, string after)
    {
        var injected = PageBootstrap.Inject(page, "https://app.example/");
        Assert.StartsWith(before + "<meta name=\"inlay-base-url\"", injected);
        Assert.EndsWith("</script>" + after, injected);
    }
}
