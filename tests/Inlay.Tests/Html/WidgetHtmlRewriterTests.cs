namespace Inlay.Tests.Html;

public class WidgetHtmlRewriterTests
{
    private const string Base = "https://app.example.com";
    private const string Path = "/widgets/greeting/";
    private const string Abs = Base + Path;

    private static string Rewrite(string html) => WidgetHtmlRewriter.Rewrite(html, Base, Path);

    [Theory]
    [InlineData("<script src=\"assets/app.js\"></script>", "<script src=\"" + Abs + "assets/app.js\"></script>")]
    [InlineData("<script src=\"./assets/app.js\"></script>", "<script src=\"" + Abs + "assets/app.js\"></script>")]
    [InlineData("<script src=\"../shared/x.js\"></script>", "<script src=\"" + Base + "/widgets/shared/x.js\"></script>")]
    [InlineData("<script src=\"../../../../x.js\"></script>", "<script src=\"" + Base + "/x.js\"></script>")]
    [InlineData("<link rel=stylesheet href=\"/x.css\">", "<link rel=stylesheet href=\"" + Base + "/x.css\">")]
    [InlineData("<img src='a.png'>", "<img src='" + Abs + "a.png'>")]
    [InlineData("<img src=a.png alt=x>", "<img src=" + Abs + "a.png alt=x>")]
    [InlineData("<img src=a.png>", "<img src=" + Abs + "a.png>")]
    [InlineData("<img src=a.png?x=1>", "<img src=" + Abs + "a.png?x=1>")]
    [InlineData("<img src=a.png?x=1&amp;y=\"2\">", "<img src=" + Abs + "a.png?x=1&amp;y=\"2\">")]
    [InlineData("<IMG SRC=\"a.png\">", "<IMG SRC=\"" + Abs + "a.png\">")]
    [InlineData("<img\nsrc\n=\n\"a.png\"\n/>", "<img\nsrc\n=\n\"" + Abs + "a.png\"\n/>")]
    [InlineData("<iframe src=\"inner.html\"></iframe>", "<iframe src=\"" + Abs + "inner.html\"></iframe>")]
    [InlineData("<embed src=\"m.swf\">", "<embed src=\"" + Abs + "m.swf\">")]
    [InlineData("<audio src=\"s.mp3\"></audio>", "<audio src=\"" + Abs + "s.mp3\"></audio>")]
    [InlineData("<video src=\"v.mp4\" poster=\"p.jpg\"></video>", "<video src=\"" + Abs + "v.mp4\" poster=\"" + Abs + "p.jpg\"></video>")]
    [InlineData("<track src=\"t.vtt\">", "<track src=\"" + Abs + "t.vtt\">")]
    [InlineData("<source src=\"v.webm\">", "<source src=\"" + Abs + "v.webm\">")]
    [InlineData("<input type=image src=\"go.png\">", "<input type=image src=\"" + Abs + "go.png\">")]
    [InlineData("<input src=\"go.png\" TYPE=\"Image\">", "<input src=\"" + Abs + "go.png\" TYPE=\"Image\">")]
    [InlineData("<object data=\"doc.pdf\"></object>", "<object data=\"" + Abs + "doc.pdf\"></object>")]
    [InlineData("<svg><use href=\"icons.svg#x\"/></svg>", "<svg><use href=\"" + Abs + "icons.svg#x\"/></svg>")]
    [InlineData("<svg><use xlink:href=\"icons.svg#x\"/></svg>", "<svg><use xlink:href=\"" + Abs + "icons.svg#x\"/></svg>")]
    [InlineData("<svg><image href=\"i.png\"/></svg>", "<svg><image href=\"" + Abs + "i.png\"/></svg>")]
    [InlineData("<script src=\"app.js?v=1#top\"></script>", "<script src=\"" + Abs + "app.js?v=1#top\"></script>")]
    [InlineData("<script src=\"?v=1\"></script>", "<script src=\"" + Abs + "?v=1\"></script>")]
    [InlineData("<script src=\"  app.js \"></script>", "<script src=\"  " + Abs + "app.js \"></script>")]
    [InlineData("<link href=\"\\x.css\">", "<link href=\"" + Base + "/x.css\">")]
    [InlineData("<link rel=modulepreload href=\"assets/chunk.js\">", "<link rel=modulepreload href=\"" + Abs + "assets/chunk.js\">")]
    public void Rewrites_relative_asset_urls(string html, string expected) => Assert.Equal(expected, Rewrite(html));

    [Theory]
    [InlineData("<script src=\"https://cdn.example.com/a.js\"></script>")]
    [InlineData("<script src=\"HTTP://cdn.example.com/a.js\"></script>")]
    [InlineData("<script src=\"//cdn.example.com/a.js\"></script>")]
    [InlineData("<script src=\"\\\\cdn.example.com/a.js\"></script>")]
    [InlineData("<img src=\"data:image/png;base64,AAAA\">")]
    [InlineData("<img src=\"blob:https://x/123\">")]
    [InlineData("<img src=\"#frag\">")]
    [InlineData("<img src=\"\">")]
    [InlineData("<img src>")]
    [InlineData("<img src=\"   \">")]
    [InlineData("<iframe src=\"about:blank\"></iframe>")]
    [InlineData("<iframe src=\"javascript:void(0)\"></iframe>")]
    [InlineData("<iframe src=\"&#106;avascript:alert(1)\"></iframe>")]
    [InlineData("<link href=\"mailto:a@b.c\">")]
    [InlineData("<svg><use href=\"#icon\"/></svg>")]
    [InlineData("<a href=\"page.html\">x</a>")]
    [InlineData("<base href=\"x/\">")]
    [InlineData("<form action=\"post\"></form>")]
    [InlineData("<div src=\"a.png\" href=\"b.css\" poster=\"c.jpg\"></div>")]
    [InlineData("<input src=\"go.png\">")]
    [InlineData("<input type=text src=\"go.png\">")]
    [InlineData("<img data-src=\"a.png\">")]
    [InlineData("<img xsrc=\"a.png\">")]
    public void Leaves_urls_that_are_not_relative_asset_urls(string html) => Assert.Same(html, Rewrite(html));

    [Fact]
    public void Document_without_relative_urls_is_returned_unchanged()
    {
        const string html = "<!doctype html><html><head><title>x</title></head><body><p>Hello</p></body></html>";
        Assert.Same(html, Rewrite(html));
    }

    [Fact]
    public void Everything_but_the_urls_is_byte_identical()
    {
        const string html =
            "<!DOCTYPE html>\r\n<html lang=en>\n  <head>\n\t<meta charset=\"utf-8\" >\n" +
            "    <!-- a comment with <script src=\"nope.js\"></script> inside -->\n" +
            "    <link rel=\"stylesheet\"   href='style.css'  crossorigin >\n" +
            "    <script type=\"module\" crossorigin src=\"./assets/index-Bx1a2B3c.js\" ></script>\n" +
            "  </head>\n<body class=\"a  b\" data-x='\"q\"'>\n<div id=root></div>\n</body>\n</html>\n";
        var expected = html
            .Replace("href='style.css'", "href='" + Abs + "style.css'")
            .Replace("src=\"./assets/index-Bx1a2B3c.js\"", "src=\"" + Abs + "assets/index-Bx1a2B3c.js\"");
        Assert.Equal(expected, Rewrite(html));
    }

    [Fact]
    public void Never_adds_a_base_element()
    {
        var result = Rewrite("<html><head><script src=a.js></script></head><body></body></html>");
        Assert.DoesNotContain("<base", result, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<!-- <img src=\"a.png\"> -->")]
    [InlineData("<!-- x -- <img src=\"a.png\"> -->")]
    [InlineData("<!--<img src=\"a.png\">--!>")]
    [InlineData("<script>var s = '<img src=\"a.png\">';</script>")]
    [InlineData("<script type=\"text/template\"><img src=\"a.png\"></script>")]
    [InlineData("<textarea><img src=\"a.png\"></textarea>")]
    [InlineData("<title><img src=\"a.png\"></title>")]
    [InlineData("<noscript><img src=\"a.png\"></noscript>")]
    [InlineData("<xmp><img src=\"a.png\"></xmp>")]
    [InlineData("<plaintext><img src=\"a.png\">")]
    [InlineData("<svg><![CDATA[ <img src=\"a.png\"> ]]></svg>")]
    [InlineData("<?xml <img src=\"a.png\"?>")]
    [InlineData("<p>1 < 2 and 3 <= 4 <3 </ 5 <></p>")]
    public void Does_not_touch_markup_that_is_not_a_tag(string html) => Assert.Same(html, Rewrite(html));

    [Fact]
    public void Stray_less_than_signs_in_text_do_not_hide_tags()
    {
        Assert.Equal("<p>1 < 2 <img src=\"" + Abs + "a.png\"></p>", Rewrite("<p>1 < 2 <img src=\"a.png\"></p>"));
    }

    [Fact]
    public void Comment_that_closes_early_does_not_hide_the_next_tag()
    {
        Assert.Equal("<!--><img src=\"" + Abs + "a.png\">", Rewrite("<!--><img src=\"a.png\">"));
        Assert.Equal("<!---><img src=\"" + Abs + "a.png\">", Rewrite("<!---><img src=\"a.png\">"));
    }

    [Fact]
    public void Raw_text_ends_at_a_case_insensitive_end_tag()
    {
        var html = "<SCRIPT>if (a</b) {}</ScRiPt ><img src=a.png><style>p{}</STYLE><img src=b.png>";
        var expected = "<SCRIPT>if (a</b) {}</ScRiPt ><img src=" + Abs + "a.png><style>p{}</STYLE><img src=" + Abs + "b.png>";
        Assert.Equal(expected, Rewrite(html));
    }

    [Fact]
    public void Script_end_tag_needs_a_delimiter()
    {
        var html = "<script>var x = '</scripts>'; var y = '<img src=a.png>';</script><img src=b.png>";
        var expected = "<script>var x = '</scripts>'; var y = '<img src=a.png>';</script><img src=" + Abs + "b.png>";
        Assert.Equal(expected, Rewrite(html));
    }

    [Fact]
    public void Script_double_escape_state_is_followed()
    {
        // Inside "<!--", a "<script>" makes the next "</script>" part of the script text, as browsers do.
        var html = "<script><!-- document.write('<script>x()</script>'); <img src=a.png> --></script><img src=b.png>";
        var expected = "<script><!-- document.write('<script>x()</script>'); <img src=a.png> --></script><img src=" + Abs + "b.png>";
        Assert.Equal(expected, Rewrite(html));
    }

    [Fact]
    public void Script_escape_without_nested_script_ends_at_first_end_tag()
    {
        var html = "<script><!-- x </script><img src=a.png>";
        Assert.Equal("<script><!-- x </script><img src=" + Abs + "a.png>", Rewrite(html));
    }

    [Fact]
    public void Quoted_greater_than_does_not_end_a_tag()
    {
        var html = "<img alt=\"a > b\" src=\"a.png\"><div title='</div>' ></div><img src=b.png>";
        var expected = "<img alt=\"a > b\" src=\"" + Abs + "a.png\"><div title='</div>' ></div><img src=" + Abs + "b.png>";
        Assert.Equal(expected, Rewrite(html));
    }

    [Fact]
    public void Quoted_greater_than_in_an_end_tag_does_not_end_it()
    {
        var html = "<div></div title=\"><img src=a.png>\"><img src=b.png>";
        var expected = "<div></div title=\"><img src=a.png>\"><img src=" + Abs + "b.png>";
        Assert.Equal(expected, Rewrite(html));
    }

    [Fact]
    public void Attributes_without_whitespace_between_them_are_found()
    {
        Assert.Equal("<img alt=\"x\"src=\"" + Abs + "a.png\">", Rewrite("<img alt=\"x\"src=\"a.png\">"));
    }

    [Fact]
    public void Unterminated_tag_at_end_of_input_is_rewritten_and_kept()
    {
        Assert.Equal("<img src=\"" + Abs + "a.png", Rewrite("<img src=\"a.png"));
        Assert.Equal("<img src=" + Abs + "a.png", Rewrite("<img src=a.png"));
        Assert.Equal("<", Rewrite("<"));
        Assert.Equal("<img", Rewrite("<img"));
        Assert.Equal("<script>unfinished", Rewrite("<script>unfinished"));
        Assert.Equal("<!-- open", Rewrite("<!-- open"));
    }

    [Fact]
    public void Character_references_are_decoded_to_read_the_url_and_encoded_again()
    {
        Assert.Equal("<img src=\"" + Abs + "a.png?x=1&amp;y=2\">", Rewrite("<img src=\"a.png?x=1&amp;y=2\">"));
        Assert.Equal("<img src=\"" + Abs + "a.png\">", Rewrite("<img src=\"&#97;.png\">"));
        Assert.Equal("<img src=\"" + Abs + "a.png?q=&amp;copy=1\">", Rewrite("<img src=\"a.png?q=&copy=1\">"));
    }

    [Fact]
    public void Raw_ampersand_without_reference_stays_as_written()
    {
        // "&y" is not a character reference, but the value is decoded and re-encoded consistently.
        var result = Rewrite("<img src=\"a.png?x=1&y=2\">");
        Assert.Equal("<img src=\"" + Abs + "a.png?x=1&amp;y=2\">", result);
    }

    [Theory]
    [InlineData("<img srcset=\"a.png 1x, b.png 2x\">", "<img srcset=\"" + Abs + "a.png 1x, " + Abs + "b.png 2x\">")]
    [InlineData("<img srcset=\"a.png\">", "<img srcset=\"" + Abs + "a.png\">")]
    [InlineData("<img srcset=\"a.png 1x,b.png 2x\">", "<img srcset=\"" + Abs + "a.png 1x," + Abs + "b.png 2x\">")]
    [InlineData("<img srcset=\"a.png, b.png 2x\">", "<img srcset=\"" + Abs + "a.png, " + Abs + "b.png 2x\">")]
    [InlineData("<img srcset=\"  a.png   480w ,\n b.png 800w  \">", "<img srcset=\"  " + Abs + "a.png   480w ,\n " + Abs + "b.png 800w  \">")]
    [InlineData("<img srcset=\"https://cdn/x.png 1x, y.png 2x\">", "<img srcset=\"https://cdn/x.png 1x, " + Abs + "y.png 2x\">")]
    [InlineData("<img srcset=\"data:image/png;base64,AA,BB 1x, y.png 2x\">", "<img srcset=\"data:image/png;base64,AA,BB 1x, " + Abs + "y.png 2x\">")]
    [InlineData("<img srcset=\"a,b.png 1x\">", "<img srcset=\"" + Abs + "a,b.png 1x\">")]
    [InlineData("<source srcset=\"/a.webp\" type=image/webp>", "<source srcset=\"" + Base + "/a.webp\" type=image/webp>")]
    [InlineData("<link rel=preload as=image imagesrcset=\"a.png 1x, b.png 2x\">", "<link rel=preload as=image imagesrcset=\"" + Abs + "a.png 1x, " + Abs + "b.png 2x\">")]
    [InlineData("<img srcset=\"a.png (foo, bar) 1x, b.png 2x\">", "<img srcset=\"" + Abs + "a.png (foo, bar) 1x, " + Abs + "b.png 2x\">")]
    public void Rewrites_each_srcset_candidate(string html, string expected) => Assert.Equal(expected, Rewrite(html));

    [Theory]
    [InlineData("<style>body{background:url(bg.png)}</style>", "<style>body{background:url(" + Abs + "bg.png)}</style>")]
    [InlineData("<style>body{background:url( 'bg.png' )}</style>", "<style>body{background:url( '" + Abs + "bg.png' )}</style>")]
    [InlineData("<style>body{background:URL(\"bg.png\")}</style>", "<style>body{background:URL(\"" + Abs + "bg.png\")}</style>")]
    [InlineData("<style>@import \"theme.css\";</style>", "<style>@import \"" + Abs + "theme.css\";</style>")]
    [InlineData("<style>@import url(theme.css) screen;</style>", "<style>@import url(" + Abs + "theme.css) screen;</style>")]
    [InlineData("<style>@font-face{src:url(f.woff2) format('woff2'),url(/f.woff) format('woff')}</style>",
        "<style>@font-face{src:url(" + Abs + "f.woff2) format('woff2'),url(" + Base + "/f.woff) format('woff')}</style>")]
    [InlineData("<style>a{b:url(data:image/png;base64,AA)} c{d:url(#f)} e{f:url(https://x/y.png)}</style>", null)]
    [InlineData("<style>/* url(bg.png) */ p{content:\"url(bg.png)\"} q{x:myurl(bg.png)}</style>", null)]
    [InlineData("<style>p{background:url()}</style>", null)]
    [InlineData("<style>p { mask: -webkit-image-set(url(m.png) 1x) }</style>", "<style>p { mask: -webkit-image-set(url(" + Abs + "m.png) 1x) }</style>")]
    public void Rewrites_css_urls_in_style_elements(string html, string? expected) => Assert.Equal(expected ?? html, Rewrite(html));

    [Theory]
    [InlineData("<div style=\"background:url(bg.png)\"></div>", "<div style=\"background:url(" + Abs + "bg.png)\"></div>")]
    [InlineData("<div style='background:url(\"bg.png\")'></div>", "<div style='background:url(\"" + Abs + "bg.png\")'></div>")]
    [InlineData("<div style=\"background:url(&quot;bg.png&quot;)\"></div>", "<div style=\"background:url(&quot;" + Abs + "bg.png&quot;)\"></div>")]
    [InlineData("<div style=\"background:url('/bg.png')\"></div>", "<div style=\"background:url('" + Base + "/bg.png')\"></div>")]
    [InlineData("<a style=\"background:url(bg.png)\" href=\"x.html\"></a>", "<a style=\"background:url(" + Abs + "bg.png)\" href=\"x.html\"></a>")]
    [InlineData("<div style=\"color:red\"></div>", "<div style=\"color:red\"></div>")]
    public void Rewrites_css_urls_in_style_attributes(string html, string expected) => Assert.Equal(expected, Rewrite(html));

    [Fact]
    public void Public_url_with_a_path_base_keeps_it_for_root_relative_urls()
    {
        var result = WidgetHtmlRewriter.Rewrite("<script src=\"/a.js\"></script><script src=\"b.js\"></script>", "https://example.com/app/", "/");
        Assert.Equal("<script src=\"https://example.com/app/a.js\"></script><script src=\"https://example.com/app/b.js\"></script>", result);
    }

    [Fact]
    public void Asset_base_path_is_normalized()
    {
        Assert.Equal("<img src=\"" + Abs + "a.png\">", WidgetHtmlRewriter.Rewrite("<img src=\"a.png\">", Base, "widgets/greeting"));
    }

    [Fact]
    public void Asset_base_path_root()
    {
        Assert.Equal("<img src=\"http://127.0.0.1:5000/a.png\">", WidgetHtmlRewriter.Rewrite("<img src=\"a.png\">", "http://127.0.0.1:5000", "/"));
    }

    [Fact]
    public void Unquoted_value_is_encoded_when_the_result_needs_it()
    {
        var result = WidgetHtmlRewriter.Rewrite("<img src=a.png>", "https://x.example/a b", "/");
        Assert.Equal("<img src=https://x.example/a&#32;b/a.png>", result);
    }

    [Fact]
    public void Vite_build_output_is_rewritten()
    {
        const string html = """
            <!doctype html>
            <html lang="en">
              <head>
                <meta charset="UTF-8" />
                <link rel="icon" type="image/svg+xml" href="./vite.svg" />
                <meta name="viewport" content="width=device-width, initial-scale=1.0" />
                <title>Greeting</title>
                <script type="module" crossorigin src="./assets/index-DiwrgTda.js"></script>
                <link rel="modulepreload" crossorigin href="./assets/vendor-C3v5Xl2k.js">
                <link rel="stylesheet" crossorigin href="./assets/index-CaC7m5Ra.css">
              </head>
              <body>
                <div id="root"></div>
              </body>
            </html>
            """;
        var result = Rewrite(html);
        Assert.Contains("href=\"" + Abs + "vite.svg\"", result);
        Assert.Contains("src=\"" + Abs + "assets/index-DiwrgTda.js\"", result);
        Assert.Contains("href=\"" + Abs + "assets/vendor-C3v5Xl2k.js\"", result);
        Assert.Contains("href=\"" + Abs + "assets/index-CaC7m5Ra.css\"", result);
        Assert.Equal(html.Length + 4 * Abs.Length - 4 * "./".Length, result.Length);
    }

    [Theory]
    [InlineData("/a/b/c", "/a/b/c")]
    [InlineData("/a/./b", "/a/b")]
    [InlineData("/a/b/../c", "/a/c")]
    [InlineData("/a/b/..", "/a/")]
    [InlineData("/a/b/.", "/a/b/")]
    [InlineData("/../../x", "/x")]
    [InlineData("/a//b/../c", "/a//c")]
    [InlineData("/a/%2e%2E/b", "/b")]
    [InlineData("/a/.hidden/b", "/a/.hidden/b")]
    public void Removes_dot_segments(string path, string expected) => Assert.Equal(expected, WidgetHtmlRewriter.RemoveDotSegments(path));

    [Fact]
    public void Reroot_moves_root_relative_urls_under_the_mount()
    {
        const string mount = "/_inlay/widgets/greeting/";
        var html = "<script src=\"/assets/a.js\"></script><link href=\"b.css\"><img src=\"//cdn/x.png\"><img src=\"/_inlay/widgets/greeting/c.png\"><img src=\"/../d.png\">";
        var expected = "<script src=\"/_inlay/widgets/greeting/assets/a.js\"></script><link href=\"b.css\"><img src=\"//cdn/x.png\"><img src=\"/_inlay/widgets/greeting/c.png\"><img src=\"/_inlay/widgets/d.png\">";
        Assert.Equal(expected, WidgetHtmlRewriter.RerootRootRelative(html, mount));
    }

    [Fact]
    public void Reroot_then_rewrite_gives_absolute_urls_under_the_mount()
    {
        const string mount = "/_inlay/widgets/greeting/";
        var html = WidgetHtmlRewriter.RerootRootRelative("<script src=\"/assets/a.js\"></script><script src=\"assets/b.js\"></script>", mount);
        Assert.Equal(
            "<script src=\"https://h.example/_inlay/widgets/greeting/assets/a.js\"></script><script src=\"https://h.example/_inlay/widgets/greeting/assets/b.js\"></script>",
            WidgetHtmlRewriter.Rewrite(html, "https://h.example", mount));
    }

    [Fact]
    public void Large_document_is_rewritten_in_one_pass()
    {
        var body = string.Concat(Enumerable.Repeat("<p class=x>text &amp; more</p><img src=\"i.png\">\n", 5000));
        var result = Rewrite(body);
        Assert.Equal(5000, CountOf(result, "src=\"" + Abs + "i.png\""));
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
