using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace Inlay;

/// <summary>
/// What a widget tool returns: <see cref="Data"/> becomes <c>structuredContent</c> (read by the model and the widget),
/// <see cref="Text"/> the <c>content</c> the model reads, and <see cref="WidgetMeta"/> the result <c>_meta</c> that only
/// the widget sees. The tool's output schema is generated from <typeparamref name="T"/>.
/// </summary>
/// <typeparam name="T">The structured data type; must serialize to a JSON object.</typeparam>
/// <param name="data">The structured data.</param>
/// <param name="text">A short text for the model describing the result.</param>
public sealed class WidgetResult<T>(T data, string text) : IWidgetResult
{
    /// <summary>The structured data (<c>structuredContent</c>).</summary>
    public T Data { get; } = data;

    /// <summary>The text the model reads (<c>content</c>).</summary>
    public string Text { get; } = text;

    /// <summary>
    /// Data for the widget only (the result's <c>_meta</c>), such as large lookup tables or image URLs the model
    /// need not see. Keys are yours; avoid the <c>openai/</c> and <c>ui</c> prefixes except where documented.
    /// </summary>
    public JsonObject? WidgetMeta { get; init; }

    /// <summary>
    /// A stable id for the widget instance (<c>openai/widgetSessionId</c>): results with the same id update one widget
    /// and keep its state across turns in ChatGPT.
    /// </summary>
    public string? WidgetSessionId { get; init; }

    CallToolResult IWidgetResult.ToCallToolResult(JsonSerializerOptions serializerOptions)
    {
        var meta = WidgetMeta;
        if (WidgetSessionId is not null)
        {
            // Copy so a JsonObject the tool shares between results is never mutated.
            meta = meta?.DeepClone().AsObject() ?? [];
            meta["openai/widgetSessionId"] = WidgetSessionId;
        }
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = Text }],
            StructuredContent = JsonSerializer.SerializeToElement(Data, serializerOptions.GetTypeInfo(typeof(T))),
            Meta = meta,
        };
    }
}

/// <summary>Creates <see cref="WidgetResult{T}"/> values with the type inferred.</summary>
public static class WidgetResult
{
    /// <summary>A result showing <paramref name="data"/> in the widget and <paramref name="text"/> to the model.</summary>
    /// <typeparam name="T">The structured data type.</typeparam>
    /// <param name="data">The structured data.</param>
    /// <param name="text">A short text for the model describing the result.</param>
    public static WidgetResult<T> Create<T>(T data, string text) => new(data, text);
}
