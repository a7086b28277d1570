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

    /// <summary>
    /// A page of this app, such as a Razor Page: the widget is the page as the running app renders it. On every
    /// <c>resources/read</c> Inlay sends a <c>GET</c> for <paramref name="path"/> through the app's own request pipeline
    /// in-process (no network; on the public URL's scheme, host and path base), which must answer <c>200</c> with
    /// <c>text/html</c>; then makes the page's relative asset URLs absolute on the app's public URL, and puts the page
    /// bootstrap of <c>@inlay/view</c> first in its <c>&lt;head&gt;</c>. In the host's sandboxed iframe the bootstrap sends
    /// the page's <c>fetch</c> calls to the app's origin, keeps <c>history</c> URLs on the sandbox's, opens external
    /// links through the host and keeps the host from changing <c>&lt;html&gt;</c>. The app's public origin is added to
    /// the widget's CSP connect, resource and base-URI domains.
    /// </summary>
    /// <remarks>
    /// Rendered on every read, so there is no cache to invalidate: the widget is the page as it is now. The page, its
    /// assets and the data it fetches are requested from the sandbox's origin: let those endpoints answer cross-origin
    /// requests with <c>RequireWidgetCors()</c> (and <c>app.UseCors()</c>), and serve the page's scripts as classic
    /// scripts or with CORS. Nothing can be read before the app runs, so <see cref="ReadAsync"/> throws
    /// <see cref="NotSupportedException"/> and start-up validation checks only the path.
    /// </remarks>
    /// <param name="path">The page's path on this app, starting with <c>/</c>, such as <c>/widgets/content</c>; a query is allowed.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a path on this app.</exception>
    public static WidgetHtmlSource FromAppPage(string path) => new AppPageHtmlSource(path);

    /// <inheritdoc />
    public override string ToString() => Description;
}
