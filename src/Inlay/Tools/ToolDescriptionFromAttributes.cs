using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>
/// Reads a tool method's attributes into create options the way the SDK does when it builds a tool from a method, keeping
/// an annotation hint unset when the attribute does not set it (so missing hints can be reported). The SDK's own reading
/// is internal to it; tests/Inlay.Tests/Parity builds the same methods both ways and compares the tools.
/// </summary>
internal static partial class ToolDescriptionFromAttributes
{
    /// <summary>Fills what <paramref name="options"/> leaves unset from the method's attributes.</summary>
    public static void Apply(MethodInfo method, McpServerToolCreateOptions options)
    {
        var attribute = method.GetCustomAttribute<McpServerToolAttribute>();
        if (attribute is not null)
        {
            var named = method.GetCustomAttributesData()
                .Where(d => d.AttributeType == typeof(McpServerToolAttribute))
                .SelectMany(d => d.NamedArguments)
                .Select(a => a.MemberName)
                .ToHashSet(StringComparer.Ordinal);
            options.Name ??= attribute.Name;
            options.Title ??= attribute.Title;
            if (named.Contains(nameof(McpServerToolAttribute.Destructive))) options.Destructive ??= attribute.Destructive;
            if (named.Contains(nameof(McpServerToolAttribute.Idempotent))) options.Idempotent ??= attribute.Idempotent;
            if (named.Contains(nameof(McpServerToolAttribute.OpenWorld))) options.OpenWorld ??= attribute.OpenWorld;
            if (named.Contains(nameof(McpServerToolAttribute.ReadOnly))) options.ReadOnly ??= attribute.ReadOnly;
            if (options.Icons is null && !string.IsNullOrEmpty(attribute.IconSource)) options.Icons = [new Icon { Source = attribute.IconSource }];
            if (attribute.OutputSchemaType is { } outputSchemaType)
            {
                options.OutputSchema ??= AIJsonUtilities.CreateJsonSchema(outputSchemaType,
                    serializerOptions: options.SerializerOptions ?? McpJsonUtilities.DefaultOptions, inferenceOptions: options.SchemaCreateOptions);
            }
        }
        options.Name ??= DeriveName(method);
        // The SDK's authorization filters and other conventions read attributes from the tool's metadata.
        options.Metadata ??= [method, .. method.DeclaringType?.GetCustomAttributes() ?? [], .. method.GetCustomAttributes()];
    }

    /// <summary>What the method's <c>[return: Description]</c> says, if anything.</summary>
    public static string? ReturnDescription(MethodInfo method) => method.ReturnParameter.GetCustomAttribute<DescriptionAttribute>()?.Description;

    /// <summary>
    /// The tool description for a tool without an output schema: the SDK then appends the return description, which would
    /// otherwise have gone into the output schema.
    /// </summary>
    public static string? WithReturnDescription(string? description, MethodInfo method)
    {
        if (ReturnDescription(method) is not { } returns || string.IsNullOrWhiteSpace(returns)) return description;
        return string.IsNullOrWhiteSpace(description) ? $"Returns: {returns}" : $"{description}\nReturns: {returns}";
    }

    /// <summary>
    /// The SDK's default tool name: the method name without an Async suffix (for methods returning a task or an async
    /// stream), runs of other characters than ASCII letters and digits as one underscore, in snake_case.
    /// </summary>
    private static string DeriveName(MethodInfo method)
    {
        const string AsyncSuffix = "Async";
        var name = method.Name;
        if (IsAsync(method.ReturnType) && name.Length > AsyncSuffix.Length && name.EndsWith(AsyncSuffix, StringComparison.Ordinal))
            name = name[..^AsyncSuffix.Length];
        name = NonAlphanumeric().Replace(name, "_").Trim('_');
        if (name.Length == 0) name = method.Name;
        return JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
    }

    private static bool IsAsync(Type returns)
    {
        if (returns == typeof(Task) || returns == typeof(ValueTask)) return true;
        if (!returns.IsGenericType) return false;
        var definition = returns.GetGenericTypeDefinition();
        return definition == typeof(Task<>) || definition == typeof(ValueTask<>) || definition == typeof(IAsyncEnumerable<>);
    }

    [GeneratedRegex("[^0-9A-Za-z]+")]
    private static partial Regex NonAlphanumeric();
}
