using Microsoft.Extensions.FileProviders;

namespace Inlay;

/// <summary>A widget document held in memory.</summary>
internal sealed class StringHtmlSource(string html) : WidgetHtmlSource
{
    public override string Description => "inline HTML";

    public override ValueTask<string> ReadAsync(IFileProvider contentRoot, CancellationToken cancellationToken) => ValueTask.FromResult(html);
}
