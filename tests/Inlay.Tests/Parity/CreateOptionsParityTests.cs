using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay.Tests.Parity;

/// <summary>
/// A tool built in code: <c>WithWidgetTool(method, widget, options)</c> reads <see cref="McpServerToolCreateOptions"/> as
/// <c>McpServerTool.Create(method, options)</c> does.
/// </summary>
public sealed class CreateOptionsParityTests
{
    /// <summary>
    /// The create options WidgetToolFactory reads. <c>UseStructuredContent</c> is deliberately not among them: a widget
    /// tool's output schema follows its return type (or an explicit <c>OutputSchema</c>), since the widget renders
    /// <c>structuredContent</c>.
    /// </summary>
    private static readonly string[] KnownOptions =
    [
        nameof(McpServerToolCreateOptions.Services), nameof(McpServerToolCreateOptions.Name), nameof(McpServerToolCreateOptions.Description),
        nameof(McpServerToolCreateOptions.Title), nameof(McpServerToolCreateOptions.Destructive), nameof(McpServerToolCreateOptions.Idempotent),
        nameof(McpServerToolCreateOptions.OpenWorld), nameof(McpServerToolCreateOptions.ReadOnly), nameof(McpServerToolCreateOptions.UseStructuredContent),
        nameof(McpServerToolCreateOptions.OutputSchema), nameof(McpServerToolCreateOptions.SerializerOptions), nameof(McpServerToolCreateOptions.SchemaCreateOptions),
        nameof(McpServerToolCreateOptions.Metadata), nameof(McpServerToolCreateOptions.Icons), nameof(McpServerToolCreateOptions.Meta),
    ];

    private sealed record Marker;

    [Fact]
    public void The_create_options_have_no_property_inlay_does_not_know()
    {
        foreach (var property in typeof(McpServerToolCreateOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            Assert.True(KnownOptions.Contains(property.Name),
                $"McpServerToolCreateOptions.{property.Name} is new in this SDK: make WidgetToolFactory.Create carry it, then add it to {nameof(KnownOptions)}.");
        }
    }

    [Fact]
    public void Every_create_option_reaches_the_descriptor_as_in_the_sdk()
    {
        var marker = new Marker();
        var options = new McpServerToolCreateOptions
        {
            Name = "show_topic",
            Title = "Show a topic",
            Description = "Shows a topic.",
            Destructive = false,
            Idempotent = true,
            OpenWorld = false,
            ReadOnly = true,
            UseStructuredContent = true,
            OutputSchema = JsonElement.Parse("""{"type":"object","properties":{"topic":{"type":"string"}},"required":["topic"]}"""),
            Icons = [new Icon { Source = "https://example.com/topic.png" }],
            Meta = new JsonObject { ["example/owner"] = "docs" },
            Metadata = [marker],
            SchemaCreateOptions = new AIJsonSchemaCreateOptions { TransformOptions = new() { DisallowAdditionalProperties = true } },
        };
        Func<string, int, CallToolResult> method = (topic, depth) => new CallToolResult { Content = [new TextContentBlock { Text = $"{topic}/{depth}" }] };

        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddMcpServer().WithInlay()
            .WithWidget("ui://widget/topic.html", WidgetHtmlSource.FromString("<p>topic</p>"))
            .WithWidgetTool(method, new WidgetToolOptions { WidgetUri = "ui://widget/topic.html" }, options);
        var inlay = builder.Build().Services.GetServices<McpServerTool>().OfType<WidgetTool>().Single();
        var sdk = McpServerTool.Create(method, options);

        foreach (var property in DescriptorComparison.SettableToolProperties)
        {
            var expected = DescriptorComparison.ToJson(property, sdk.ProtocolTool);
            var actual = DescriptorComparison.ToJson(property, inlay.ProtocolTool);
            if (property.Name == nameof(Tool.Meta)) DescriptorComparison.AssertWidgetKeysAdded(expected as JsonObject, actual as JsonObject);
            else DescriptorComparison.AssertSame(property, expected, actual);
        }
        Assert.Equal(sdk.Metadata, inlay.Metadata);
        Assert.Same(marker, Assert.Single(inlay.Metadata));
    }
}
