using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;

namespace Inlay;

/// <summary>
/// A built widget (a Vite <c>dist</c> folder, say): Inlay serves the folder's files over HTTP under
/// <see cref="AssetBasePath"/> and reads the entry document from it. The entry is the one given, else the only HTML
/// entry of the folder's Vite manifest (<c>.vite/manifest.json</c>), else <c>index.html</c>. With <see cref="Inline"/>
/// the entry's local scripts and style sheets are put into the document itself.
/// </summary>
internal sealed class AssetFolderHtmlSource : WidgetHtmlSource
{
    // Build-output folder names skipped when deriving the slug, so widgets/greeting/dist is served as "greeting".
    private static readonly string[] BuildOutputNames = ["dist", "build", "out", "output", "wwwroot", "public"];

    /// <summary>The entry used when none is given and the folder has no Vite manifest naming one.</summary>
    public const string DefaultEntry = "index.html";

    public AssetFolderHtmlSource(string folder, string? entry, string? slug, bool inline = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = folder.Replace('\\', '/').TrimEnd('/');
        if (Folder.Length == 0) Folder = "/";
        if (entry is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(entry);
            Entry = entry.Replace('\\', '/').TrimStart('/');
            if (Entry.Length == 0 || Path.IsPathRooted(Entry) || Entry.Split('/').Any(s => s is ".." or "."))
                throw new ArgumentException($"The entry '{entry}' must be a file path inside the folder, such as index.html.", nameof(entry));
        }
        Inline = inline;
        if (slug is not null && !IsValidSlug(slug))
            throw new ArgumentException($"The slug '{slug}' must be letters, digits, '-', '_' or '.', not starting with '.'.", nameof(slug));
        Slug = slug ?? DeriveSlug(Folder);
    }

    /// <summary>The folder as given: relative to the content root, or absolute.</summary>
    public string Folder { get; }

    /// <summary>The entry document relative to the folder, when given; otherwise found when read (see the class remarks).</summary>
    public string? Entry { get; }

    /// <summary>Whether the entry's local scripts and style sheets are inlined into one self-contained document.</summary>
    public bool Inline { get; }

    /// <summary>The URL path segment the folder is served under.</summary>
    public string Slug { get; }

    public override string Description =>
        $"asset folder '{Folder}' (entry '{Entry ?? "from the Vite manifest, else " + DefaultEntry}'{(Inline ? ", inlined" : "")})";

    public override string AssetBasePath => WidgetAssetEndpoints.PathPrefix + Slug + "/";

    /// <summary>The folder's full path on disk.</summary>
    public string PhysicalPath(string contentRootPath) => Path.GetFullPath(Path.Combine(contentRootPath, Folder));

    /// <summary>
    /// Reads the entry document. Root-relative asset URLs in it (<c>/assets/app.js</c>, what a build for the site root
    /// such as Vite's default <c>base: '/'</c> produces) are moved under <see cref="AssetBasePath"/>, where the folder is served.
    /// Inlined when <see cref="Inline"/> is set.
    /// </summary>
    public override async ValueTask<string> ReadAsync(IFileProvider contentRoot, CancellationToken cancellationToken)
    {
        var html = await ReadEntryAsync(contentRoot, cancellationToken);
        return WidgetHtmlRewriter.RerootRootRelative(html, AssetBasePath);
    }

    /// <summary>The entry document as built, inlined when <see cref="Inline"/> is set, without any URL rewriting.</summary>
    internal async ValueTask<string> ReadEntryAsync(IFileProvider contentRoot, CancellationToken cancellationToken)
    {
        var manifest = ViteManifest.TryRead(GetFile(contentRoot, ViteManifest.RelativePath));
        var entry = Entry ?? manifest?.SingleHtmlEntry() ?? DefaultEntry;
        var html = await ReadTextAsync(contentRoot, entry, cancellationToken);
        if (!Inline) return html;

        if (manifest?.EntryFor(entry) is { } chunk && (chunk.Imports.Count > 0 || chunk.DynamicImports.Count > 0))
            throw new InvalidOperationException(
                $"Widget HTML {Description}: the entry '{entry}' imports other chunks ({string.Join(", ", chunk.Imports.Concat(chunk.DynamicImports))}), " +
                "which an inlined document cannot load. Build one chunk (Vite: build.rolldownOptions.output.codeSplitting = false) or serve the folder without inlining.");
        return WidgetInliner.Inline(html, entry, path =>
        {
            var file = GetFile(contentRoot, path);
            if (!file.Exists || file.IsDirectory)
                throw new FileNotFoundException($"Widget HTML {Description}: '{path}', which the entry '{entry}' loads, was not found in the folder.", path);
            using var stream = file.CreateReadStream();
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        });
    }

    private async ValueTask<string> ReadTextAsync(IFileProvider contentRoot, string path, CancellationToken cancellationToken)
    {
        var file = GetFile(contentRoot, path);
        if (!file.Exists || file.IsDirectory)
            throw new FileNotFoundException($"Widget HTML {Description} was not found: build the widget first, or check the path (relative to the content root).", path);
        await using var stream = file.CreateReadStream();
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private IFileInfo GetFile(IFileProvider contentRoot, string path) =>
        Path.IsPathRooted(Folder)
            ? new PhysicalFileInfo(new FileInfo(Path.Combine(Folder, path)))
            : contentRoot.GetFileInfo(Folder + "/" + path);

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
