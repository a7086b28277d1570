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
internal sealed partial class WidgetFileWatcher(
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
    private readonly Dictionary<string, FileSystemWatcher> _folderWatchers = new(StringComparer.Ordinal);
    private Timer? _timer;
    private CancellationTokenSource? _stopping;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DevHost.WatchWidgets || !DevHostEndpoints.IsEnabled(services)) return Task.CompletedTask;
        _stopping = new CancellationTokenSource();
        _timer = new Timer(_ => _ = RefreshAsync(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var (path, isFolder) in WatchedPaths().Distinct())
        {
            var parent = Path.GetDirectoryName(path);
            if (parent is null || !Directory.Exists(parent)) continue;
            // The parent, for the file or folder itself (a build may delete and write it again); not recursive, so a
            // widget beside node_modules or bin/ costs one watch, not thousands.
            var name = Path.GetFileName(path);
            Watch(parent, name, recursive: false, change =>
            {
                // A folder deleted, created or renamed may be a new folder at the same path; writes inside it only touch its time.
                if (isFolder && change != WatcherChangeTypes.Changed) WatchFolder(path, replace: true);
                Changed();
            });
            if (isFolder) WatchFolder(path, replace: false);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Watches an asset folder's contents once it exists; with <paramref name="replace"/> (the folder itself changed, so
    /// it may be a new folder at the same path) a watcher already there is replaced.
    /// </summary>
    private void WatchFolder(string folder, bool replace)
    {
        lock (_watchers)
        {
            if (_folderWatchers.TryGetValue(folder, out var existing))
            {
                if (!replace && Directory.Exists(folder)) return;
                existing.Dispose();
                _watchers.Remove(existing);
                _folderWatchers.Remove(folder);
            }
            if (!Directory.Exists(folder)) return;
            _folderWatchers[folder] = Watch(folder, "*", recursive: true, _ => Changed());
        }
    }

    private FileSystemWatcher Watch(string directory, string filter, bool recursive, Action<WatcherChangeTypes> onChange)
    {
        var watcher = new FileSystemWatcher(directory, filter)
        {
            IncludeSubdirectories = recursive,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, e) => onChange(e.ChangeType);
        watcher.Created += (_, e) => onChange(e.ChangeType);
        watcher.Deleted += (_, e) => onChange(e.ChangeType);
        watcher.Renamed += (_, e) => onChange(e.ChangeType);
        watcher.EnableRaisingEvents = true;
        lock (_watchers) _watchers.Add(watcher);
        Watching(logger, directory, filter);
        return watcher;
    }

    private IEnumerable<(string Path, bool IsFolder)> WatchedPaths()
    {
        foreach (var widget in widgets)
        {
            switch (widget.Html)
            {
                case AssetFolderHtmlSource folder:
                    yield return (Path.TrimEndingDirectorySeparator(folder.PhysicalPath(environment.ContentRootPath)), true);
                    break;
                case FileHtmlSource file:
                    yield return (Path.GetFullPath(Path.Combine(environment.ContentRootPath, file.Path)), false);
                    break;
            }
        }
    }

    /// <summary>Reads the widgets again once the files have been quiet for <see cref="Quiet"/>.</summary>
    private void Changed() => _timer?.Change(Quiet, Timeout.InfiniteTimeSpan);

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
            RereadFailed(logger, ex.Message, ex);
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
        lock (_watchers)
        {
            foreach (var watcher in _watchers) watcher.Dispose();
            _watchers.Clear();
            _folderWatchers.Clear();
        }
        _timer?.Dispose();
        _timer = null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Inlay watches {Path} ({Filter}) for widget changes")]
    private static partial void Watching(ILogger logger, string path, string filter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inlay could not read the changed widget files again: {Message}")]
    private static partial void RereadFailed(ILogger logger, string message, Exception exception);
}
