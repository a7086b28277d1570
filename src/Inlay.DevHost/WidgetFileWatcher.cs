using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Inlay.DevHost;

/// <summary>
/// While the dev host is on, watches the files widgets are served from (asset folders and HTML files,
/// <see cref="IWidgetVersions.SourcePaths"/>) with file providers' change tokens and, a moment after they stop
/// changing, has Inlay read the widgets again: a rebuilt widget gets a new version, its render cache is dropped, and
/// the dev host is told through <see cref="WidgetChangeEvents"/>. The server keeps running. Off with
/// <c>Inlay:DevHost:WatchWidgets=false</c>.
/// </summary>
/// <remarks>
/// A path under the content root is watched through the content root's file provider, whose one watcher the app's
/// configuration reloading may share; any other path through a provider on its parent folder. Each path is watched
/// itself (a build may delete and write a folder again) and everything under it. <c>DOTNET_USE_POLLING_FILE_WATCHER</c>
/// makes the providers poll, for file systems that send no change events.
/// </remarks>
internal sealed partial class WidgetFileWatcher(
    IWidgetVersions versions,
    IOptions<DevHostOptions> options,
    IHostEnvironment environment,
    IServiceProvider services,
    ILogger<WidgetFileWatcher> logger) : IHostedService, IDisposable
{
    /// <summary>How long the files must be quiet before the widgets are read again (a build writes many files).</summary>
    internal static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    private readonly List<IDisposable> _watches = [];
    private Timer? _timer;
    private CancellationTokenSource? _stopping;
    private Task _refreshing = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.WatchWidgets || !DevHostExtension.IsEnabled(services)) return Task.CompletedTask;
        _stopping = new CancellationTokenSource();
        _timer = new Timer(_ => _refreshing = RefreshAsync(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var path in versions.SourcePaths)
        {
            if (FilesOf(path) is not var (files, relative)) continue;
            foreach (var pattern in (ReadOnlySpan<string>)[relative, relative + "/**/*"])
                _watches.Add(ChangeToken.OnChange(() => files.Watch(pattern), Changed));
            Watching(logger, path);
        }
        return Task.CompletedTask;
    }

    /// <summary>A file provider that sees <paramref name="path"/>, and the path relative to its root; null when its folder is missing.</summary>
    private (IFileProvider Files, string Relative)? FilesOf(string path)
    {
        var root = Path.TrimEndingDirectorySeparator(environment.ContentRootPath) + Path.DirectorySeparatorChar;
        if (path.StartsWith(root, StringComparison.Ordinal) && environment.ContentRootFileProvider is PhysicalFileProvider contentRoot)
            return (contentRoot, Path.GetRelativePath(root, path).Replace('\\', '/'));
        var parent = Path.GetDirectoryName(path);
        if (parent is null || !Directory.Exists(parent)) return null;
        var provider = new PhysicalFileProvider(parent, ExclusionFilters.None);
        _watches.Add(provider);
        return (provider, Path.GetFileName(path));
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

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping?.Cancel();
        Dispose();
        // A reading under way may still record a generation; the app stops after it, not during it.
        await _refreshing.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        foreach (var watch in _watches) watch.Dispose();
        _watches.Clear();
        _timer?.Dispose();
        _timer = null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Inlay watches {Path} for widget changes")]
    private static partial void Watching(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inlay could not read the changed widget files again: {Message}")]
    private static partial void RereadFailed(ILogger logger, string message, Exception exception);
}
