using System.Buffers;
using System.Runtime.InteropServices;
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
        // The limit is on, but the rate limiter did not see this request (UseRateLimiter before UseRouting, say): refuse
        // rather than serve without the limit.
        if (options.Value.RateLimit.PermitLimit > 0 && !context.Items.ContainsKey(McpRateLimitPolicy.AppliedKey))
        {
            RateLimiterMissed(logger, context.Request.Path);
            await JsonRpcErrorResponse.WriteAsync(context, StatusCodes.Status500InternalServerError, JsonRpcErrorResponse.InternalError,
                "Internal error. The server logged the details.");
            return;
        }

        var refusal = policy.CheckHost(context.Request) ?? policy.CheckOrigin(context.Request);
        if (refusal is not null)
        {
            RequestRefused(logger, refusal);
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
            WrongParamsShape(logger, ex.Message);
            context.Response.Clear();
            await JsonRpcErrorResponse.WriteAsync(context, StatusCodes.Status400BadRequest, JsonRpcErrorResponse.InvalidParams,
                "Invalid params: " + TypeNamePattern().Replace(ex.Message, ""), RequestId(context));
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            EndpointFailed(logger, context.Request.Method, context.Request.Path, ex);
            context.Response.Clear();
            // The SDK lets transport failures escape as a bare 500 (and the developer exception page's stack trace);
            // answer as the Python SDK does: 500 with -32603, the request's id when it has one, no detail.
            await JsonRpcErrorResponse.WriteAsync(context, StatusCodes.Status500InternalServerError, JsonRpcErrorResponse.InternalError,
                "Internal error. The server logged the details.", RequestId(context));
        }
    }

    /// <summary>
    /// Reads the whole body (bounded by the limit) so it can be checked before the SDK parses it, then hands the SDK
    /// an in-memory stream over the same bytes. Returns false when the request was answered with an error.
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
        // Kestrel then refuses a chunked body past the limit itself (BadHttpRequestException, 413, below).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = limit;

        ArraySegment<byte> body;
        try
        {
            var read = await ReadBodyAsync(request, limit, context.RequestAborted);
            if (read is not { } bytes)
            {
                await TooLargeAsync(context, limit);
                return false;
            }
            body = bytes;
        }
        catch (BadHttpRequestException ex)
        {
            if (ex.StatusCode == StatusCodes.Status413PayloadTooLarge) await TooLargeAsync(context, limit);
            else await JsonRpcErrorResponse.WriteAsync(context, ex.StatusCode, JsonRpcErrorResponse.InvalidRequest, "The request body could not be read.");
            return false;
        }

        if (Inspect(body) is { } problem)
        {
            await JsonRpcErrorResponse.WriteAsync(context, StatusCodes.Status400BadRequest, problem.Code, problem.Message);
            return false;
        }
        request.Body = new MemoryStream(body.Array!, body.Offset, body.Count, writable: false, publiclyVisible: true);
        return true;
    }

    /// <summary>The whole body, or <see langword="null"/> when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<ArraySegment<byte>?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length)
        {
            // Kestrel ends the body at Content-Length, so one exact buffer holds it.
            var exact = new byte[length];
            var filled = await request.Body.ReadAtLeastAsync(exact, exact.Length, throwOnEndOfStream: false, cancellationToken);
            return new ArraySegment<byte>(exact, 0, filled);
        }
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(4096), cancellationToken);
            if (read == 0) break;
            buffer.Advance(read);
            if (buffer.WrittenCount > limit) return null;
        }
        return MemoryMarshal.TryGetArray(buffer.WrittenMemory, out var segment) ? segment : buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Why the body is not one JSON-RPC message: not valid UTF-8 JSON (-32700), or JSON of the wrong shape (-32600:
    /// not an object, a batch, no <c>"jsonrpc": "2.0"</c>, a non-string method, an id that is not a string, number or
    /// null, neither a method nor a result or error). <see langword="null"/> when it is one. A single forward pass
    /// with <see cref="Utf8JsonReader"/>, no document built; only the top-level members are looked at.
    /// </summary>
    internal static (int Code, string Message)? Inspect(ReadOnlySpan<byte> body)
    {
        if (!Utf8.IsValid(body)) return (JsonRpcErrorResponse.ParseError, "Parse error: the body is not valid UTF-8.");
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        string? shape = null;
        var member = Member.None;
        bool version = false, method = false, reply = false;
        try
        {
            while (reader.Read())
            {
                // An escaped string can hide a lone surrogate (\ud800), which the SDK would fail to unescape later.
                if (reader.ValueIsEscaped && reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName) reader.GetString();

                if (reader.CurrentDepth == 0)
                {
                    // The root value's first token (its closing token is at depth 0 too).
                    if (reader.TokenType == JsonTokenType.StartArray)
                        shape = "Invalid request: JSON-RPC batches are not supported; send one message per request.";
                    else if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.EndObject or JsonTokenType.EndArray))
                        shape = "Invalid request: the body must be a JSON-RPC message object.";
                }
                else if (reader.CurrentDepth == 1 && shape is null)
                {
                    if (reader.TokenType == JsonTokenType.PropertyName)
                    {
                        member = reader.ValueTextEquals("jsonrpc"u8) ? Member.Version
                            : reader.ValueTextEquals("method"u8) ? Member.Method
                            : reader.ValueTextEquals("id"u8) ? Member.Id
                            : reader.ValueTextEquals("result"u8) || reader.ValueTextEquals("error"u8) ? Member.Reply
                            : Member.None;
                        continue;
                    }
                    switch (member)
                    {
                        case Member.Version:
                            version = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("2.0"u8);
                            if (!version) shape = "Invalid request: \"jsonrpc\" must be \"2.0\".";
                            break;
                        case Member.Method:
                            method = reader.TokenType == JsonTokenType.String;
                            if (!method) shape = "Invalid request: \"method\" must be a string.";
                            break;
                        case Member.Id when reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number or JsonTokenType.Null):
                            shape = "Invalid request: \"id\" must be a string, a number or null.";
                            break;
                        case Member.Reply:
                            reply = true;
                            break;
                    }
                    member = Member.None;
                }
            }
            if (reader.BytesConsumed == 0) return (JsonRpcErrorResponse.ParseError, "Parse error: the body is empty.");
        }
        catch (JsonException ex)
        {
            return (JsonRpcErrorResponse.ParseError, "Parse error: " + ex.Message);
        }
        catch (InvalidOperationException)
        {
            return (JsonRpcErrorResponse.ParseError, "Parse error: a string holds an invalid \\u escape (a lone surrogate).");
        }
        shape ??= !version ? "Invalid request: the message has no \"jsonrpc\": \"2.0\"."
            : !method && !reply ? "Invalid request: the message has no \"method\" (nor a \"result\" or \"error\")."
            : null;
        return shape is null ? null : (JsonRpcErrorResponse.InvalidRequest, shape);
    }

    private enum Member { None, Version, Method, Id, Reply }

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

    [LoggerMessage(Level = LogLevel.Error, Message = "Refused an MCP request to {Path}: Inlay:RateLimit is on, but the rate limiter middleware did not apply the endpoint's policy. Call app.UseRateLimiter() after app.UseRouting().")]
    private static partial void RateLimiterMissed(ILogger logger, PathString path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an MCP request: {Reason}")]
    private static partial void RequestRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an MCP request with params of the wrong shape: {Reason}")]
    private static partial void WrongParamsShape(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The MCP endpoint failed on {Method} {Path}")]
    private static partial void EndpointFailed(ILogger logger, string method, PathString path, Exception exception);
}
