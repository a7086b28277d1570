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
