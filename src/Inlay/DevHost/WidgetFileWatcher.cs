using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inlay;

/// <summary>
/// While the dev host is on (Development), watches the files widgets are served from (asset folders and HTML files)
/// and, a moment after they stop changing, recomputes the widgets' versions: a rebuilt widget gets a new version, its
/// render cache is dropped, and the dev host is told through <see cref="WidgetChangeEvents"/>. The server keeps running.
/// Off with <c>Inlay:DevHost:WatchWidgets=false</c>.
/// </summary>
internal sealed class WidgetFileWatcher(
    IEnumerable<WidgetDeclaration> widgets,
    IOptions<InlayOptions> options,
    IHostEnvironment environment,
    WidgetVersions versions,
    IServiceProvider services,
    ILogger<WidgetFileWatcher> logger) : IHostedService, IDisposable
{
    /// <summary>How long the files must be quiet before the widgets are read again (a build writes many files).</summary>
    internal static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    private readonly List<FileSystemWatcher> _watchers = [];
    private Timer? _timer;
    private CancellationTokenSource? _stopping;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DevHost.WatchWidgets || !DevHostEndpoints.IsEnabled(services)) return Task.CompletedTask;
        _stopping = new CancellationTokenSource();
        _timer = new Timer(_ => _ = RefreshAsync(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var path in WatchedPaths().Distinct(StringComparer.Ordinal))
        {
            // The parent is watched, so the folder (or file) may be deleted and written again by a build.
            var parent = Path.GetDirectoryName(path);
            if (parent is null || !Directory.Exists(parent)) continue;
            var watcher = new FileSystemWatcher(parent)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            var prefix = path;
            FileSystemEventHandler changed = (_, e) => OnChange(prefix, e.FullPath);
            watcher.Changed += changed;
            watcher.Created += changed;
            watcher.Deleted += changed;
            watcher.Renamed += (_, e) =>
            {
                OnChange(prefix, e.FullPath);
                OnChange(prefix, e.OldFullPath);
            };
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
            logger.LogDebug("Inlay watches {Path} for widget changes", path);
        }
        return Task.CompletedTask;
    }

    private IEnumerable<string> WatchedPaths()
    {
        foreach (var widget in widgets)
        {
            switch (widget.Html)
            {
                case AssetFolderHtmlSource folder:
                    yield return folder.PhysicalPath(environment.ContentRootPath);
                    break;
                case FileHtmlSource file:
                    yield return Path.GetFullPath(Path.Combine(environment.ContentRootPath, file.Path));
                    break;
            }
        }
    }

    private void OnChange(string watched, string changed)
    {
        if (!changed.StartsWith(watched, StringComparison.Ordinal)) return;
        if (changed.Length > watched.Length && changed[watched.Length] != Path.DirectorySeparatorChar) return;
        _timer?.Change(Quiet, Timeout.InfiniteTimeSpan);
    }

    private async Task RefreshAsync()
    {
        try
        {
            await versions.RefreshAsync(_stopping?.Token ?? CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Inlay could not read the changed widget files again: {Message}", ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping?.Cancel();
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _watchers.Clear();
        _timer?.Dispose();
        _timer = null;
    }
}
