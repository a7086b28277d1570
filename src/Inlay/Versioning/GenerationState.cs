using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inlay;

/// <summary>
/// What <see cref="WidgetGenerationStore"/> keeps in <c>state.json</c>: the generations of each asset folder with the
/// moment a newer one replaced them.
/// </summary>
internal sealed class GenerationState
{
    /// <summary>Generations by asset folder slug, oldest first.</summary>
    public Dictionary<string, List<GenerationRecord>> AssetFolders { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One generation of an asset folder.</summary>
internal sealed class GenerationRecord
{
    /// <summary>The folder's content version (<see cref="WidgetContentHash.OfFolder"/>).</summary>
    public required string Id { get; set; }

    /// <summary>When this server first served it.</summary>
    public DateTimeOffset FirstServed { get; set; }

    /// <summary>When a newer one replaced it; <see langword="null"/> while it is the current one.</summary>
    public DateTimeOffset? SupersededAt { get; set; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(GenerationState))]
internal sealed partial class GenerationStateJsonContext : JsonSerializerContext;
