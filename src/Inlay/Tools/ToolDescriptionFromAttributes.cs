using System.Reflection;
using System.Text.RegularExpressions;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>
/// Reads a tool method's <c>[McpServerTool]</c> attribute into create options the way the SDK does, keeping an
/// annotation hint unset when the attribute does not set it (so missing hints can be reported).
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
        }
        options.Name ??= DeriveName(method);
        // The SDK's authorization filters and other conventions read attributes from the tool's metadata.
        options.Metadata ??= [method, .. method.DeclaringType?.GetCustomAttributes() ?? [], .. method.GetCustomAttributes()];
    }

    /// <summary>The SDK's default tool name: the method name without an Async suffix, other characters as underscores.</summary>
    private static string DeriveName(MethodInfo method)
    {
        var name = method.Name;
        var returns = method.ReturnType;
        var isAsync = typeof(Task).IsAssignableFrom(returns) || returns == typeof(ValueTask)
            || (returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(ValueTask<>));
        if (isAsync && name.Length > "Async".Length && name.EndsWith("Async", StringComparison.Ordinal))
            name = name[..^"Async".Length];
        return NonAlphanumeric().Replace(name, "_").Trim('_');
    }

    [GeneratedRegex("[^0-9A-Za-z]+")]
    private static partial Regex NonAlphanumeric();
}
