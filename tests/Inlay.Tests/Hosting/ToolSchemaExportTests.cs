using System.Text.Json;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.Server;

namespace Inlay.Tests.Hosting;

/// <summary>
/// <c>--inlay-export-schemas &lt;path&gt;</c>: the app writes the schemas as it starts and stops through the host's
/// lifetime, even when its widgets are not built yet; a file it cannot write makes the exit code 1.
/// </summary>
[Collection(ExitCodeCollection.Name)]
public sealed class ToolSchemaExportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("inlay-schema-export-").FullName;

    public void Dispose()
    {
        Environment.ExitCode = 0;
        Directory.Delete(_folder, recursive: true);
    }

    private static Task<LoopbackApp> StartAsync(string path) => LoopbackApp.StartAsync(b =>
    {
        b.Configuration[ToolSchemaExport.SwitchName] = path;
        b.Services.AddMcpServer().WithHttpTransport().WithInlay()
            // Not built yet, as on a first build: the export does not check widgets.
            .WithWidget("ui://widget/missing.html", WidgetHtmlSource.FromAssetFolder("widgets/missing/dist"))
            .WithTools([McpServerTool.Create((string name) => "Hello, " + name, new() { Name = "greet", ReadOnly = true, Destructive = false, OpenWorld = false })]);
    }, a => a.MapInlay());

    [Fact]
    public async Task The_schemas_are_written_and_the_app_stops_by_itself()
    {
        var path = Path.Combine(_folder, "schemas", "tools.json");
        await using var app = await StartAsync(path);
        await app.App.WaitForShutdownAsync().WaitAsync(TimeSpan.FromSeconds(10));

        using var schemas = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal("string", schemas.RootElement.GetProperty("tools").GetProperty("greet").GetProperty("inputSchema")
            .GetProperty("properties").GetProperty("name").GetProperty("type").GetString());
        Assert.Equal(0, Environment.ExitCode);
    }

    [Fact]
    public async Task A_file_that_cannot_be_written_makes_the_exit_code_1()
    {
        var blocker = Path.Combine(_folder, "not-a-folder");
        File.WriteAllText(blocker, "");
        await using var app = await StartAsync(Path.Combine(blocker, "tools.json"));
        await app.App.WaitForShutdownAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, Environment.ExitCode);
        Assert.Contains(app.Logs.Entries, e => e.Message.StartsWith("Inlay could not write the tool schemas", StringComparison.Ordinal));
    }
}

/// <summary>Tests that set the process's exit code run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExitCodeCollection
{
    public const string Name = "Process exit code";
}
