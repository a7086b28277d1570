using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Inlay.DevHost;

/// <summary>
/// The dev host's built pages (web/devhost, embedded in this assembly at build time under <c>Inlay.DevHost/</c>):
/// the host page, the sandbox proxy page and their hashed assets.
/// </summary>
internal static class DevHostFiles
{
    private const string Prefix = "Inlay.DevHost/";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly Lazy<FrozenDictionary<string, byte[]>> Files = new(Load);

    /// <summary>Whether the build embedded the dev host (it is built by npm with the assembly).</summary>
    public static bool Available => Files.Value.ContainsKey("index.html");

    /// <summary>Serves one file: HTML never cached (it names the current assets), hashed assets cached for good.</summary>
    public static IResult Serve(HttpContext context, string? path)
    {
        var name = string.IsNullOrEmpty(path) ? "index.html" : path;
        if (!Files.Value.TryGetValue(name, out var bytes))
            return Results.NotFound();
        context.Response.Headers.CacheControl = name.StartsWith("assets/", StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "no-store";
        context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        var type = ContentTypes.TryGetContentType(name, out var known) ? known : "application/octet-stream";
        return Results.Bytes(bytes, type);
    }

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(DevHostFiles).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[resource[Prefix.Length..].Replace('\\', '/')] = copy.ToArray();
        }
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
