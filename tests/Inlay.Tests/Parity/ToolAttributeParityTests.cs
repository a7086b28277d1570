using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace Inlay.Tests.Parity;

/// <summary>The attribute readings the descriptor comparison covers, spelled out: what each one gives on the wire.</summary>
public sealed class ToolAttributeParityTests
{
    private static (Tool Sdk, Tool Inlay) Descriptors(string method)
    {
        var (sdk, inlay) = ToolPairs.Of<ParityTools>().For(method);
        return (sdk.ProtocolTool, inlay.ProtocolTool);
    }

    [Fact]
    public void Title_hints_icon_description_and_meta_are_read_like_the_sdk()
    {
        var (sdk, inlay) = Descriptors(nameof(ParityTools.ShowOrder));
        Assert.Equal(("Show order", "Show order", true, false, true, false), (inlay.Title, inlay.Annotations?.Title,
            inlay.Annotations?.ReadOnlyHint, inlay.Annotations?.DestructiveHint, inlay.Annotations?.IdempotentHint, inlay.Annotations?.OpenWorldHint));
        Assert.Equal("https://example.com/order.png", Assert.Single(inlay.Icons!).Source);
        Assert.Equal("Shows an order.", inlay.Description);
        Assert.Equal("gold", inlay.Meta?["example/tier"]?.GetValue<string>());
        Assert.Equal(sdk.Description, inlay.Description);
    }

    [Theory]
    [InlineData(nameof(ParityTools.OnlyReadOnly))]
    [InlineData(nameof(ParityTools.DestructiveOpenWorld))]
    [InlineData(nameof(ParityTools.OnlyTitle))]
    [InlineData(nameof(ParityTools.NoHints))]
    public void Only_the_hints_an_attribute_sets_are_written(string method)
    {
        var (sdk, inlay) = Descriptors(method);
        Assert.Equal(JsonSerializer.Serialize(sdk.Annotations), JsonSerializer.Serialize(inlay.Annotations));
        Assert.Equal(sdk.Title, inlay.Title);
    }

    [Theory]
    [InlineData(nameof(ParityTools.CountText), "Counts.\nReturns: The count as text.")]
    [InlineData(nameof(ParityTools.CountTextOnly), "Returns: The count as text.")]
    public void A_return_description_of_a_text_tool_is_appended_to_its_description(string method, string description)
    {
        var (sdk, inlay) = Descriptors(method);
        Assert.Equal(description, sdk.Description);
        Assert.Equal(description, inlay.Description);
    }

    [Theory]
    [InlineData(nameof(ParityTools.GetOrder))]
    [InlineData(nameof(ParityTools.GetOrderLaterAsync))]
    [InlineData(nameof(ParityTools.GetOrderResult))]
    public void A_structured_tool_gets_the_sdks_output_schema(string method)
    {
        var (sdk, inlay) = Descriptors(method);
        Assert.NotNull(sdk.OutputSchema);
        Assert.True(JsonElement.DeepEquals(sdk.OutputSchema.Value, inlay.OutputSchema!.Value), $"The SDK writes {sdk.OutputSchema}, Inlay {inlay.OutputSchema}.");
    }

    [Fact]
    public void A_widget_result_gets_the_output_schema_of_its_data()
    {
        // Intended: the SDK would describe WidgetResult<Order> itself; Inlay describes the Order that becomes structuredContent.
        var (_, inlay) = Descriptors(nameof(ParityTools.ShowOrderWidget));
        var (sdk, _) = Descriptors(nameof(ParityTools.GetOrderLaterAsync));
        Assert.True(JsonElement.DeepEquals(sdk.OutputSchema!.Value, inlay.OutputSchema!.Value));
    }
}
