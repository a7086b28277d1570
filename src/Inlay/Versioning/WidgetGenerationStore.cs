using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inlay;

/// <summary>
/// Keeps, in a folder that survives redeploys (<see cref="WidgetOptions.GenerationsPath"/>), a copy of each asset
/// folder generation the app served:
/// <code>
/// {root}/state.json                     the generations, with when each was replaced
/// {root}/assets/{slug}/{generation}/    the files of one generation of the folder served at /_inlay/widgets/{slug}/
/// </code>
/// <see cref="Record"/> runs at start-up (and when a widget is rebuilt in Development): it copies the current generation
/// of each folder if it is new, marks the others replaced, and deletes generations replaced longer ago than
/// <see cref="WidgetOptions.RetainPreviousGenerations"/>. A lock file lets instances that share the folder take turns.
/// If the folder cannot be written, Inlay logs a warning and keeps going without previous generations.
/// </summary>
internal sealed partial class WidgetGenerationStore
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(15);

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private volatile FrozenDictionary<string, RetainedGeneration[]> _retained = FrozenDictionary<string, RetainedGeneration[]>.Empty;
    private bool _warned;

    public WidgetGenerationStore(IOptions<InlayOptions> options, IHostEnvironment environment, TimeProvider time, ILogger<WidgetGenerationStore> logger)
    {
        _time = time;
        _logger = logger;
        var widgets = options.Value.Widgets;
        Retention = widgets.RetainPreviousGenerations < TimeSpan.Zero ? TimeSpan.Zero : widgets.RetainPreviousGenerations;
        RootPath = ResolveRoot(widgets.GenerationsPath, environment);
    }

    /// <summary>The store's folder.</summary>
    public string RootPath { get; }

    /// <summary>How long a replaced asset generation is kept.</summary>
    public TimeSpan Retention { get; }

    /// <summary>The default folder: outside the app's folder, so a redeploy that replaces the app leaves it.</summary>
    public static string ResolveRoot(string? configured, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(Path.Combine(environment.ContentRootPath, configured));
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(data)) data = Path.Combine(Path.GetTempPath(), "inlay");
        var app = string.Concat(environment.ApplicationName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return Path.Combine(data, "Inlay", app.Length == 0 ? "app" : app, "widget-generations");
    }

    /// <summary>The previous generations of the folder served under <paramref name="slug"/> still kept, newest first; some may have expired since.</summary>
    public RetainedGeneration[] Retained(string slug) => _retained.TryGetValue(slug, out var retained) ? retained : [];

    /// <summary>
    /// Records what the app serves now: the current generation of each asset folder it serves itself (copied here when
    /// new). Replaced generations get their replacement time; those replaced longer than <see cref="Retention"/> ago are
    /// deleted.
    /// </summary>
    /// <param name="folders">Asset folders the app serves: slug, folder path and current generation.</param>
    public void Record(IReadOnlyList<(string Slug, string Folder, string Generation)> folders)
    {
        lock (_gate)
        {
            try
            {
                Directory.CreateDirectory(RootPath);
                using var fileLock = AcquireLock();
                var statePath = Path.Combine(RootPath, "state.json");
                var state = Load(statePath);
                var now = _time.GetUtcNow();

                foreach (var (slug, folder, generation) in folders)
                {
                    Mark(state.AssetFolders, slug, generation, now);
                    if (Retention > TimeSpan.Zero) Snapshot(slug, folder, generation);
                }
                Prune(state, now);

                Save(statePath, state);
                Publish(state);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or TimeoutException)
            {
                if (!_warned)
                    CannotKeepGenerations(_logger, RootPath, ex.Message, ex);
                _warned = true;
            }
        }
    }

    private static List<GenerationRecord> Mark(Dictionary<string, List<GenerationRecord>> all, string key, string current, DateTimeOffset now)
    {
        if (!all.TryGetValue(key, out var records)) all[key] = records = [];
        var found = false;
        foreach (var record in records)
        {
            if (record.Id == current)
            {
                record.SupersededAt = null;
                found = true;
            }
            else
            {
                record.SupersededAt ??= now;
            }
        }
        if (!found) records.Add(new GenerationRecord { Id = current, FirstServed = now });
        return records;
    }

    private void Snapshot(string slug, string folder, string generation)
    {
        var target = GenerationPath(slug, generation);
        if (Directory.Exists(target)) return;
        var slugFolder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(slugFolder);
        var staging = Path.Combine(slugFolder, ".staging-" + Guid.NewGuid().ToString("N"));
        foreach (var (relative, full) in WidgetContentHash.ServedFiles(folder))
        {
            var destination = Path.Combine(staging, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(full, destination);
        }
        Directory.CreateDirectory(staging);
        Directory.Move(staging, target);
    }

    private void Prune(GenerationState state, DateTimeOffset now)
    {
        foreach (var (slug, records) in state.AssetFolders)
        {
            records.RemoveAll(record =>
            {
                if (record.SupersededAt is not { } replaced || replaced + Retention > now) return false;
                DeleteFolder(GenerationPath(slug, record.Id));
                return true;
            });
            var slugFolder = Path.Combine(RootPath, "assets", slug);
            if (!Directory.Exists(slugFolder)) continue;
            // Left by a copy that was interrupted; no copy runs now, since this process holds the lock.
            foreach (var staging in Directory.EnumerateDirectories(slugFolder, ".staging-*")) DeleteFolder(staging);
        }
    }

    private void DeleteFolder(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            CannotDeleteGeneration(_logger, path, ex.Message);
        }
    }

    private void Publish(GenerationState state)
    {
        _retained = state.AssetFolders.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value
                .Where(record => record.SupersededAt is not null && Directory.Exists(GenerationPath(pair.Key, record.Id)))
                .OrderByDescending(record => record.SupersededAt)
                .Select(record => new RetainedGeneration(record.Id, GenerationPath(pair.Key, record.Id), record.SupersededAt!.Value + Retention))
                .ToArray(),
            StringComparer.Ordinal);
    }

    private string GenerationPath(string slug, string generation) => Path.Combine(RootPath, "assets", slug, generation);

    private static GenerationState Load(string path)
    {
        if (!File.Exists(path)) return new GenerationState();
        using var stream = File.OpenRead(path);
        var state = JsonSerializer.Deserialize(stream, GenerationStateJsonContext.Default.GenerationState) ?? new GenerationState();
        // Records from a hand-edited or foreign file that could name paths outside the store are dropped.
        foreach (var slug in state.AssetFolders.Keys.Where(slug => !IsSafeName(slug)).ToList()) state.AssetFolders.Remove(slug);
        foreach (var records in state.AssetFolders.Values) records.RemoveAll(record => !VersionedUri.IsWellFormed(record.Id));
        return state;
    }

    private static void Save(string path, GenerationState state)
    {
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        using (var stream = File.Create(temporary))
            JsonSerializer.Serialize(stream, state, GenerationStateJsonContext.Default.GenerationState);
        File.Move(temporary, path, overwrite: true);
    }

    private static bool IsSafeName(string name) =>
        name.Length > 0 && name[0] != '.' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>An exclusive lock on <c>{root}/.lock</c>, shared with other processes using the same store.</summary>
    private FileStream AcquireLock()
    {
        var path = Path.Combine(RootPath, ".lock");
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
            catch (IOException ex)
            {
                throw new TimeoutException($"Another process held {path} for {LockTimeout.TotalSeconds:0} s.", ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inlay could not keep previous widget generations in {Path}: {Message} Documents hosts cached before a deploy may miss their assets. " +
        "Set Inlay:Widgets:GenerationsPath to a writable folder that survives redeploys, or Inlay:Widgets:RetainPreviousGenerations to 0.")]
    private static partial void CannotKeepGenerations(ILogger logger, string path, string message, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inlay could not delete the expired widget asset generation {Path}: {Message}")]
    private static partial void CannotDeleteGeneration(ILogger logger, string path, string message);
}
