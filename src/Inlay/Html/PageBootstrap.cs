using System.Net;

namespace Inlay;

/// <summary>
/// The page bootstrap of <c>@inlay/view</c> (<c>web/view/src/bootstrap</c>), embedded in this assembly as built
/// (<c>inlay-bootstrap.js</c>, copied there by the view's build), and its insertion into an app page served as a
/// widget: <c>&lt;meta name="inlay-base-url"&gt;</c> naming the page's public URL, then the script inline, first in
/// <c>&lt;head&gt;</c> (after <c>&lt;meta charset&gt;</c>) so it runs before the page's own scripts. Inline, because the
/// hosts' CSPs allow inline scripts and it saves the sandbox a request before anything else can run.
/// </summary>
internal static class PageBootstrap
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

    /// <summary>
    /// After <c>&lt;head&gt;</c> and a <c>&lt;meta charset&gt;</c> right behind it; else after <c>&lt;html&gt;</c>, else after
    /// the doctype; else the start. Tags are found with <see cref="HtmlScanner"/>, so one inside a comment or a script is not taken.
    /// </summary>
    private static int InsertionPoint(string html)
    {
        var scanner = new HtmlScanner(html);
        int? afterHtml = null, afterDoctype = null;
        while (scanner.MoveNext())
        {
            if (scanner.Kind == HtmlTokenKind.Doctype) afterDoctype ??= scanner.End;
            else if (scanner.IsStartTag("html")) afterHtml ??= scanner.End;
            else if (scanner.IsStartTag("head"))
            {
                var afterHead = scanner.End;
                return scanner.MoveNext() && scanner.IsStartTag("meta") && scanner.AttributeValue("charset") is not null
                    && html.AsSpan(afterHead, scanner.Start - afterHead).IsWhiteSpace()
                    ? scanner.End
                    : afterHead;
            }
        }
        return afterHtml ?? afterDoctype ?? 0;
    }
}
