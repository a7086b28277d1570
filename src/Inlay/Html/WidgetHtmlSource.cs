using System.Reflection;
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

    /// <summary>An HTML document embedded in an assembly; relative URLs in it resolve against the app root (<c>/</c>).</summary>
    /// <param name="assembly">The assembly that embeds the document.</param>
    /// <param name="resourceName">The manifest resource name, such as <c>MyApp.Widgets.greeting.html</c>.</param>
    public static WidgetHtmlSource FromEmbeddedResource(Assembly assembly, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrWhiteSpace(resourceName);
        return new EmbeddedResourceHtmlSource(assembly, resourceName);
    }

    /// <summary>
    /// A built widget folder, such as a Vite <c>dist</c> folder. Inlay serves the folder's files over HTTP under
    /// <c>/_inlay/widgets/{slug}/</c> (the slug is the folder's name, skipping build-output names such as
    /// <c>dist</c>: <c>widgets/greeting/dist</c> is served as <c>/_inlay/widgets/greeting/</c>) and reads the entry
    /// document from it. Relative URLs in the entry resolve against that path; so do root-relative ones
    /// (<c>/assets/app.js</c>), so a build made for the site root works unchanged. The entry is <paramref name="entry"/>
    /// when given, else the only HTML entry named by the folder's Vite manifest (<c>.vite/manifest.json</c>, written with
    /// <c>build.manifest: true</c>), else <c>index.html</c>.
    /// </summary>
    /// <param name="folder">The folder, relative to the app's content root (or absolute), such as <c>widgets/greeting/dist</c>.</param>
    /// <param name="entry">The entry document inside the folder; found as described above when <see langword="null"/>.</param>
    /// <param name="slug">The URL path segment to serve the folder under, when the one derived from the folder name is taken.</param>
    /// <param name="inline">
    /// Serve one self-contained document: the entry's scripts and style sheets from the folder are put into it
    /// (<c>&lt;/script</c> and <c>&lt;!--</c> in scripts escaped), for hosts that block external scripts. The build must be
    /// a single chunk; other files (images, fonts) are still loaded from the folder's URL.
    /// </param>
    public static WidgetHtmlSource FromAssetFolder(string folder, string? entry = null, string? slug = null, bool inline = false) =>
        new AssetFolderHtmlSource(folder, entry, slug, inline);

    /// <inheritdoc />
    public override string ToString() => Description;
}
