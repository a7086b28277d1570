using Microsoft.Extensions.FileProviders;

namespace Inlay;

/// <summary>A widget document read from a file under the content root.</summary>
internal sealed class FileHtmlSource(string path) : WidgetHtmlSource
{
    public string Path { get; } = path;

    public override string Description => $"file '{Path}'";

    public override async ValueTask<string> ReadAsync(IFileProvider contentRoot, CancellationToken cancellationToken)
    {
        var file = contentRoot.GetFileInfo(Path);
        if (!file.Exists || file.IsDirectory)
            throw new FileNotFoundException($"Widget HTML {Description} was not found under the content root.", Path);
        await using var stream = file.CreateReadStream();
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
