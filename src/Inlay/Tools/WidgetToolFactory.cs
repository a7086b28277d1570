using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>
/// Builds <see cref="WidgetTool"/>s. The tool is described as the SDK describes a plain tool (name, title, description,
/// annotations, input schema, <c>[McpMeta]</c>, parameter binding), with an output schema from the data type (or from
/// <c>OutputSchemaType</c> or <c>OutputSchema</c>, which win, as in the SDK) and a result conversion that keeps text,
/// data and widget-only metadata apart. Unlike the SDK, a data return always gets an output schema, with or without
/// <c>UseStructuredContent</c>: a widget renders <c>structuredContent</c>. The return type itself is never given to
/// the serializer, so a <see cref="WidgetResult{T}"/> needs no serializer metadata under Native AOT.
/// </summary>
internal static class WidgetToolFactory
{
    /// <summary>Creates a widget tool from a method; <paramref name="createTarget"/> builds the instance for instance methods.</summary>
    public static WidgetTool Create(
        MethodInfo method,
        object? target,
        Func<IServiceProvider, object>? createTarget,
        WidgetToolOptions widget,
        IServiceProvider services,
        JsonSerializerOptions? serializerOptions,
        McpServerToolCreateOptions? createOptions = null)
    {
        var json = serializerOptions ?? createOptions?.SerializerOptions ?? McpJsonUtilities.DefaultOptions;
        var options = new McpServerToolCreateOptions
        {
            Name = createOptions?.Name,
            Title = createOptions?.Title,
            Description = createOptions?.Description,
            Destructive = createOptions?.Destructive,
            Idempotent = createOptions?.Idempotent,
            OpenWorld = createOptions?.OpenWorld,
            ReadOnly = createOptions?.ReadOnly,
            OutputSchema = createOptions?.OutputSchema,
            Icons = createOptions?.Icons,
            Meta = createOptions?.Meta,
            Metadata = createOptions?.Metadata,
            SchemaCreateOptions = createOptions?.SchemaCreateOptions,
            Services = createOptions?.Services ?? services,
            SerializerOptions = json,
        };

        ToolDescriptionFromAttributes.Apply(method, options);
        if (widget.UsesClassWidget) widget = ClassWidgetBinding.Bind(method, options.Name!, widget);
        var outputType = OutputDataType(method.ReturnType);
        var outputJson = outputType is null ? json : StructuredOutputOptions(json);
        // The SDK's tool gets no output schema (UseStructuredContent stays off), so it never serializes a result of its own.
        var tool = McpServerTool.Create(CreateFunction(method, target, createTarget, options.Name!, outputType, json, outputJson, options), options);
        var protocolTool = Clone(tool.ProtocolTool);
        protocolTool.OutputSchema = options.OutputSchema ?? (outputType is null ? null : AIJsonUtilities.CreateJsonSchema(outputType,
            ToolDescriptionFromAttributes.ReturnDescription(method), serializerOptions: outputJson, inferenceOptions: options.SchemaCreateOptions));
        if (protocolTool.OutputSchema is null) protocolTool.Description = ToolDescriptionFromAttributes.WithReturnDescription(protocolTool.Description, method);

        var inlay = services.GetRequiredService<IOptions<InlayOptions>>().Value;
        var declared = services.GetServices<WidgetDeclaration>().FirstOrDefault(w => w.Uri == widget.WidgetUri);
        return new WidgetTool(tool, protocolTool, widget, outputType,
            declared is null ? null : WidgetServing.For(declared, inlay), services.GetService<WidgetVersions>());
    }

    private static AIFunction CreateFunction(
        MethodInfo method, object? target, Func<IServiceProvider, object>? createTarget, string name,
        Type? outputType, JsonSerializerOptions json, JsonSerializerOptions outputJson, McpServerToolCreateOptions options)
    {
        var outputTypeInfo = outputType is null ? null : outputJson.GetTypeInfo(outputType);
        var factoryOptions = new AIFunctionFactoryOptions
        {
            Name = name,
            SerializerOptions = json,
            JsonSchemaCreateOptions = options.SchemaCreateOptions,
            ExcludeResultSchema = true,
            ConfigureParameterBinding = ToolParameterBinding.Create(options.Services),
            MarshalResult = (result, _, _) => new ValueTask<object?>(result switch
            {
                IWidgetResult widgetResult => widgetResult.ToCallToolResult(outputJson),
                null or CallToolResult => result,
                _ when outputTypeInfo is not null => DataResult(result, outputTypeInfo),
                _ => result,
            }),
        };
        return createTarget is null
            ? AIFunctionFactory.Create(method, target, factoryOptions)
            : AIFunctionFactory.Create(method, args => createTarget(ToolParameterBinding.RequestOf(args).Services!), factoryOptions);
    }

    /// <summary>
    /// Options for <c>structuredContent</c>: null properties are written, because the generated output schema lists
    /// them as required and hosts may validate the data against it.
    /// </summary>
    private static JsonSerializerOptions StructuredOutputOptions(JsonSerializerOptions json)
    {
        if (json.DefaultIgnoreCondition == JsonIgnoreCondition.Never) return json;
        var options = new JsonSerializerOptions(json) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// A tool returning plain data: the data is the structured content and its JSON the text, as the SDK does for
    /// tools that use structured content.
    /// </summary>
    private static CallToolResult DataResult(object data, System.Text.Json.Serialization.Metadata.JsonTypeInfo typeInfo)
    {
        var element = JsonSerializer.SerializeToElement(data, typeInfo);
        return new CallToolResult { Content = [new TextContentBlock { Text = element.GetRawText() }], StructuredContent = element };
    }

    /// <summary>
    /// The type behind <c>structuredContent</c>: the <c>T</c> of a <see cref="WidgetResult{T}"/> return, or a plain data
    /// return type (also inside Task/ValueTask); null for text, content blocks, full results and void.
    /// </summary>
    internal static Type? OutputDataType(Type returnType)
    {
        var type = UnwrapTask(returnType);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(WidgetResult<>)) return type.GetGenericArguments()[0];
        return HasStructuredReturn(type) ? type : null;
    }

    /// <summary>Whether the return type is data the SDK would serialize (not text, content blocks or a full result).</summary>
    private static bool HasStructuredReturn(Type type)
    {
        return type != typeof(void) && type != typeof(string) && type != typeof(CallToolResult)
            && !typeof(ContentBlock).IsAssignableFrom(type) && !typeof(AIContent).IsAssignableFrom(type)
            && !typeof(IEnumerable<ContentBlock>).IsAssignableFrom(type) && !typeof(IEnumerable<AIContent>).IsAssignableFrom(type);
    }

    private static Type UnwrapTask(Type type)
    {
        if (type == typeof(Task) || type == typeof(ValueTask)) return typeof(void);
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
            return type.GetGenericArguments()[0];
        return type;
    }

    /// <summary>A copy of a tool descriptor with its own <c>_meta</c>, so writing metadata never touches the original.</summary>
    internal static Tool Clone(Tool tool) => new()
    {
        Name = tool.Name,
        Title = tool.Title,
        Description = tool.Description,
        InputSchema = tool.InputSchema,
        OutputSchema = tool.OutputSchema,
        Annotations = tool.Annotations,
        Icons = tool.Icons,
        Meta = tool.Meta?.DeepClone().AsObject(),
    };
}
