using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Inlay;

/// <summary>
/// The files of one widget asset folder, for the static file middleware: a <see cref="PhysicalFileProvider"/> (which
/// refuses paths that leave the folder and hides dot-files) created once the folder exists, so a widget built after
/// the app started is served. Never lists directories, and serves nothing under a dot-folder either (such as Vite's
/// <c>.vite/manifest.json</c>: build metadata, not an asset).
/// </summary>
internal sealed class AssetFolderFileProvider(string root) : IFileProvider, IDisposable
{
    private PhysicalFileProvider? _files;

    public string Root { get; } = root;

    public IFileInfo GetFileInfo(string subpath) =>
        subpath.Split('/', '\\').Any(segment => segment.StartsWith('.'))
            ? new NotFoundFileInfo(subpath)
            : Files?.GetFileInfo(subpath) ?? new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    public void Dispose() => _files?.Dispose();

    private PhysicalFileProvider? Files
    {
        get
        {
            if (_files is not null) return _files;
            if (!Directory.Exists(Root)) return null;
            var created = new PhysicalFileProvider(Root);
            if (Interlocked.CompareExchange(ref _files, created, null) is not null) created.Dispose();
            return _files;
        }
    }
}
