using System.Reflection;
using Microsoft.Extensions.FileProviders;

namespace Inlay;

/// <summary>A widget document embedded in an assembly as a manifest resource.</summary>
internal sealed class EmbeddedResourceHtmlSource(Assembly assembly, string resourceName) : WidgetHtmlSource
{
    public Assembly Assembly { get; } = assembly;

    public string ResourceName { get; } = resourceName;

    public override string Description => $"embedded resource '{ResourceName}' in assembly {Assembly.GetName().Name}";

    public override async ValueTask<string> ReadAsync(IFileProvider contentRoot, CancellationToken cancellationToken)
    {
        await using var stream = Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new FileNotFoundException(
                $"Widget HTML {Description} was not found. The assembly embeds: {DescribeResources()}. " +
                "Embedded resource names are the default namespace plus the file's folder path with dots, such as MyApp.Widgets.greeting.html.",
                ResourceName);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private string DescribeResources()
    {
        var names = Assembly.GetManifestResourceNames();
        return names.Length == 0 ? "nothing" : string.Join(", ", names.Order(StringComparer.Ordinal).Select(n => $"'{n}'"));
    }
}
