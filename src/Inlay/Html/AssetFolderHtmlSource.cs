using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;

namespace Inlay;

/// <summary>
/// A built widget (a Vite <c>dist</c> folder, say): Inlay serves the folder's files over HTTP under
/// <see cref="AssetBasePath"/> and reads the entry document from it.
/// </summary>
internal sealed class AssetFolderHtmlSource : WidgetHtmlSource
{
    // Build-output folder names skipped when deriving the slug, so widgets/greeting/dist is served as "greeting".
    private static readonly string[] BuildOutputNames = ["dist", "build", "out", "output", "wwwroot", "public"];

    public AssetFolderHtmlSource(string folder, string entry, string? slug)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry);
        Folder = folder.Replace('\\', '/').TrimEnd('/');
        if (Folder.Length == 0) Folder = "/";
        Entry = entry.Replace('\\', '/').TrimStart('/');
        if (Entry.Length == 0 || Path.IsPathRooted(Entry) || Entry.Split('/').Any(s => s is ".." or "."))
            throw new ArgumentException($"The entry '{entry}' must be a file path inside the folder, such as index.html.", nameof(entry));
        if (slug is not null && !IsValidSlug(slug))
            throw new ArgumentException($"The slug '{slug}' must be letters, digits, '-', '_' or '.', not starting with '.'.", nameof(slug));
        Slug = slug ?? DeriveSlug(Folder);
    }

    /// <summary>The folder as given: relative to the content root, or absolute.</summary>
    public string Folder { get; }

    /// <summary>The entry document, relative to the folder.</summary>
    public string Entry { get; }

    /// <summary>The URL path segment the folder is served under.</summary>
    public string Slug { get; }

    public override string Description => $"asset folder '{Folder}' (entry '{Entry}')";

    public override string AssetBasePath => WidgetAssetEndpoints.PathPrefix + Slug + "/";

    /// <summary>The folder's full path on disk.</summary>
    public string PhysicalPath(string contentRootPath) => Path.GetFullPath(Path.Combine(contentRootPath, Folder));

    /// <summary>
    /// Reads the entry document. Root-relative asset URLs in it (<c>/assets/app.js</c>, what a build for the site root
    /// such as Vite's default <c>base: '/'</c> produces) are moved under <see cref="AssetBasePath"/>, where the folder is served.
    /// </summary>
    public override async ValueTask<string> ReadAsync(IFileProvider contentRoot, CancellationToken cancellationToken)
    {
        var file = Path.IsPathRooted(Folder)
            ? new PhysicalFileInfo(new FileInfo(Path.Combine(Folder, Entry)))
            : contentRoot.GetFileInfo(Folder + "/" + Entry);
        if (!file.Exists || file.IsDirectory)
            throw new FileNotFoundException($"Widget HTML {Description} was not found: build the widget first, or check the path (relative to the content root).", Entry);
        await using var stream = file.CreateReadStream();
        using var reader = new StreamReader(stream);
        var html = await reader.ReadToEndAsync(cancellationToken);
        return WidgetHtmlRewriter.RerootRootRelative(html, AssetBasePath);
    }

    internal static string DeriveSlug(string folder)
    {
        var segments = folder.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s is not ("." or "..") && !s.EndsWith(':'))
            .ToList();
        var chosen = segments.LastOrDefault(s => !BuildOutputNames.Contains(s, StringComparer.OrdinalIgnoreCase)) ?? segments.LastOrDefault() ?? "";
        var slug = new StringBuilder(chosen.Length);
        foreach (var c in chosen.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '_') slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? "widget" : result;
    }

    private static bool IsValidSlug(string slug) =>
        slug.Length > 0 && slug[0] != '.' && slug.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
