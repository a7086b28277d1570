using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inlay.Tests.Support;

/// <summary>Raw JSON-RPC over Streamable HTTP, as a client would send it, for asserting on exact wire output.</summary>
public sealed class McpHttp(HttpClient http, string path)
{
    private int _nextId;

    /// <summary>The server's base address.</summary>
    public Uri BaseAddress => http.BaseAddress!;

    /// <summary>Sends a request and returns the JSON-RPC response (the SSE <c>data:</c> line, or a plain JSON body).</summary>
    public async Task<JsonElement> RequestAsync(string method, object? parameters = null)
    {
        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = Interlocked.Increment(ref _nextId), ["method"] = method };
        if (parameters is not null) body["params"] = JsonSerializer.SerializeToNode(parameters);
        var response = await PostAsync(body.ToJsonString());
        return await ReadMessageAsync(response);
    }

    /// <summary>The <c>result</c> of a request; fails when the server answered with an error.</summary>
    public async Task<JsonElement> ResultAsync(string method, object? parameters = null)
    {
        var message = await RequestAsync(method, parameters);
        Assert.True(message.TryGetProperty("result", out var result), $"Expected a result for {method}, got: {message}");
        return result;
    }

    public Task<HttpResponseMessage> PostAsync(string json, Action<HttpRequestMessage>? configure = null) =>
        PostAsync(new StringContent(json, Encoding.UTF8, "application/json"), configure);

    public async Task<HttpResponseMessage> PostAsync(HttpContent content, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        configure?.Invoke(request);
        return await http.SendAsync(request);
    }

    /// <summary>The JSON-RPC message in a response body, whether SSE-framed or plain JSON.</summary>
    public static async Task<JsonElement> ReadMessageAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var json = text.TrimStart().StartsWith('{')
            ? text
            : string.Join("\n", text.Split('\n').Where(l => l.StartsWith("data:")).Select(l => l["data:".Length..].Trim()).Where(l => l.Length > 0).Take(1));
        Assert.False(string.IsNullOrEmpty(json), $"No JSON-RPC message in the response ({(int)response.StatusCode}): {text}");
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
