using System.Text.RegularExpressions;

namespace Inlay;

/// <summary>
/// Turns a built widget's entry document into one self-contained document: each <c>&lt;script src&gt;</c> and
/// <c>&lt;link rel="stylesheet"&gt;</c> that points at a file of the build folder is replaced by the file's text in a
/// <c>&lt;script&gt;</c> or <c>&lt;style&gt;</c> element, and <c>&lt;link rel="modulepreload"&gt;</c> hints for such files
/// are dropped. For hosts whose CSP blocks external scripts.
/// </summary>
/// <remarks>
/// Tags are found with <see cref="HtmlScanner"/>, so a tag inside a comment or a script is left alone; a script is
/// inlined only when it has no text of its own. External URLs (with a scheme, or protocol-relative) are left alone.
/// URLs in an inlined style sheet that are relative to the sheet are made relative to the document, so the usual
/// rewriting makes them absolute.
/// </remarks>
internal static partial class WidgetInliner
{
    /// <summary>Inlines the local scripts and style sheets of <paramref name="html"/>.</summary>
    /// <param name="html">The entry document as built (before any URL rewriting).</param>
    /// <param name="entryPath">The entry's path in the folder, such as <c>index.html</c> or <c>pages/main.html</c>.</param>
    /// <param name="readFile">Reads a file by its path in the folder; throws <see cref="FileNotFoundException"/> when it is missing.</param>
    public static string Inline(string html, string entryPath, Func<string, string> readFile)
    {
        var entryDirectory = entryPath.Contains('/') ? entryPath[..(entryPath.LastIndexOf('/') + 1)] : "";
        var output = new TextSplicer(html);
        var scanner = new HtmlScanner(html);
        while (scanner.MoveNext())
        {
            if (scanner.IsStartTag("script")) InlineScript(scanner, entryDirectory, readFile, output);
            else if (scanner.IsStartTag("link")) InlineLink(scanner, entryDirectory, readFile, output);
        }
        return output.ToString();
    }

    /// <summary>A script with a local <c>src</c> and no text becomes a script holding the file's text.</summary>
    private static void InlineScript(HtmlScanner scanner, string entryDirectory, Func<string, string> readFile, TextSplicer output)
    {
        if (scanner.AttributeValue("src") is not { } src || LocalPath(src, entryDirectory) is not { } path) return;
        var module = scanner.AttributeValue("type") is { } type && type.Trim().Equals("module", StringComparison.OrdinalIgnoreCase);
        var start = scanner.Start;
        if (!scanner.Html.AsSpan(scanner.TextStart, scanner.TextEnd - scanner.TextStart).IsWhiteSpace()) return;
        if (!scanner.MoveNext() || !scanner.IsEndTag("script")) return;
        output.Replace(start, scanner.End, (module ? "<script type=\"module\">" : "<script>") + EscapeScript(readFile(path)) + "</script>");
    }

    /// <summary>A local style sheet link becomes a style element; a module preload hint for a local file is dropped.</summary>
    private static void InlineLink(HtmlScanner scanner, string entryDirectory, Func<string, string> readFile, TextSplicer output)
    {
        if (scanner.AttributeValue("href") is not { } href || LocalPath(href, entryDirectory) is not { } path) return;
        var rel = scanner.AttributeValue("rel")?.Split(HtmlSpaces, StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (rel.Contains("modulepreload", StringComparer.OrdinalIgnoreCase))
        {
            output.Replace(scanner.Start, scanner.End, "");
            return;
        }
        if (!rel.Contains("stylesheet", StringComparer.OrdinalIgnoreCase)) return;
        var media = scanner.AttributeValue("media");
        var css = RelativeToDocument(readFile(path), path, entryDirectory);
        output.Replace(scanner.Start, scanner.End,
            (media is null ? "<style>" : $"<style media=\"{media.Replace("\"", "&quot;", StringComparison.Ordinal)}\">") + EscapeStyle(css) + "</style>");
    }

    private static readonly char[] HtmlSpaces = [' ', '\t', '\n', '\f', '\r'];

    /// <summary>
    /// Makes script text safe inside a <c>&lt;script&gt;</c> element: <c>&lt;/script</c> would end the element and
    /// <c>&lt;!--</c> could start the HTML parser's escaped states that swallow the real end tag, so the '&lt;' of both
    /// (any case) is written <c>\x3C</c>. Bundlers put such text only in string, template and regular-expression
    /// literals and comments, where <c>\x3C</c> means the same '&lt;' (in comments it does not matter).
    /// </summary>
    internal static string EscapeScript(string script) => ScriptBreakers().Replace(script, static m => @"\x3C" + m.Value[1..]);

    /// <summary>Makes style text safe inside a <c>&lt;style&gt;</c> element: <c>&lt;/style</c> becomes <c>&lt;\/style</c> (a CSS escape of '/').</summary>
    internal static string EscapeStyle(string css) => StyleBreaker().Replace(css, static m => "<\\/" + m.Value[2..]);

    /// <summary>The path inside the build folder that <paramref name="url"/> names, or <see langword="null"/> for an external URL.</summary>
    internal static string? LocalPath(string url, string entryDirectory)
    {
        url = url.Trim();
        if (url.Length == 0 || url.StartsWith("//", StringComparison.Ordinal) || HasScheme(url)) return null;
        var end = url.IndexOfAny(['?', '#']);
        if (end >= 0) url = url[..end];
        var path = url.StartsWith('/') ? url : "/" + entryDirectory + url;
        var normalized = WidgetHtmlRewriter.RemoveDotSegments(Uri.UnescapeDataString(path));
        return normalized.TrimStart('/');
    }

    private static string RelativeToDocument(string css, string sheetPath, string entryDirectory)
    {
        var sheetDirectory = sheetPath.Contains('/') ? sheetPath[..(sheetPath.LastIndexOf('/') + 1)] : "";
        if (sheetDirectory == entryDirectory) return css;
        return WidgetHtmlRewriter.RewriteCss(css, url =>
        {
            if (url.Length == 0 || url[0] is '#' or '/' || HasScheme(url)) return null;
            // Root-relative from the folder root; the entry document's URLs are rooted the same way when served.
            return "/" + WidgetHtmlRewriter.RemoveDotSegments("/" + sheetDirectory + url).TrimStart('/');
        }) ?? css;
    }

    private static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':');
        if (colon <= 0 || !char.IsAsciiLetter(url[0])) return false;
        for (var i = 1; i < colon; i++)
            if (!char.IsAsciiLetterOrDigit(url[i]) && url[i] is not ('+' or '-' or '.')) return false;
        return true;
    }

    [GeneratedRegex(@"<(?:/script|!--)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptBreakers();

    [GeneratedRegex(@"</style", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StyleBreaker();
}
