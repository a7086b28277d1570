using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inlay;

/// <summary>
/// Wraps the MCP endpoint: refuses foreign Host and Origin headers (DNS rebinding), bodies over the size limit, and
/// bodies that are not valid UTF-8 JSON (a JSON-RPC parse error, -32700) before the SDK reads them; turns anything
/// that escapes the handler into a JSON-RPC error with no stack trace.
/// </summary>
internal sealed partial class McpEndpointGuard(RequestOriginPolicy policy, IOptions<InlayOptions> options, ILogger<McpEndpointGuard> logger)
{
    /// <summary>Applies the guard to every endpoint the convention builder covers (the MCP POST, GET and DELETE).</summary>
    public static void Apply(IEndpointConventionBuilder endpoints) =>
        endpoints.Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate ?? throw new InvalidOperationException($"The endpoint '{endpoint.DisplayName}' has no request delegate to guard.");
            McpEndpointGuard? guard = null;
            endpoint.RequestDelegate = context =>
            {
                guard ??= context.RequestServices.GetRequiredService<McpEndpointGuard>();
                return guard.InvokeAsync(context, inner);
            };
        });

    public async Task InvokeAsync(HttpContext context, RequestDelegate inner)
    {
        var refusal = policy.CheckHost(context.Request) ?? policy.CheckOrigin(context.Request);
        if (refusal is not null)
        {
            logger.LogWarning("Refused an MCP request: {Reason}", refusal);
            await JsonRpcErrorResponse.WriteAsync(context, StatusCodes.Status403Forbidden, JsonRpcErrorResponse.ServerError, refusal);
            return;
        }

        // A token that is present but not valid (expired, wrong audience, bad signature) is an HTTP 401 with the
        // challenge; no token at all is anonymous, so public tools work and protected ones refuse per call.
        if (context.Request.Headers.Authorization.Count > 0 && context.User.Identity?.IsAuthenticated != true
            && context.RequestServices.GetService<IAuthenticationSchemeProvider>() is { } schemes
            && await schemes.GetDefaultChallengeSchemeAsync() is not null)
        {
            await context.ChallengeAsync();
            return;
        }

        if (HttpMethods.IsPost(context.Request.Method) && !await BufferAndCheckBodyAsync(context)) return;

        try
        {
            await inner(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
        catch (JsonException ex) when (!context.Response.HasStarted)
        {
            // The body is valid JSON (checked above), so the SDK failed to read a message's params into their type:
            // the caller sent the wrong shape, which is theirs to fix, not a server fault.
            logger.LogInformation("Refused an MCP request with params of the wrong shape: {Reason}", ex.Message);
            context.Response.Clear();
            await JsonRpcErrorResponse.WriteAsync(context, StatusCodes.Status400BadRequest, JsonRpcErrorResponse.InvalidParams,
                "Invalid params: " + TypeNamePattern().Replace(ex.Message, ""), RequestId(context));
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            logger.LogError(ex, "The MCP endpoint failed on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await JsonRpcErrorResponse.WriteAsync(context, StatusCodes.Status500InternalServerError, JsonRpcErrorResponse.InternalError,
                "Internal error. The server logged the details.");
        }
    }

    /// <summary>
    /// Reads the whole body (bounded by the limit) so it can be checked before the SDK parses it, then hands the SDK
    /// an in-memory copy. Returns false when the request was answered with an error.
    /// </summary>
    private async Task<bool> BufferAndCheckBodyAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        var request = context.Request;
        if (request.ContentLength > limit)
        {
            await TooLargeAsync(context, limit);
            return false;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = limit;

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 4096, limit) + 1);
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(4096);
                var read = await request.Body.ReadAsync(memory, context.RequestAborted);
                if (read == 0) break;
                buffer.Advance(read);
                if (buffer.WrittenCount > limit)
                {
                    await TooLargeAsync(context, limit);
                    return false;
                }
            }
        }
        catch (BadHttpRequestException ex)
        {
            var tooLarge = ex.StatusCode == StatusCodes.Status413PayloadTooLarge;
            if (tooLarge) await TooLargeAsync(context, limit);
            else await JsonRpcErrorResponse.WriteAsync(context, ex.StatusCode, JsonRpcErrorResponse.InvalidRequest, "The request body could not be read.");
            return false;
        }

        var body = buffer.WrittenMemory;
        if (ParseProblem(body.Span) is { } problem)
        {
            await JsonRpcErrorResponse.WriteAsync(context, StatusCodes.Status400BadRequest, JsonRpcErrorResponse.ParseError, "Parse error: " + problem);
            return false;
        }
        var copy = buffer.WrittenSpan.ToArray();
        request.Body = new MemoryStream(copy, 0, copy.Length, writable: false, publiclyVisible: true);
        return true;
    }

    /// <summary>Why the body is not valid UTF-8 JSON, or <see langword="null"/>; one forward pass, no document built.</summary>
    internal static string? ParseProblem(ReadOnlySpan<byte> body)
    {
        if (!Utf8.IsValid(body)) return "the body is not valid UTF-8.";
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
                // An escaped string can hide a lone surrogate (\ud800), which the SDK would fail to unescape later.
                if (reader.ValueIsEscaped && reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName) reader.GetString();
            }
            return reader.BytesConsumed == 0 ? "the body is empty." : null;
        }
        catch (JsonException ex)
        {
            return ex.Message;
        }
        catch (InvalidOperationException)
        {
            return "a string holds an invalid \\u escape (a lone surrogate).";
        }
    }

    /// <summary>The request's JSON-RPC id, read again from the buffered body for an error answer; null when absent.</summary>
    private static JsonElement? RequestId(HttpContext context)
    {
        if (context.Request.Body is not MemoryStream body || !body.TryGetBuffer(out var bytes)) return null;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("id", out var id) ? id.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The serializer names .NET types in its messages; callers need the field names, not our types.
    [GeneratedRegex(" for type '[^']*'")]
    private static partial Regex TypeNamePattern();

    private static Task TooLargeAsync(HttpContext context, long limit) =>
        JsonRpcErrorResponse.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, JsonRpcErrorResponse.InvalidRequest,
            $"The request body is larger than the {limit}-byte limit (Inlay:MaxRequestBodyBytes).");
}
