using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.FileProviders;

namespace Inlay;

/// <summary>
/// Computes content versions: short SHA-256 hashes, as 12 lowercase hex digits, of what a widget serves. The same
/// content gives the same version on every start and on every machine; any change to the HTML, to a file of the asset
/// folder, to the <c>resources/read</c> <c>_meta</c> or to the settings that shape the document gives another.
/// </summary>
internal static class WidgetContentHash
{
    // Part of every hash: a new Inlay may rewrite documents differently, so its documents are new versions.
    private static readonly string InlayVersion =
        typeof(WidgetContentHash).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    /// <summary>
    /// The version of an asset folder: every file in it (relative path, length and bytes, in ordinal path order)
    /// except those under dot-folders or named with a leading dot, which are never served.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static string OfFolder(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        foreach (var (relative, full) in ServedFiles(folder))
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            AppendString(hash, relative);
            AppendInt64(hash, stream.Length);
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0) hash.AppendData(buffer, 0, read);
        }
        return Finish(hash);
    }

    /// <summary>
    /// The files an asset folder serves, as (path relative to the folder with '/' separators, full path), in ordinal
    /// order of the relative path.
    /// </summary>
    public static IEnumerable<(string Relative, string Full)> ServedFiles(string folder)
    {
        var root = Path.GetFullPath(folder);
        return Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None })
            .Select(full => (Relative: Path.GetRelativePath(root, full).Replace('\\', '/'), Full: full))
            .Where(file => !file.Relative.Split('/').Any(segment => segment.StartsWith('.')))
            .OrderBy(file => file.Relative, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The version of a widget: its HTML source (the asset folder's version, or the document text), the
    /// <c>resources/read</c> <c>_meta</c> it is served with, and the settings that change the document.
    /// </summary>
    /// <param name="widget">The widget; not a page of the app, which has no content before it is rendered.</param>
    /// <param name="folderVersion">For a widget built into an asset folder, the folder's <see cref="OfFolder"/>.</param>
    /// <param name="contentRoot">The app's content root files, to read other documents.</param>
    /// <param name="options">Inlay options, for the public and asset base URLs.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async ValueTask<string> OfWidgetAsync(
        WidgetDeclaration widget, string? folderVersion, IFileProvider contentRoot, InlayOptions options, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendString(hash, "inlay-widget/1");
        AppendString(hash, InlayVersion);
        if (widget.Html is AssetFolderHtmlSource folder)
        {
            AppendString(hash, "folder");
            AppendString(hash, folder.Entry ?? "");
            AppendString(hash, folder.Slug);
            AppendString(hash, folder.Inline ? "inline" : "linked");
            AppendString(hash, folderVersion ?? throw new ArgumentNullException(nameof(folderVersion), $"Widget '{widget.Uri}' is an asset folder; its folder version is needed."));
        }
        else
        {
            AppendString(hash, "document");
            AppendString(hash, await widget.Html.ReadAsync(contentRoot, cancellationToken));
        }
        AppendString(hash, widget.Html.AssetBasePath);
        AppendString(hash, ResourceMetaWriter.ForContents(widget, assetOrigin: null).ToJsonString());
        AppendString(hash, options.PublicUrl ?? "");
        AppendString(hash, options.WidgetAssetBaseUrl ?? "");
        return Finish(hash);
    }

    private static void AppendString(IncrementalHash hash, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        AppendInt64(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    private static void AppendInt64(IncrementalHash hash, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        hash.AppendData(bytes);
    }

    private static string Finish(IncrementalHash hash)
    {
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest[..(VersionedUri.VersionLength / 2)]);
    }
}
