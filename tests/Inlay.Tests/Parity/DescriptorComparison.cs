using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Inlay.Tests.Parity;

/// <summary>Compares tool descriptors property by property, by reflection over <see cref="Tool"/>, as JSON.</summary>
public static class DescriptorComparison
{
    /// <summary>The <c>_meta</c> keys Inlay adds to a widget tool's descriptor.</summary>
    private static readonly string[] WidgetMetaKeys =
        ["ui", "ui/resourceUri", "openai/outputTemplate", "openai/toolInvocation/invoking", "openai/toolInvocation/invoked", "openai/widgetAccessible", "openai/visibility"];

    /// <summary>Every public settable property of the descriptor, including any a newer SDK adds.</summary>
    public static IEnumerable<PropertyInfo> SettableToolProperties =>
        typeof(Tool).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true);

    /// <summary>A property's value as it goes on the wire.</summary>
    public static JsonNode? ToJson(PropertyInfo property, Tool tool) =>
        JsonSerializer.SerializeToNode(property.GetValue(tool), McpJsonUtilities.DefaultOptions.GetTypeInfo(property.PropertyType));

    /// <summary>Asserts a property is the same in both descriptors.</summary>
    public static void AssertSame(PropertyInfo property, JsonNode? sdk, JsonNode? inlay) =>
        Assert.True(JsonNode.DeepEquals(sdk, inlay), $"Tool.{property.Name}: the SDK writes {sdk?.ToJsonString() ?? "null"}, Inlay {inlay?.ToJsonString() ?? "null"}.");

    /// <summary>Asserts Inlay's <c>_meta</c> has every key the SDK wrote, unchanged, and adds only widget keys (intended).</summary>
    public static void AssertWidgetKeysAdded(JsonObject? sdk, JsonObject? inlay)
    {
        Assert.NotNull(inlay);
        foreach (var (key, value) in sdk ?? [])
            Assert.True(JsonNode.DeepEquals(value, inlay[key]), $"_meta[\"{key}\"]: the SDK writes {value?.ToJsonString()}, Inlay {inlay[key]?.ToJsonString()}.");
        foreach (var (key, _) in inlay)
            Assert.True(sdk?.ContainsKey(key) == true || WidgetMetaKeys.Contains(key), $"Inlay adds _meta[\"{key}\"], which is not a widget key.");
    }
}
