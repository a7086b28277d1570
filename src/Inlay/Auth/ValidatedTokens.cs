using Microsoft.Extensions.Caching.Memory;

namespace Inlay;

/// <summary>The app's store of validated tokens (<see cref="ValidatedTokenCache"/>), bounded in entries.</summary>
internal sealed class ValidatedTokens : IDisposable
{
    /// <summary>The most tokens remembered at once; beyond it the cache drops entries rather than grow.</summary>
    public const int MaxEntries = 10_000;

    public MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public void Dispose() => Cache.Dispose();
}
