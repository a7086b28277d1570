using System.Collections.Frozen;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Inlay;

/// <summary>
/// The current content version of every widget (<see cref="WidgetContentHash"/>), computed at start-up after the
/// declarations are validated and again when <see cref="RefreshAsync"/> is called (a widget rebuilt in Development).
/// Tool and resource listings read <see cref="Current"/> on every request, which is a dictionary lookup; they rebuild
/// their cached descriptors only when it changes. Pages of the app have no version: they are rendered on every read.
/// </summary>
internal sealed partial class WidgetVersions(
    IEnumerable<WidgetDeclaration> widgets,
    IOptions<InlayOptions> options,
    IHostEnvironment environment,
    WidgetGenerationStore store,
    ILogger<WidgetVersions> logger) : IWidgetVersions
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile FrozenDictionary<string, string> _current = FrozenDictionary<string, string>.Empty;
    // Replaced and cancelled on each change; not disposed, since tokens handed out may still be registered on.
    private CancellationTokenSource _changed = new();

    public IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

    public IReadOnlyList<string> SourcePaths => field ??= [.. widgets.Select(SourcePath).OfType<string>().Distinct(StringComparer.Ordinal)];

    private string? SourcePath(WidgetDeclaration widget) => widget.Html switch
    {
        AssetFolderHtmlSource folder => Path.TrimEndingDirectorySeparator(folder.PhysicalPath(environment.ContentRootPath)),
        FileHtmlSource file => Path.GetFullPath(Path.Combine(environment.ContentRootPath, file.Path)),
        _ => null,
    };

    /// <summary>Whether advertised URIs carry versions (<see cref="WidgetOptions.VersionedUris"/>).</summary>
    public bool Enabled => options.Value.Widgets.VersionedUris;

    /// <summary>
    /// The current version of the widget declared at <paramref name="widgetUri"/>, or <see langword="null"/> when its
    /// URI is not versioned (versioning off, a page of the app, or not computed yet).
    /// </summary>
    public string? Current(string widgetUri) => Enabled && _current.TryGetValue(widgetUri, out var version) ? version : null;

    /// <summary>
    /// Computes every widget's version and each served asset folder's generation, and records the generations in the
    /// generation store (which copies new ones and prunes expired ones). A widget whose files cannot be read keeps its
    /// previous version; the read error is logged (start-up validation reports it first).
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var inlay = options.Value;
            var servesAssets = string.IsNullOrWhiteSpace(inlay.WidgetAssetBaseUrl);
            var folderVersions = new Dictionary<string, (string Folder, string Version)>(StringComparer.OrdinalIgnoreCase);
            var versions = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var widget in widgets)
            {
                if (widget.Html is AppPageHtmlSource) continue;
                try
                {
                    string? folderVersion = null;
                    if (widget.Html is AssetFolderHtmlSource source)
                    {
                        if (!folderVersions.TryGetValue(source.Slug, out var known))
                        {
                            var folder = source.PhysicalPath(environment.ContentRootPath);
                            folderVersions[source.Slug] = known = (folder, WidgetContentHash.OfFolder(folder));
                        }
                        folderVersion = known.Version;
                    }
                    versions[widget.Uri] = await WidgetContentHash.OfWidgetAsync(widget, folderVersion, environment.ContentRootFileProvider, inlay, cancellationToken);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or InvalidDataException)
                {
                    VersionFailed(logger, widget.Uri, widget.Html.Description, ex.Message);
                    if (_current.TryGetValue(widget.Uri, out var previous)) versions[widget.Uri] = previous;
                }
            }

            var folders = servesAssets
                ? folderVersions.Select(pair => (pair.Key, pair.Value.Folder, pair.Value.Version)).ToList()
                : [];
            // Only served folders have generations. With no retention a pass still prunes what an earlier setting kept,
            // unless versioning is off as well.
            if (folders.Count > 0 && (Enabled || store.Retention > TimeSpan.Zero))
                await Task.Run(() => store.Record(folders), cancellationToken);

            var changed = versions.Count != _current.Count || versions.Any(pair => !_current.TryGetValue(pair.Key, out var old) || old != pair.Value);
            _current = versions.ToFrozenDictionary(StringComparer.Ordinal);
            if (changed) Interlocked.Exchange(ref _changed, new CancellationTokenSource()).Cancel();
        }
        finally
        {
            _refreshing.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inlay could not compute the version of widget '{Uri}' from {Source}: {Message}")]
    private static partial void VersionFailed(ILogger logger, string uri, string source, string message);
}
