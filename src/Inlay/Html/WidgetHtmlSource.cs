using Microsoft.Extensions.FileProviders;

namespace Inlay;

/// <summary>
/// Where a widget's HTML document comes from: a string, a file under the content root, an embedded
/// resource or a built asset folder. Relative asset URLs in the document are made absolute on the app's
/// public URL when the widget is served.
/// </summary>
public abstract class WidgetHtmlSource
{
    /// <summary>A short description of the source for diagnostics, such as <c>file 'widgets/greeting.html'</c>.</summary>
    public abstract string Description { get; }

    /// <summary>
    /// The URL path on this app against which relative URLs in the document resolve, such as <c>/</c> or
    /// <c>/widgets/greeting/</c>. Always starts and ends with <c>/</c>.
    /// </summary>
    public virtual string AssetBasePath => "/";

    /// <summary>Reads the raw HTML document.</summary>
    /// <param name="contentRoot">The app's content root.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public abstract ValueTask<string> ReadAsync(IFileProvider contentRoot, CancellationToken cancellationToken);

    /// <summary>An HTML document given as a string.</summary>
    /// <param name="html">The document.</param>
    public static WidgetHtmlSource FromString(string html) => new StringHtmlSource(html);

    /// <summary>An HTML file, relative to the app's content root; relative URLs in it resolve against the app root.</summary>
    /// <param name="path">The file path relative to the content root, such as <c>widgets/greeting.html</c>.</param>
    public static WidgetHtmlSource FromFile(string path) => new FileHtmlSource(path);

    /// <inheritdoc />
    public override string ToString() => Description;
}
