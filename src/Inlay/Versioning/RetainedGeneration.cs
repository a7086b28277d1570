namespace Inlay;

/// <summary>A previous generation of an asset folder, kept on disk until <see cref="ExpiresAt"/>.</summary>
/// <param name="Id">The folder's content version then.</param>
/// <param name="Path">The copy of its files.</param>
/// <param name="ExpiresAt">When it stops being served (and is deleted at the next start-up).</param>
internal sealed record RetainedGeneration(string Id, string Path, DateTimeOffset ExpiresAt);
