using System.Net;
using System.Text;

namespace Inlay;

/// <summary>Makes relative asset URLs in a widget document absolute on the app's public URL.</summary>
/// <remarks>
/// Rewrites <c>src</c> (script, img, iframe, embed, audio, video, track, source, input type=image), <c>href</c>
/// (link; SVG use/image, also as <c>xlink:href</c>), <c>data</c> (object), <c>srcset</c> and <c>imagesrcset</c>
/// (each candidate), <c>poster</c> (video), and CSS <c>url(…)</c> and <c>@import "…"</c> in <c>&lt;style&gt;</c>
/// elements and <c>style</c> attributes. Absolute URLs (any scheme: <c>https:</c>, <c>data:</c>, <c>blob:</c>,
/// <c>mailto:</c>, <c>javascript:</c>…), protocol-relative <c>//</c> URLs, fragments and empty values are left alone.
/// Links (<c>a href</c>) are navigation, not assets, and are left alone. No <c>&lt;base&gt;</c> element is added:
/// hosts' CSPs block it. Tags are found with <see cref="HtmlScanner"/>, so those inside comments and scripts are not
/// touched, and every byte outside the rewritten URLs stays as it was.
/// </remarks>
internal static class WidgetHtmlRewriter
{
    /// <summary>Returns <paramref name="html"/> with every relative asset URL resolved against <paramref name="publicBaseUrl"/> + <paramref name="assetBasePath"/>.</summary>
    /// <param name="html">The widget document.</param>
    /// <param name="publicBaseUrl">The app's public base URL without a trailing slash, such as <c>https://app.example.com</c>.</param>
    /// <param name="assetBasePath">The URL path relative URLs resolve against, starting and ending with <c>/</c>.</param>
    /// <remarks>
    /// Root-relative URLs (<c>/x.css</c>) resolve against <paramref name="publicBaseUrl"/> itself, so an app served
    /// under a path base (<c>https://example.com/app</c>) gets <c>https://example.com/app/x.css</c>. Dot segments are
    /// resolved but never climb above <paramref name="publicBaseUrl"/>.
    /// </remarks>
    public static string Rewrite(string html, string publicBaseUrl, string assetBasePath)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        ArgumentNullException.ThrowIfNull(assetBasePath);
        var baseUrl = publicBaseUrl.TrimEnd('/');
        var basePath = NormalizeBasePath(assetBasePath);
        return RewriteUrls(html, url => ResolveUrl(url, baseUrl, basePath));
    }

    /// <summary>
    /// Moves root-relative asset URLs (<c>/assets/app.js</c>) under <paramref name="mountPath"/>
    /// (<c>/_inlay/widgets/greeting/assets/app.js</c>), leaving other URLs alone. A build made for the site root (Vite's
    /// default <c>base: '/'</c>) then loads its assets from where the folder is served.
    /// </summary>
    /// <param name="html">The document.</param>
    /// <param name="mountPath">The URL path the folder is served at, starting and ending with <c>/</c>.</param>
    public static string RerootRootRelative(string html, string mountPath)
    {
        var mount = NormalizeBasePath(mountPath);
        return RewriteUrls(html, url =>
        {
            if (url.Length == 0 || !IsSlash(url[0]) || (url.Length > 1 && IsSlash(url[1]))) return null;
            var (path, rest) = SplitPath(url);
            path = path.Replace('\\', '/');
            if (path.StartsWith(mount, StringComparison.Ordinal) || path + "/" == mount) return null;
            return RemoveDotSegments(mount + path[1..]) + rest;
        });
    }

    /// <summary>
    /// Resolves one URL as found in the document (character references decoded, surrounding whitespace removed), or
    /// returns <see langword="null"/> when it is to be left alone.
    /// </summary>
    internal static string? ResolveUrl(string url, string baseUrl, string basePath)
    {
        if (url.Length == 0 || url[0] == '#') return null;
        if (IsSlash(url[0]) && url.Length > 1 && IsSlash(url[1])) return null; // protocol-relative
        if (HasScheme(url)) return null;
        var (path, rest) = SplitPath(url);
        path = path.Replace('\\', '/');
        if (path.Length == 0) return baseUrl + basePath + rest;
        if (path[0] == '/') return baseUrl + RemoveDotSegments(path) + rest;
        return baseUrl + RemoveDotSegments(basePath + path) + rest;
    }

    /// <summary>Rewrites every asset URL in the document with <paramref name="map"/>; returns the same instance when nothing changes.</summary>
    internal static string RewriteUrls(string html, Func<string, string?> map)
    {
        var output = new TextSplicer(html);
        var scanner = new HtmlScanner(html);
        while (scanner.MoveNext())
        {
            if (scanner.Kind != HtmlTokenKind.StartTag) continue;
            RewriteAttributes(scanner, output, map);
            if (scanner.IsStartTag("style") && RewriteCss(html[scanner.TextStart..scanner.TextEnd], map) is { } css)
                output.Replace(scanner.TextStart, scanner.TextEnd, css);
        }
        return output.ToString();
    }

    private enum ValueKind { Url, Srcset, Css }

    private static void RewriteAttributes(HtmlScanner scanner, TextSplicer output, Func<string, string?> map)
    {
        foreach (var attribute in scanner.Attributes)
        {
            if (!attribute.HasValue) continue;
            if (KindOf(scanner, scanner.NameOf(attribute)) is not { } kind) continue;
            var raw = scanner.RawValueOf(attribute).ToString();
            if (RewriteValue(raw, kind, attribute.Quote, map) is { } rewritten)
                output.Replace(attribute.ValueStart, attribute.ValueEnd, rewritten);
        }
    }

    private static ValueKind? KindOf(HtmlScanner scanner, ReadOnlySpan<char> name)
    {
        var tag = scanner.Name;
        if (Is(name, "style")) return ValueKind.Css;
        if (Is(name, "src"))
        {
            if (Is(tag, "script") || Is(tag, "img") || Is(tag, "iframe") || Is(tag, "embed") || Is(tag, "audio")
                || Is(tag, "video") || Is(tag, "track") || Is(tag, "source") || Is(tag, "frame"))
                return ValueKind.Url;
            if (Is(tag, "input") && Is(scanner.AttributeValue("type").AsSpan().Trim(), "image")) return ValueKind.Url;
            return null;
        }
        if (Is(name, "href")) return Is(tag, "link") || Is(tag, "use") || Is(tag, "image") || Is(tag, "feimage") ? ValueKind.Url : null;
        if (Is(name, "xlink:href")) return Is(tag, "use") || Is(tag, "image") || Is(tag, "feimage") ? ValueKind.Url : null;
        if (Is(name, "srcset")) return Is(tag, "img") || Is(tag, "source") ? ValueKind.Srcset : null;
        if (Is(name, "imagesrcset")) return Is(tag, "link") ? ValueKind.Srcset : null;
        if (Is(name, "poster")) return Is(tag, "video") ? ValueKind.Url : null;
        if (Is(name, "data")) return Is(tag, "object") ? ValueKind.Url : null;
        return null;
    }

    /// <summary>
    /// Rewrites one attribute value. Character references are decoded before URLs are read; when the value had any,
    /// the rewritten value is encoded again for its quoting, otherwise the untouched parts are copied as they were.
    /// </summary>
    private static string? RewriteValue(string raw, ValueKind kind, char quote, Func<string, string?> map)
    {
        var hasReferences = raw.Contains('&');
        var value = hasReferences ? WebUtility.HtmlDecode(raw) : raw;
        var rewritten = kind switch
        {
            ValueKind.Url => RewriteSingleUrl(value, map),
            ValueKind.Srcset => RewriteSrcset(value, map),
            _ => RewriteCss(value, map),
        };
        if (rewritten is null) return null;
        return hasReferences || NeedsEncoding(rewritten, quote) ? EncodeAttribute(rewritten, quote) : rewritten;
    }

    private static string? RewriteSingleUrl(string value, Func<string, string?> map)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && IsHtmlSpace(value[start])) start++;
        while (end > start && IsHtmlSpace(value[end - 1])) end--;
        if (map(value[start..end]) is not { } url) return null;
        return string.Concat(value.AsSpan(0, start), url, value.AsSpan(end));
    }

    /// <summary>Rewrites the URL of each image candidate, following the HTML srcset parsing rules.</summary>
    private static string? RewriteSrcset(string value, Func<string, string?> map)
    {
        var output = new TextSplicer(value);
        var n = value.Length;
        var i = 0;
        while (i < n)
        {
            while (i < n && (IsHtmlSpace(value[i]) || value[i] == ',')) i++;
            if (i >= n) break;
            var urlStart = i;
            while (i < n && !IsHtmlSpace(value[i])) i++;
            var urlEnd = i;
            while (urlEnd > urlStart && value[urlEnd - 1] == ',') urlEnd--;
            if (urlEnd == i)
            {
                // Descriptors run to the next comma outside parentheses.
                var depth = 0;
                while (i < n && (value[i] != ',' || depth > 0))
                {
                    if (value[i] == '(') depth++;
                    else if (value[i] == ')' && depth > 0) depth--;
                    i++;
                }
            }
            if (urlEnd > urlStart && map(value[urlStart..urlEnd]) is { } url) output.Replace(urlStart, urlEnd, url);
        }
        return output.Changed ? output.ToString() : null;
    }

    /// <summary>Rewrites <c>url(…)</c> and <c>@import "…"</c> in a style sheet, skipping comments and other strings.</summary>
    internal static string? RewriteCss(string css, Func<string, string?> map)
    {
        var output = new TextSplicer(css);
        var n = css.Length;
        var i = 0;
        while (i < n)
        {
            var c = css[i];
            if (c == '/' && At(css, i + 1) == '*')
            {
                i = After(css, "*/", i + 2);
            }
            else if (c is '"' or '\'')
            {
                var close = CssStringEnd(css, i);
                if (FollowsImport(css, i)) RewriteCssUrl(css, i + 1, close, map, output);
                i = close < n ? close + 1 : n;
            }
            else if (c == '\\')
            {
                i += 2;
            }
            else if (c is 'u' or 'U' && At(css, i, "url(") && (i == 0 || !IsCssNameChar(css[i - 1])))
            {
                i += 4;
                while (i < n && IsCssSpace(css[i])) i++;
                if (i < n && css[i] is '"' or '\'')
                {
                    var close = CssStringEnd(css, i);
                    RewriteCssUrl(css, i + 1, close, map, output);
                    i = close < n ? close + 1 : n;
                }
                else
                {
                    var start = i;
                    while (i < n && css[i] != ')' && !IsCssSpace(css[i]))
                        i += css[i] == '\\' ? 2 : 1;
                    if (i > n) i = n;
                    RewriteCssUrl(css, start, i, map, output);
                }
            }
            else
            {
                i++;
            }
        }
        return output.Changed ? output.ToString() : null;
    }

    private static void RewriteCssUrl(string css, int start, int end, Func<string, string?> map, TextSplicer output)
    {
        if (end > start && map(css[start..end]) is { } url) output.Replace(start, end, url);
    }

    /// <summary>The index of the quote closing the CSS string opened at <paramref name="open"/>, or the end of input.</summary>
    private static int CssStringEnd(string css, int open)
    {
        var quote = css[open];
        var i = open + 1;
        while (i < css.Length)
        {
            if (css[i] == '\\') i += 2;
            else if (css[i] == quote || css[i] == '\n') return i;
            else i++;
        }
        return css.Length;
    }

    private static bool FollowsImport(string css, int quote)
    {
        var i = quote - 1;
        while (i >= 0 && IsCssSpace(css[i])) i--;
        return i >= 6 && css.AsSpan(i - 6, 7).Equals("@import", StringComparison.OrdinalIgnoreCase);
    }

    private static bool HasScheme(string url)
    {
        if (!IsAsciiLetter(url[0])) return false;
        for (var i = 1; i < url.Length; i++)
        {
            var c = url[i];
            if (c == ':') return true;
            if (!IsAsciiLetter(c) && !char.IsAsciiDigit(c) && c is not ('+' or '-' or '.')) return false;
        }
        return false;
    }

    private static (string Path, string Tail) SplitPath(string url)
    {
        var end = url.AsSpan().IndexOfAny('?', '#');
        return end < 0 ? (url, "") : (url[..end], url[end..]);
    }

    /// <summary>Resolves "." and ".." segments of an absolute path (RFC 3986 §5.2.4), never climbing above "/".</summary>
    internal static string RemoveDotSegments(string path)
    {
        if (!path.Contains("/.", StringComparison.Ordinal) && !path.Contains("%2e", StringComparison.OrdinalIgnoreCase)) return path;
        var segments = path.Split('/');
        var output = new List<string>(segments.Length);
        for (var k = 1; k < segments.Length; k++)
        {
            var segment = segments[k];
            var last = k == segments.Length - 1;
            if (IsDot(segment))
            {
                if (last) output.Add("");
            }
            else if (IsDotDot(segment))
            {
                if (output.Count > 0) output.RemoveAt(output.Count - 1);
                if (last) output.Add("");
            }
            else
            {
                output.Add(segment);
            }
        }
        return "/" + string.Join('/', output);
    }

    private static bool IsDot(string segment) => segment == "." || segment.Equals("%2e", StringComparison.OrdinalIgnoreCase);

    private static bool IsDotDot(string segment) =>
        segment == ".." || segment.Equals(".%2e", StringComparison.OrdinalIgnoreCase)
        || segment.Equals("%2e.", StringComparison.OrdinalIgnoreCase) || segment.Equals("%2e%2e", StringComparison.OrdinalIgnoreCase);

    internal static string NormalizeBasePath(string path)
    {
        path = path.Replace('\\', '/');
        if (!path.StartsWith('/')) path = "/" + path;
        if (!path.EndsWith('/')) path += "/";
        return path;
    }

    // An unquoted value ends at whitespace or '>'; other characters ('=', quotes after the first) are kept by browsers.
    private static bool NeedsEncoding(string value, char quote) =>
        quote == '\0' ? value.AsSpan().IndexOfAny("\t\n\f\r >") >= 0 : value.Contains(quote);

    private static string EncodeAttribute(string value, char quote)
    {
        var builder = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            if (c == '&') builder.Append("&amp;");
            else if (c == quote) builder.Append(quote == '"' ? "&quot;" : "&#39;");
            else if (quote == '\0' && (IsHtmlSpace(c) || c == '>'))
                builder.Append("&#").Append((int)c).Append(';');
            else builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool Is(string value, string expected) => value.Equals(expected, StringComparison.OrdinalIgnoreCase);

    private static bool Is(ReadOnlySpan<char> value, string expected) => value.Equals(expected, StringComparison.OrdinalIgnoreCase);

    private static bool At(string text, int i, string expected) =>
        i >= 0 && i + expected.Length <= text.Length && text.AsSpan(i, expected.Length).Equals(expected, StringComparison.OrdinalIgnoreCase);

    private static char At(string text, int i) => i < text.Length ? text[i] : '\0';

    private static int After(string text, string close, int from)
    {
        var index = text.IndexOf(close, from, StringComparison.Ordinal);
        return index < 0 ? text.Length : index + close.Length;
    }

    private static bool IsSlash(char c) => c is '/' or '\\';

    private static bool IsAsciiLetter(char c) => char.IsAsciiLetter(c);

    private static bool IsHtmlSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

    private static bool IsCssSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

    private static bool IsCssNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || c >= 0x80;
}
