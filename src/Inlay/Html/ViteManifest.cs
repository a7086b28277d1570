using System.Text.Json;

namespace Inlay;

/// <summary>
/// The parts of a Vite build manifest (<c>.vite/manifest.json</c>, written with <c>build.manifest: true</c>) Inlay
/// uses: which HTML document is the entry, and which files the entry loads.
/// </summary>
/// <remarks>
/// The manifest maps each source entry to its output chunk: <c>{"index.html": {"file": "assets/index-C2YEqa5L.js",
/// "src": "index.html", "isEntry": true, "css": ["assets/index-Jk00AAau.css"], "imports": [...]}}</c>. Read with
/// <see cref="JsonDocument"/>, so no serializer metadata is needed (trim and AOT safe).
/// </remarks>
internal sealed class ViteManifest
{
    /// <summary>Where Vite writes the manifest inside the build folder.</summary>
    public const string RelativePath = ".vite/manifest.json";

    private ViteManifest(IReadOnlyList<Chunk> entries) => Entries = entries;

    /// <summary>The entry chunks (<c>isEntry: true</c>), in manifest order.</summary>
    public IReadOnlyList<Chunk> Entries { get; }

    /// <summary>The entry whose source is <paramref name="html"/> (a path relative to the build root), if any.</summary>
    public Chunk? EntryFor(string html) => Entries.FirstOrDefault(e => string.Equals(e.Source, html, StringComparison.Ordinal));

    /// <summary>The only HTML entry's source path (the entry document's path in the build folder), or <see langword="null"/> when there is not exactly one.</summary>
    public string? SingleHtmlEntry()
    {
        var html = Entries.Where(e => e.Source is { } source
            && source.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
            && !source.StartsWith('/') && !source.Contains('\\') && !source.Split('/').Contains("..")).ToList();
        return html.Count == 1 ? html[0].Source : null;
    }

    /// <summary>Reads the manifest <paramref name="file"/>, or returns <see langword="null"/> when it does not exist.</summary>
    /// <exception cref="InvalidDataException">The manifest is not the JSON object Vite writes.</exception>
    public static ViteManifest? TryRead(Microsoft.Extensions.FileProviders.IFileInfo file)
    {
        if (!file.Exists || file.IsDirectory) return null;
        try
        {
            using var stream = file.CreateReadStream();
            return Parse(stream);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The Vite manifest '{file.PhysicalPath ?? file.Name}' is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Parses a manifest.</summary>
    public static ViteManifest Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException("A Vite manifest is a JSON object keyed by source path.");
        var entries = new List<Chunk>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var chunk = property.Value;
            if (chunk.ValueKind != JsonValueKind.Object) continue;
            if (!chunk.TryGetProperty("isEntry", out var isEntry) || isEntry.ValueKind != JsonValueKind.True) continue;
            entries.Add(new Chunk(
                property.Name,
                String(chunk, "src") ?? property.Name,
                String(chunk, "file") ?? throw new InvalidDataException($"The manifest entry '{property.Name}' has no \"file\"."),
                Strings(chunk, "css"),
                Strings(chunk, "imports"),
                Strings(chunk, "dynamicImports")));
        }
        return new ViteManifest(entries);
    }

    private static string? String(JsonElement chunk, string name) =>
        chunk.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IReadOnlyList<string> Strings(JsonElement chunk, string name) =>
        chunk.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];

    /// <summary>One output chunk.</summary>
    /// <param name="Key">The manifest key.</param>
    /// <param name="Source">The source path (<c>src</c>), such as <c>index.html</c>.</param>
    /// <param name="File">The output file, such as <c>assets/index-C2YEqa5L.js</c>.</param>
    /// <param name="Css">Style sheets the chunk loads.</param>
    /// <param name="Imports">Manifest keys of chunks it imports statically.</param>
    /// <param name="DynamicImports">Manifest keys of chunks it imports on demand.</param>
    public sealed record Chunk(string Key, string? Source, string File, IReadOnlyList<string> Css, IReadOnlyList<string> Imports, IReadOnlyList<string> DynamicImports);
}
