using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay.ConformanceServer;

/// <summary>The tools the conformance suite calls, each returning what its scenario expects.</summary>
[McpServerToolType]
public sealed class ConformanceTools
{
    [McpServerTool(Name = "test_simple_text", ReadOnly = true, Destructive = false, OpenWorld = false)]
    [Description("Returns a simple text response.")]
    public static string SimpleText() => "This is a simple text response for testing.";

    [McpServerTool(Name = "test_image_content", ReadOnly = true, Destructive = false, OpenWorld = false)]
    [Description("Returns a PNG image.")]
    public static ImageContentBlock ImageContent() => ImageContentBlock.FromBytes(TestMedia.RedPixelPng, "image/png");

    [McpServerTool(Name = "test_audio_content", ReadOnly = true, Destructive = false, OpenWorld = false)]
    [Description("Returns a WAV audio clip.")]
    public static AudioContentBlock AudioContent() => AudioContentBlock.FromBytes(TestMedia.SilentWav, "audio/wav");

    [McpServerTool(Name = "test_embedded_resource", ReadOnly = true, Destructive = false, OpenWorld = false)]
    [Description("Returns an embedded text resource.")]
    public static EmbeddedResourceBlock EmbeddedResource() => new()
    {
        Resource = new TextResourceContents { Uri = "test://embedded-resource", MimeType = "text/plain", Text = "This is an embedded resource content." },
    };

    [McpServerTool(Name = "test_multiple_content_types", ReadOnly = true, Destructive = false, OpenWorld = false)]
    [Description("Returns text, an image and an embedded resource.")]
    public static IEnumerable<ContentBlock> MultipleContentTypes() =>
    [
        new TextContentBlock { Text = "Multiple content types test:" },
        ImageContentBlock.FromBytes(TestMedia.RedPixelPng, "image/png"),
        new EmbeddedResourceBlock
        {
            Resource = new TextResourceContents { Uri = "test://mixed-content-resource", MimeType = "application/json", Text = """{"test":"data","value":123}""" },
        },
    ];

    [McpServerTool(Name = "test_tool_with_logging", ReadOnly = true, Destructive = false, OpenWorld = false)]
    [Description("Sends three log messages while it runs.")]
    public static async Task<string> ToolWithLogging(McpServer server, CancellationToken cancellationToken)
    {
        string[] messages = ["Tool execution started", "Tool processing data", "Tool execution completed"];
        for (var i = 0; i < messages.Length; i++)
        {
            if (i > 0) await Task.Delay(50, cancellationToken);
            await server.SendNotificationAsync(NotificationMethods.LoggingMessageNotification, new LoggingMessageNotificationParams
            {
                Level = LoggingLevel.Info,
                Logger = "conformance",
                Data = JsonSerializer.SerializeToElement(messages[i], ConformanceJson.Default.String),
            }, cancellationToken: cancellationToken);
        }
        return "Tool with logging executed successfully";
    }

    [McpServerTool(Name = "test_tool_with_progress", ReadOnly = true, Destructive = false, OpenWorld = false)]
    [Description("Reports progress 0, 50 and 100 of 100.")]
    public static async Task<string> ToolWithProgress(IProgress<ProgressNotificationValue> progress, CancellationToken cancellationToken)
    {
        foreach (var value in new[] { 0f, 50f, 100f })
        {
            progress.Report(new ProgressNotificationValue { Progress = value, Total = 100, Message = $"Completed step {value / 50}" });
            await Task.Delay(50, cancellationToken);
        }
        return "Tool with progress executed successfully";
    }

    [McpServerTool(Name = "test_error_handling", ReadOnly = true, Destructive = false, OpenWorld = false)]
    [Description("Always fails with an error result.")]
    public static CallToolResult ErrorHandling() => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = "This tool intentionally returns an error for testing" }],
    };

    [McpServerTool(Name = "test_sampling", ReadOnly = true, Destructive = false, OpenWorld = true)]
    [Description("Asks the client's model to answer a prompt.")]
    public static async Task<string> Sampling(McpServer server, [Description("The prompt to send")] string prompt, CancellationToken cancellationToken)
    {
        var result = await server.SampleAsync(new CreateMessageRequestParams
        {
            Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = prompt }] }],
            MaxTokens = 100,
        }, cancellationToken);
        var text = result.Content.OfType<TextContentBlock>().FirstOrDefault()?.Text ?? "";
        return $"LLM response: {text}";
    }

    [McpServerTool(Name = "test_elicitation", ReadOnly = true, Destructive = false, OpenWorld = false)]
    [Description("Asks the user for a username and email.")]
    public static async Task<string> Elicitation(McpServer server, [Description("The message to show the user")] string message, CancellationToken cancellationToken)
    {
        var result = await server.ElicitAsync(new ElicitRequestParams
        {
            Message = message,
            RequestedSchema = new ElicitRequestParams.RequestSchema
            {
                Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>
                {
                    ["username"] = new ElicitRequestParams.StringSchema { Description = "User's response" },
                    ["email"] = new ElicitRequestParams.StringSchema { Description = "User's email address" },
                },
                Required = ["username", "email"],
            },
        }, cancellationToken);
        return Describe(result);
    }

    [McpServerTool(Name = "test_elicitation_sep1034_defaults", ReadOnly = true, Destructive = false, OpenWorld = false)]
    [Description("Asks the user for values, with a default for each primitive type.")]
    public static async Task<string> ElicitationDefaults(McpServer server, CancellationToken cancellationToken)
    {
        var result = await server.ElicitAsync(new ElicitRequestParams
        {
            Message = "Please review and update the form fields with defaults",
            RequestedSchema = new ElicitRequestParams.RequestSchema
            {
                Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>
                {
                    ["name"] = new ElicitRequestParams.StringSchema { Description = "User name", Default = "John Doe" },
                    ["age"] = new ElicitRequestParams.NumberSchema { Type = "integer", Description = "User age", Default = 30 },
                    ["score"] = new ElicitRequestParams.NumberSchema { Description = "User score", Default = 95.5 },
                    ["status"] = new ElicitRequestParams.UntitledSingleSelectEnumSchema { Description = "User status", Enum = ["active", "inactive", "pending"], Default = "active" },
                    ["verified"] = new ElicitRequestParams.BooleanSchema { Description = "Verification status", Default = true },
                },
            },
        }, cancellationToken);
        return Describe(result);
    }

    [McpServerTool(Name = "test_elicitation_sep1330_enums", ReadOnly = true, Destructive = false, OpenWorld = false)]
    [Description("Asks the user to choose among each kind of enum.")]
    public static async Task<string> ElicitationEnums(McpServer server, CancellationToken cancellationToken)
    {
        static ElicitRequestParams.EnumSchemaOption Option(string value, string title) => new() { Const = value, Title = title };
        var result = await server.ElicitAsync(new ElicitRequestParams
        {
            Message = "Please select options from the enum fields",
            RequestedSchema = new ElicitRequestParams.RequestSchema
            {
                Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>
                {
                    ["untitledSingle"] = new ElicitRequestParams.UntitledSingleSelectEnumSchema { Description = "Untitled single-select", Enum = ["option1", "option2", "option3"] },
                    ["titledSingle"] = new ElicitRequestParams.TitledSingleSelectEnumSchema
                    {
                        Description = "Titled single-select",
                        OneOf = [Option("value1", "First Option"), Option("value2", "Second Option"), Option("value3", "Third Option")],
                    },
                    ["legacyEnum"] = new ElicitRequestParams.LegacyTitledEnumSchema
                    {
                        Description = "Legacy titled enum",
                        Enum = ["opt1", "opt2", "opt3"],
                        EnumNames = ["Option One", "Option Two", "Option Three"],
                    },
                    ["untitledMulti"] = new ElicitRequestParams.UntitledMultiSelectEnumSchema
                    {
                        Description = "Untitled multi-select",
                        Items = new ElicitRequestParams.UntitledEnumItemsSchema { Enum = ["option1", "option2", "option3"] },
                    },
                    ["titledMulti"] = new ElicitRequestParams.TitledMultiSelectEnumSchema
                    {
                        Description = "Titled multi-select",
                        Items = new ElicitRequestParams.TitledEnumItemsSchema
                        {
                            AnyOf = [Option("value1", "First Choice"), Option("value2", "Second Choice"), Option("value3", "Third Choice")],
                        },
                    },
                },
            },
        }, cancellationToken);
        return Describe(result);
    }

    /// <summary>A tool whose input schema uses JSON Schema 2020-12 keywords the listing must keep as written.</summary>
    public static McpServerTool JsonSchema202012Tool()
    {
        var tool = McpServerTool.Create(
            (string? name, JsonElement? address) => $"Received name={name ?? "(none)"}",
            new McpServerToolCreateOptions { Name = "json_schema_2020_12_tool", Description = "Tool with JSON Schema 2020-12 features", ReadOnly = true, Destructive = false, OpenWorld = false });
        tool.ProtocolTool.InputSchema = JsonDocument.Parse("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "$defs": {
                "address": { "type": "object", "properties": { "street": { "type": "string" }, "city": { "type": "string" } } }
              },
              "properties": {
                "name": { "type": "string" },
                "address": { "$ref": "#/$defs/address" }
              },
              "additionalProperties": false
            }
            """).RootElement.Clone();
        return tool;
    }

    private static string Describe(ElicitResult result) =>
        $"Elicitation completed: action={result.Action}, content={(result.Content is null ? "{}" : JsonSerializer.Serialize(result.Content, ConformanceJson.Default.IDictionaryStringJsonElement))}";
}
