using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>
/// Writes every tool's input and output JSON Schema (exactly what <c>tools/list</c> advertises) to one JSON file, for
/// generating the widget's TypeScript types at build time:
/// <c>{"tools": {"greet_user": {"inputSchema": {…}, "outputSchema": {…}}}}</c>, tools in name order.
/// Run by starting the app with <c>--inlay-export-schemas &lt;path&gt;</c> (<see cref="SwitchName"/>): the app writes the
/// file as it starts, skips Inlay's start-up checks (the widgets may not be built yet), and stops once started, through
/// the host's lifetime, with exit code 0, or 1 when the file could not be written. Its other hosted services start as
/// usual. Inlay's widget build runs it on a free loopback port (<c>--urls http://127.0.0.1:0</c>), so it does not
/// compete for the port of an instance of the app already running.
/// </summary>
public static class ToolSchemaExport
{
    /// <summary>The configuration key (and command-line switch <c>--inlay-export-schemas</c>) naming the file to write.</summary>
    public const string SwitchName = "inlay-export-schemas";

    /// <summary>The schema document for the tools in <paramref name="services"/>.</summary>
    /// <param name="services">The app's services, after <c>Build()</c>.</param>
    public static string Create(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var tools = services.GetServices<McpServerTool>().Select(t => t.ProtocolTool).OrderBy(t => t.Name, StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("tools");
            foreach (var tool in tools)
            {
                writer.WriteStartObject(tool.Name);
                writer.WritePropertyName("inputSchema");
                tool.InputSchema.WriteTo(writer);
                if (tool.OutputSchema is { } output)
                {
                    writer.WritePropertyName("outputSchema");
                    output.WriteTo(writer);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>
    /// Writes <see cref="Create"/>'s document to <paramref name="path"/>, leaving the file untouched when it already
    /// holds the same text (so builds that compare timestamps see no change).
    /// </summary>
    /// <returns>Whether the file was written.</returns>
    public static bool Write(IServiceProvider services, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var json = Create(services);
        var full = Path.GetFullPath(path);
        if (File.Exists(full) && File.ReadAllText(full) == json) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, json);
        return true;
    }

    /// <summary>The file the app was asked to write the schemas to (<see cref="SwitchName"/>), or <see langword="null"/>.</summary>
    internal static string? RequestedPath(IConfiguration configuration) =>
        configuration[SwitchName] is { Length: > 0 } path && !string.IsNullOrWhiteSpace(path) ? path : null;
}
