using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay.Tests.Parity;

/// <summary>
/// Every property of the tool descriptor (<see cref="Tool"/>), read by reflection, is what the SDK would write for the
/// same method, except where Inlay differs on purpose: it adds the widget keys to <c>_meta</c>, and it gives a data
/// return an output schema even without <c>UseStructuredContent</c>, because a widget renders <c>structuredContent</c>.
/// </summary>
public sealed class ToolDescriptorParityTests
{
    /// <summary>The <see cref="Tool"/> properties <c>WidgetToolFactory.Clone</c> copies; a property the SDK adds fails <see cref="The_descriptor_has_no_property_inlay_does_not_know"/>.</summary>
    private static readonly string[] KnownToolProperties =
        [nameof(Tool.Name), nameof(Tool.Title), nameof(Tool.Description), nameof(Tool.InputSchema), nameof(Tool.OutputSchema), nameof(Tool.Annotations), nameof(Tool.Icons), nameof(Tool.Meta)];

    public static TheoryData<string, string> Methods
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var method in ToolPairs.Of<ParityTools>().Methods) data.Add(nameof(ParityTools), method);
            data.Add(nameof(BindingTools), nameof(BindingTools.Bind));
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Every_descriptor_property_is_what_the_sdk_writes(string tools, string method)
    {
        var (sdk, inlay) = (tools == nameof(BindingTools) ? ToolPairs.Of<BindingTools>() : ToolPairs.Of<ParityTools>()).For(method);
        var info = (MethodInfo)inlay.Metadata[0];
        var structuredOnlyInInlay = sdk.ProtocolTool.OutputSchema is null && inlay.OutputType is not null;
        var returnsWidgetResult = info.ReturnType.IsGenericType && info.ReturnType.GetGenericTypeDefinition() == typeof(WidgetResult<>);
        foreach (var property in DescriptorComparison.SettableToolProperties)
        {
            var expected = DescriptorComparison.ToJson(property, sdk.ProtocolTool);
            var actual = DescriptorComparison.ToJson(property, inlay.ProtocolTool);
            switch (property.Name)
            {
                case nameof(Tool.Meta):
                    DescriptorComparison.AssertWidgetKeysAdded(expected as JsonObject, actual as JsonObject);
                    break;
                case nameof(Tool.OutputSchema) when structuredOnlyInInlay || returnsWidgetResult:
                    // Intended: the SDK writes an output schema only with UseStructuredContent, and for a WidgetResult<T> it
                    // would describe the wrapper; Inlay describes the data that becomes structuredContent, for every data return.
                    Assert.Equal("object", actual?["type"]?.GetValue<string>());
                    Assert.Null(actual?["properties"]?["widgetMeta"]);
                    break;
                case nameof(Tool.Description) when structuredOnlyInInlay:
                    // Intended, following from the above: the SDK appends the return description to the tool's; Inlay puts
                    // it in the output schema, as the SDK does for structured tools.
                    Assert.Equal(expected?.GetValue<string>(), ToolDescriptionFromAttributes.WithReturnDescription(actual?.GetValue<string>(), info));
                    if (ToolDescriptionFromAttributes.ReturnDescription(info) is { } returns)
                        Assert.Equal(returns, inlay.ProtocolTool.OutputSchema?.GetProperty("description").GetString());
                    break;
                default:
                    DescriptorComparison.AssertSame(property, expected, actual);
                    break;
            }
        }
    }

    [Fact]
    public void The_descriptor_has_no_property_inlay_does_not_know()
    {
        foreach (var property in DescriptorComparison.SettableToolProperties)
        {
            Assert.True(KnownToolProperties.Contains(property.Name),
                $"Tool.{property.Name} is new in this SDK: make WidgetToolFactory.Clone copy it, then add it to {nameof(KnownToolProperties)}.");
        }
    }

    [Fact]
    public void Cloning_a_descriptor_keeps_every_property()
    {
        var tool = new Tool
        {
            Name = "n",
            Title = "t",
            Description = "d",
            InputSchema = JsonElement.Parse("""{"type":"object"}"""),
            OutputSchema = JsonElement.Parse("""{"type":"object","properties":{}}"""),
            Annotations = new ToolAnnotations { Title = "t", ReadOnlyHint = true },
            Icons = [new Icon { Source = "https://example.com/i.png" }],
            Meta = new JsonObject { ["k"] = "v" },
        };
        var clone = WidgetToolFactory.Clone(tool);
        foreach (var property in DescriptorComparison.SettableToolProperties)
        {
            Assert.True(DescriptorComparison.ToJson(property, tool) is not null, $"The test sets no Tool.{property.Name}.");
            Assert.True(JsonNode.DeepEquals(DescriptorComparison.ToJson(property, tool), DescriptorComparison.ToJson(property, clone)), $"Clone drops Tool.{property.Name}.");
        }
        Assert.NotSame(tool.Meta, clone.Meta);
    }
}
