using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inlay.Testing;

/// <summary>
/// Raw JSON-RPC over Streamable HTTP, as a client sends it, for tests that assert on exact wire output: requests
/// accept both JSON and event streams, and responses are read whether SSE-framed or plain JSON.
/// </summary>
/// <param name="http">A client whose base address is the app.</param>
/// <param name="path">The MCP endpoint's path, <c>/mcp</c> by default.</param>
public sealed class McpHttp(HttpClient http, string path = "/mcp")
{
    private int _nextId;

    /// <summary>The app's base address.</summary>
    public Uri BaseAddress => http.BaseAddress ?? throw new InvalidOperationException("The HttpClient has no base address.");

    /// <summary>Sends a request and returns the JSON-RPC response message.</summary>
    /// <param name="method">The JSON-RPC method, such as <c>tools/call</c>.</param>
    /// <param name="parameters">The params, serialized as JSON; omitted when null.</param>
    public async Task<JsonElement> RequestAsync(string method, object? parameters = null)
    {
        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = Interlocked.Increment(ref _nextId), ["method"] = method };
        if (parameters is not null) body["params"] = JsonSerializer.SerializeToNode(parameters);
        using var response = await PostAsync(body.ToJsonString());
        return await ReadMessageAsync(response);
    }

    /// <summary>The <c>result</c> of a request.</summary>
    /// <exception cref="InvalidOperationException">The server answered with an error.</exception>
    public async Task<JsonElement> ResultAsync(string method, object? parameters = null)
    {
        var message = await RequestAsync(method, parameters);
        return message.TryGetProperty("result", out var result)
            ? result
            : throw new InvalidOperationException($"Expected a result for {method}, got: {message}");
    }

    /// <summary>Calls a tool and returns its result (which may be an <c>isError</c> result).</summary>
    /// <param name="name">The tool name.</param>
    /// <param name="arguments">The arguments object.</param>
    public Task<JsonElement> CallToolAsync(string name, object? arguments = null) =>
        ResultAsync("tools/call", new { name, arguments = arguments ?? new { } });

    /// <summary>Posts a raw body as JSON.</summary>
    /// <param name="json">The body.</param>
    /// <param name="configure">Changes the request before it is sent (headers, for example).</param>
    public Task<HttpResponseMessage> PostAsync(string json, Action<HttpRequestMessage>? configure = null) =>
        PostAsync(new StringContent(json, Encoding.UTF8, "application/json"), configure);

    /// <summary>Posts raw content.</summary>
    /// <param name="content">The body.</param>
    /// <param name="configure">Changes the request before it is sent (headers, for example).</param>
    public async Task<HttpResponseMessage> PostAsync(HttpContent content, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        configure?.Invoke(request);
        return await http.SendAsync(request);
    }

    /// <summary>The JSON-RPC message in a response body, whether SSE-framed or plain JSON.</summary>
    /// <param name="response">The HTTP response.</param>
    public static async Task<JsonElement> ReadMessageAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var json = text.TrimStart().StartsWith('{')
            ? text
            : text.Split('\n').Where(l => l.StartsWith("data:", StringComparison.Ordinal)).Select(l => l["data:".Length..].Trim()).FirstOrDefault(l => l.Length > 0);
        if (string.IsNullOrEmpty(json))
            throw new InvalidOperationException($"No JSON-RPC message in the response ({(int)response.StatusCode}): {text}");
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
