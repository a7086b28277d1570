using System.Collections.Concurrent;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Inlay;

/// <summary>
/// The files of one asset folder as browsers may still ask for them: the current folder first, then the previous
/// generations <see cref="WidgetGenerationStore"/> keeps, newest first, until each expires. A document a host cached
/// before a deploy names the previous build's hashed files; those are found here, and stop being found (404) once
/// their generation has been replaced for longer than the retention, without waiting for a restart.
/// </summary>
internal sealed class RetainedAssetFileProvider(AssetFolderFileProvider current, string slug, WidgetGenerationStore store, TimeProvider time)
    : IFileProvider, IDisposable
{
    private readonly ConcurrentDictionary<string, AssetFolderFileProvider> _generations = new(StringComparer.Ordinal);

    public IFileInfo GetFileInfo(string subpath)
    {
        var file = current.GetFileInfo(subpath);
        if (file.Exists) return file;
        var retained = store.Retained(slug);
        if (retained.Length == 0) return file;
        var now = time.GetUtcNow();
        foreach (var generation in retained)
        {
            if (generation.ExpiresAt <= now) continue;
            var old = _generations.GetOrAdd(generation.Path, static path => new AssetFolderFileProvider(path)).GetFileInfo(subpath);
            if (old.Exists && !old.IsDirectory) return old;
        }
        return file;
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    public void Dispose()
    {
        foreach (var provider in _generations.Values) provider.Dispose();
    }
}
