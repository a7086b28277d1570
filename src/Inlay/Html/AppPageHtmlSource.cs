using Microsoft.Extensions.FileProviders;

namespace Inlay;

/// <summary>
/// A page of the app itself (a Razor Page, an MVC view, any endpoint answering <c>text/html</c>), rendered by the
/// running app in-process on every <c>resources/read</c> by <see cref="AppPageRenderer"/>. Not a file: there is nothing
/// to read before the app runs.
/// </summary>
internal sealed class AppPageHtmlSource : WidgetHtmlSource
{
    public AppPageHtmlSource(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.Contains('\\')
            || path.Contains('#') || path.Any(char.IsWhiteSpace) || !Uri.TryCreate(path, UriKind.Relative, out _))
            throw new ArgumentException($"The app page '{path}' must be a path on this app, starting with '/', such as /widgets/content (a query is allowed, a fragment is not).", nameof(path));
        Path = path;
        var query = path.IndexOf('?');
        var pathOnly = query < 0 ? path : path[..query];
        AssetBasePath = pathOnly[..(pathOnly.LastIndexOf('/') + 1)];
    }

    /// <summary>The page's path on the app, with its query when it has one, such as <c>/widgets/content</c>.</summary>
    public string Path { get; }

    public override string Description => $"app page '{Path}'";

    /// <summary>The page's directory: relative URLs in it resolve there, as in a browser.</summary>
    public override string AssetBasePath { get; }

    public override ValueTask<string> ReadAsync(IFileProvider contentRoot, CancellationToken cancellationToken) =>
        throw new NotSupportedException(
            $"Widget HTML {Description} is rendered by the running app when Inlay serves the widget (resources/read); it cannot be read from files.");
}
