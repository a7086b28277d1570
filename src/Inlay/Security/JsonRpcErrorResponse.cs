using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Inlay;

/// <summary>Writes a JSON-RPC error as a whole HTTP response, for requests refused before the MCP handler sees them.</summary>
internal static class JsonRpcErrorResponse
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;

    /// <summary>The SDK's code for transport-level refusals (not acceptable, bad session and the like).</summary>
    public const int ServerError = -32000;

    public static async Task WriteAsync(HttpContext context, int status, int code, string message, JsonElement? id = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        if (id is { } value)
        {
            writer.WritePropertyName("id");
            value.WriteTo(writer);
        }
        else
        {
            writer.WriteNull("id");
        }
        writer.WriteStartObject("error");
        writer.WriteNumber("code", code);
        writer.WriteString("message", message);
        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
