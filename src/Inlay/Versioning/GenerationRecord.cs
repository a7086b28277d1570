namespace Inlay;

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
