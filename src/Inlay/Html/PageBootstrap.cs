using System.Net;
using System.Text.RegularExpressions;

namespace Inlay;

/// <summary>
/// The page bootstrap of <c>@inlay/view</c> (<c>web/view/src/bootstrap</c>), embedded in this assembly as built
/// (<c>inlay-bootstrap.js</c>, copied there by the view's build), and its insertion into an app page served as a
/// widget: <c>&lt;meta name="inlay-base-url"&gt;</c> naming the page's public URL, then the script inline, first in
/// <c>&lt;head&gt;</c> (after <c>&lt;meta charset&gt;</c>) so it runs before the page's own scripts. Inline, because the
/// hosts' CSPs allow inline scripts and it saves the sandbox a request before anything else can run.
/// </summary>
internal static partial class PageBootstrap
{
    /// <summary>The manifest resource name of the embedded script.</summary>
    internal const string ResourceName = "Inlay.Html.inlay-bootstrap.js";

    private static readonly Lazy<string> EmbeddedScript = new(() =>
    {
        using var stream = typeof(PageBootstrap).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The page bootstrap ({ResourceName}) is missing from the Inlay assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The bootstrap script, as built (a classic script that installs itself).</summary>
    public static string Script => EmbeddedScript.Value;

    /// <summary>Returns <paramref name="html"/> with the base URL meta element and the bootstrap script first in its head.</summary>
    /// <param name="html">The page.</param>
    /// <param name="pageUrl">The page's public URL, the base its relative links, fetches and history resolve against.</param>
    public static string Inject(string html, string pageUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        var tags = $"<meta name=\"inlay-base-url\" content=\"{WebUtility.HtmlEncode(pageUrl)}\"><script>{WidgetInliner.EscapeScript(Script)}</script>";
        return html.Insert(InsertionPoint(html), tags);
    }

    /// <summary>After <c>&lt;head&gt;</c> and a <c>&lt;meta charset&gt;</c> right behind it; else after <c>&lt;html&gt;</c> or the doctype; else the start.</summary>
    private static int InsertionPoint(string html)
    {
        var head = HeadStart().Match(html);
        if (head.Success)
        {
            var end = head.Index + head.Length;
            var charset = Charset().Match(html, end);
            return charset.Success && charset.Index == end ? charset.Index + charset.Length : end;
        }
        var root = HtmlOrDoctype().Match(html);
        return root.Success ? root.Index + root.Length : 0;
    }

    [GeneratedRegex(@"<head(?:\s[^>]*)?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadStart();

    [GeneratedRegex(@"\G\s*<meta\s+charset\s*=[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Charset();

    [GeneratedRegex(@"(?:<!doctype[^>]*>\s*)?(?:<html(?:\s[^>]*)?>)|<!doctype[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlOrDoctype();
}
