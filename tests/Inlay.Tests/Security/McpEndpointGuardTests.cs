using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace Inlay.Tests.Security;

public sealed class McpEndpointGuardTests
{
    private const string Ping = """{"jsonrpc":"2.0","id":1,"method":"ping"}""";

    private static Task<LoopbackApp> StartAsync(string environment = "Development", Action<InlayOptions>? configure = null, bool stateless = true) =>
        LoopbackApp.StartAsync(
            b => b.Services.AddMcpServer().WithHttpTransport(o => o.Stateless = stateless).WithInlay(configure)
                .WithTools([McpServerTool.Create((string text) => text, new() { Name = "echo", ReadOnly = true, Destructive = false, OpenWorld = false })]),
            a => a.MapInlay(),
            environment);

    private static async Task<(HttpStatusCode Status, JsonElement Message, string Body)> PostAsync(LoopbackApp app, HttpContent content, Action<HttpRequestMessage>? configure = null)
    {
        var response = await app.Mcp().PostAsync(content, configure);
        var body = await response.Content.ReadAsStringAsync();
        AssertNoInternals(body);
        return (response.StatusCode, await McpHttp.ReadMessageAsync(new HttpResponseMessage { Content = new StringContent(body) }), body);
    }

    private static Task<(HttpStatusCode Status, JsonElement Message, string Body)> PostAsync(LoopbackApp app, string json, Action<HttpRequestMessage>? configure = null) =>
        PostAsync(app, new StringContent(json, Encoding.UTF8, "application/json"), configure);

    private static void AssertNoInternals(string body)
    {
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain(".cs:line", body);
    }

    private static async Task AssertStillServesAsync(LoopbackApp app)
    {
        var result = await app.Mcp().ResultAsync("tools/call", new { name = "echo", arguments = new { text = "still here" } });
        Assert.Equal("still here", result.GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_foreign_host_is_refused_with_403_naming_the_host(string environment)
    {
        await using var app = await StartAsync(environment);
        var (status, message, _) = await PostAsync(app, Ping, r => r.Headers.Host = "evil.example.com");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(-32000, message.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("evil.example.com", message.GetProperty("error").GetProperty("message").GetString());
        await AssertStillServesAsync(app);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task Loopback_hosts_are_accepted(string host)
    {
        await using var app = await StartAsync("Production");
        var (status, message, _) = await PostAsync(app, Ping, r => r.Headers.Host = $"{host}:{app.BaseAddress.Port}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(message.TryGetProperty("result", out _));
    }

    [Fact]
    public async Task The_public_urls_host_and_configured_hosts_are_accepted()
    {
        await using var app = await StartAsync("Production", o =>
        {
            o.PublicUrl = "https://app.example.com";
            o.AllowedHosts.Add("mcp.example.org");
        });
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(app, Ping, r => r.Headers.Host = "app.example.com")).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(app, Ping, r => r.Headers.Host = "mcp.example.org")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(app, Ping, r => r.Headers.Host = "other.example.com")).Status);
    }

    [Theory]
    [InlineData("Development", "http://evil.example.com", HttpStatusCode.Forbidden)]
    [InlineData("Production", "http://evil.example.com", HttpStatusCode.Forbidden)]
    [InlineData("Development", "null", HttpStatusCode.Forbidden)]
    [InlineData("Development", "http://localhost:5173", HttpStatusCode.OK)]
    [InlineData("Development", "http://127.0.0.1:6274", HttpStatusCode.OK)]
    [InlineData("Production", "http://localhost:5173", HttpStatusCode.Forbidden)]
    [InlineData("Production", "https://chatgpt.com", HttpStatusCode.OK)]
    public async Task Origins_are_checked(string environment, string origin, HttpStatusCode expected)
    {
        await using var app = await StartAsync(environment, o => o.AllowedOrigins.Add("https://chatgpt.com"));
        var (status, message, _) = await PostAsync(app, Ping, r => r.Headers.Add("Origin", origin));
        Assert.Equal(expected, status);
        if (expected == HttpStatusCode.Forbidden)
            Assert.Contains($"Origin '{origin}'", message.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Requests_without_an_origin_are_server_to_server_and_allowed()
    {
        await using var app = await StartAsync("Production");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(app, Ping)).Status);
    }

    [Theory]
    [InlineData("{bad json")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"")]
    [InlineData("")]
    public async Task Malformed_json_is_a_parse_error(string body)
    {
        await using var app = await StartAsync();
        var (status, message, _) = await PostAsync(app, body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(-32700, message.GetProperty("error").GetProperty("code").GetInt32());
        await AssertStillServesAsync(app);
    }

    [Fact]
    public async Task Invalid_utf8_is_a_parse_error()
    {
        await using var app = await StartAsync();
        var bytes = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"XX"}}}""");
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xFF;
        bytes[at + 1] = 0xFE;
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var (status, message, _) = await PostAsync(app, content);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(-32700, message.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("UTF-8", message.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_lone_surrogate_escape_is_a_parse_error()
    {
        await using var app = await StartAsync();
        var (status, message, _) = await PostAsync(app, """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"\ud800"}}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(-32700, message.GetProperty("error").GetProperty("code").GetInt32());
        await AssertStillServesAsync(app);
    }

    [Fact]
    public async Task Params_of_the_wrong_shape_are_invalid_params_with_the_request_id()
    {
        await using var app = await StartAsync();
        var (status, message, _) = await PostAsync(app, """{"jsonrpc":"2.0","id":282,"method":"initialize","params":{"name":"x"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(282, message.GetProperty("id").GetInt32());
        var error = message.GetProperty("error");
        Assert.Equal(-32602, error.GetProperty("code").GetInt32());
        Assert.Contains("protocolVersion", error.GetProperty("message").GetString());
        Assert.DoesNotContain("ModelContextProtocol.", error.GetProperty("message").GetString());
        await AssertStillServesAsync(app);
    }

    [Fact]
    public async Task Json_nested_deeper_than_the_limit_is_a_parse_error()
    {
        await using var app = await StartAsync();
        var deep = """{"jsonrpc":"2.0","id":1,"method":"ping","params":{"x":""" + new string('[', 500) + new string(']', 500) + "}}";
        var (status, message, _) = await PostAsync(app, deep);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(-32700, message.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("[]", "batches are not supported")]
    [InlineData("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", "batches are not supported")]
    [InlineData("42", "must be a JSON-RPC message object")]
    [InlineData("\"ping\"", "must be a JSON-RPC message object")]
    [InlineData("{\"foo\":1}", "no \"jsonrpc\": \"2.0\"")]
    [InlineData("{\"id\":1,\"method\":\"ping\"}", "no \"jsonrpc\": \"2.0\"")]
    [InlineData("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}", "\"jsonrpc\" must be \"2.0\"")]
    [InlineData("{\"jsonrpc\":2.0,\"id\":1,\"method\":\"ping\"}", "\"jsonrpc\" must be \"2.0\"")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1}", "no \"method\"")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}", "\"method\" must be a string")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}", "\"id\" must be a string, a number or null")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}", "\"id\" must be a string, a number or null")]
    public async Task Json_that_is_not_a_json_rpc_message_is_an_invalid_request_that_says_why(string body, string reason)
    {
        await using var app = await StartAsync();
        var (status, message, _) = await PostAsync(app, body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = message.GetProperty("error");
        Assert.Equal(-32600, error.GetProperty("code").GetInt32());
        Assert.Contains(reason, error.GetProperty("message").GetString());
        Assert.DoesNotContain("ModelContextProtocol", error.GetProperty("message").GetString());
        await AssertStillServesAsync(app);
    }

    [Fact]
    public async Task Members_named_like_the_envelope_deeper_down_do_not_count()
    {
        await using var app = await StartAsync();
        var (status, message, _) = await PostAsync(app,
            """{"params":{"name":"echo","arguments":{"text":"x","jsonrpc":1,"id":{},"method":5}},"id":"a","method":"tools/call","jsonrpc":"2.0"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("a", message.GetProperty("id").GetString());
        Assert.Equal("x", message.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_unknown_method_is_method_not_found()
    {
        await using var app = await StartAsync();
        var message = await app.Mcp().RequestAsync("no/such-method");
        Assert.Equal(-32601, message.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_before_it_is_read()
    {
        await using var app = await StartAsync(configure: o => o.MaxRequestBodyBytes = 10_000);
        var big = BigPing(20_000);
        var (status, message, _) = await PostAsync(app, big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("10000-byte limit", message.GetProperty("error").GetProperty("message").GetString());
        await AssertStillServesAsync(app);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413_too()
    {
        await using var app = await StartAsync(configure: o => o.MaxRequestBodyBytes = 10_000);
        // Raw socket: the server answers 413 and closes while the client is still sending, which an HttpClient
        // reports as a broken pipe instead of the answer. Read the answer while writing.
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, app.BaseAddress.Port);
        var stream = client.GetStream();
        var header = $"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:{app.BaseAddress.Port}\r\nContent-Type: application/json\r\n" +
                     "Accept: application/json, text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(header));
        var reading = new StreamReader(stream, Encoding.ASCII).ReadLineAsync();
        var body = Encoding.UTF8.GetBytes(BigPing(50_000));
        try
        {
            for (var offset = 0; offset < body.Length && !reading.IsCompleted; offset += 4096)
            {
                var chunk = body.AsMemory(offset, Math.Min(4096, body.Length - offset));
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{chunk.Length:X}\r\n"));
                await stream.WriteAsync(chunk);
                await stream.WriteAsync("\r\n"u8.ToArray());
            }
        }
        catch (IOException)
        {
            // The server closed the connection after answering; the answer is still there to read.
        }
        var statusLine = await reading.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("HTTP/1.1 413", statusLine);
        await AssertStillServesAsync(app);
    }

    [Fact]
    public async Task A_chunked_body_under_the_limit_is_served()
    {
        await using var app = await StartAsync(configure: o => o.MaxRequestBodyBytes = 10_000);
        var json = """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"echo","arguments":{"text":"chunked"}}}""";
        var content = new StreamContent(new ChunkedStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var (status, message, _) = await PostAsync(app, content, r => r.Headers.TransferEncodingChunked = true);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("chunked", message.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_stateful_endpoint_still_serves_post_get_and_delete_through_the_guard()
    {
        await using var app = await StartAsync(stateless: false);
        var initialize = await app.Mcp().PostAsync("""
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}
            """);
        Assert.Equal(HttpStatusCode.OK, initialize.StatusCode);
        var session = initialize.Headers.GetValues("Mcp-Session-Id").Single();

        var call = await app.Mcp().PostAsync("""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"text":"stateful"}}}""",
            r => r.Headers.Add("Mcp-Session-Id", session));
        Assert.Equal("stateful", (await McpHttp.ReadMessageAsync(call)).GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());

        using (var get = new HttpRequestMessage(HttpMethod.Get, "/mcp"))
        {
            get.Headers.Accept.ParseAdd("text/event-stream");
            get.Headers.Add("Mcp-Session-Id", session);
            using var stream = await app.Http.SendAsync(get, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
            Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        }

        using var delete = new HttpRequestMessage(HttpMethod.Delete, "/mcp");
        delete.Headers.Add("Mcp-Session-Id", session);
        Assert.Equal(HttpStatusCode.OK, (await app.Http.SendAsync(delete)).StatusCode);
    }

    [Fact]
    public async Task A_stateful_endpoint_is_guarded_on_get_and_delete_too()
    {
        await using var app = await StartAsync(stateless: false);
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Delete })
        {
            var request = new HttpRequestMessage(method, "/mcp");
            request.Headers.Host = "evil.example.com";
            request.Headers.Accept.ParseAdd("text/event-stream");
            var response = await app.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    private static string BigPing(int padding) => "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\"" + new string('a', padding) + "\"}}";

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_handler_failure_answers_without_internals(string environment)
    {
        await using var app = await LoopbackApp.StartAsync(
            b => b.Services.AddMcpServer().WithHttpTransport().WithInlay()
                .WithRequestFilters(f => f.AddListToolsFilter(_ => (_, _) => throw new InvalidOperationException("secret: Password=hunter2"))),
            a => a.MapInlay(), environment);
        var response = await app.Mcp().PostAsync("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"HTTP {(int)response.StatusCode}");
        Assert.DoesNotContain("hunter2", body);
        AssertNoInternals(body);
        Assert.True((await McpHttp.ReadMessageAsync(new HttpResponseMessage { Content = new StringContent(body) })).TryGetProperty("error", out _));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task An_exception_escaping_the_transport_is_a_json_rpc_internal_error_logged_with_the_exception(string environment)
    {
        // ConfigureSessionOptions runs inside the SDK's HTTP handler, outside its JSON-RPC error handling: without the
        // guard this is a bare 500, and in Development the developer exception page's stack trace.
        await using var app = await LoopbackApp.StartAsync(
            b => b.Services.AddMcpServer()
                .WithHttpTransport(o => o.ConfigureSessionOptions = (http, _, _) =>
                    http.Request.Headers.ContainsKey("X-Fail") ? throw new InvalidOperationException("secret: Password=hunter2") : Task.CompletedTask)
                .WithInlay()
                .WithTools([McpServerTool.Create((string text) => text, new() { Name = "echo", ReadOnly = true, Destructive = false, OpenWorld = false })]),
            a => a.MapInlay(), environment);

        var (status, message, body) = await PostAsync(app, """{"jsonrpc":"2.0","id":"req-9","method":"tools/list"}""", r => r.Headers.Add("X-Fail", "1"));
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("req-9", message.GetProperty("id").GetString());
        Assert.Equal(-32603, message.GetProperty("error").GetProperty("code").GetInt32());
        Assert.DoesNotContain("hunter2", body);
        Assert.DoesNotContain("InvalidOperation", body);

        var logged = Assert.Single(app.Logs.Entries, e => e.Exception?.Message.Contains("hunter2") == true);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, logged.Level);
        Assert.Equal(typeof(McpEndpointGuard).FullName, logged.Category);
        await AssertStillServesAsync(app);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"ping"}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/initialized"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":null,"error":{"code":-1,"message":"x"}}""")]
    [InlineData("""{"method":"ping","id":"x","params":{"_meta":{"jsonrpc":"no"}},"jsonrpc":"2.0"}""")]
    [InlineData(""" {"jsonrpc" : "2.0", "id" : 1.5, "method" : "ping"} """)]
    [InlineData("""{"\u006asonrpc":"2\u002e0","id":1,"method":"ping"}""")]
    public void Inspect_accepts_json_rpc_messages(string body) =>
        Assert.Null(McpEndpointGuard.Inspect(Encoding.UTF8.GetBytes(body)));

    [Theory]
    [InlineData("", -32700)]
    [InlineData("{", -32700)]
    [InlineData("[", -32700)]
    [InlineData("[1,", -32700)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"ping"} {}""", -32700)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"p\ud800"}""", -32700)]
    [InlineData("[]", -32600)]
    [InlineData("null", -32600)]
    [InlineData("{}", -32600)]
    [InlineData("""{"jsonrpc":"2.0","id":[1],"method":"ping"}""", -32600)]
    [InlineData("""{"jsonrpc":null,"id":1,"method":"ping"}""", -32600)]
    [InlineData("""{"jsonrpc":"2.0","method":null}""", -32600)]
    public void Inspect_refuses_what_is_not_one_json_rpc_message(string body, int code) =>
        Assert.Equal(code, McpEndpointGuard.Inspect(Encoding.UTF8.GetBytes(body))?.Code);

    /// <summary>A stream of unknown length, so the client sends the body chunked with no Content-Length.</summary>
    private sealed class ChunkedStream(byte[] data) : Stream
    {
        private int _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 4096), data.Length - _position);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
