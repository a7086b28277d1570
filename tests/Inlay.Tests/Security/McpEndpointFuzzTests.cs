using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace Inlay.Tests.Security;

/// <summary>
/// Throws hostile input at the MCP endpoint over loopback: random bytes, mutated JSON-RPC, wrong types, unknown
/// methods, invalid UTF-8, huge and deeply nested bodies, a client that trickles its body. Every answer must be a 4xx
/// or a JSON-RPC message, never a 5xx, and the server must keep serving. Seeded, so a failure replays; set
/// INLAY_FUZZ_SEED and INLAY_FUZZ_CASES for a longer run.
/// </summary>
public sealed class McpEndpointFuzzTests : IAsyncLifetime
{
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("INLAY_FUZZ_SEED"), out var seed) ? seed : 20261122;
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("INLAY_FUZZ_CASES"), out var cases) ? cases : 400;
    private LoopbackApp _app = null!;

    public sealed record Point(int X, int Y);

    public sealed class Tools
    {
        [McpServerTool(Name = "move", ReadOnly = true, Destructive = false, OpenWorld = false)]
        [WidgetTool("ui://widget/board.html")]
        public static WidgetResult<Point> Move(int x, int y, string? label = null) => new(new Point(x, y), $"Moved to {x},{y} {label}");
    }

    public async Task InitializeAsync() => _app = await LoopbackApp.StartAsync(
        b => b.Services.AddMcpServer().WithHttpTransport().WithInlay(o => o.MaxRequestBodyBytes = 64 * 1024)
            .WithWidget("ui://widget/board.html", WidgetHtmlSource.FromString("<p>board</p>"))
            .WithWidgetTools<Tools>(),
        a => a.MapInlay(), "Production");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Hostile_bodies_get_4xx_or_json_rpc_answers_and_the_server_stays_up()
    {
        var random = new Random(Seed);
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < Cases; i++)
        {
            var body = NextBody(random);
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var response = await _app.Mcp().PostAsync(content);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(status < 500, $"Case {i} (seed {Seed}) got {status}: {text} for body {Encoding.UTF8.GetString(body[..Math.Min(body.Length, 400)])}");
            Assert.DoesNotContain("   at ", text);
            if (status != 202)
                Assert.Contains("\"jsonrpc\":\"2.0\"", text);
            if (i % 50 == 0) await AssertAliveAsync();
        }
        await AssertAliveAsync();
        Assert.True(statuses.Keys.Count >= 3, "The generator should reach several outcomes: " + string.Join(", ", statuses));
    }

    [Fact]
    public async Task A_client_that_trickles_its_body_is_cut_off_while_others_are_served()
    {
        using var slow = new TcpClient();
        await slow.ConnectAsync(IPAddress.Loopback, _app.BaseAddress.Port);
        var stream = slow.GetStream();
        var header = $"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:{_app.BaseAddress.Port}\r\nContent-Type: application/json\r\n" +
                     "Accept: application/json, text/event-stream\r\nContent-Length: 1000\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(header));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        var cutOff = false;
        var buffer = new byte[4096];
        var reading = stream.ReadAsync(buffer).AsTask();
        while (DateTime.UtcNow < deadline)
        {
            await AssertAliveAsync();
            if (reading.IsCompleted) { cutOff = true; break; }
            try { await stream.WriteAsync("{"u8.ToArray()); } catch (IOException) { cutOff = true; break; }
            await Task.WhenAny(reading, Task.Delay(250));
        }
        Assert.True(cutOff, "Kestrel's minimum body data rate should end a request that trickles one byte every 250 ms.");
        var read = reading.IsCompletedSuccessfully ? await reading : 0;
        if (read > 0) Assert.StartsWith("HTTP/1.1 4", Encoding.ASCII.GetString(buffer, 0, read));
    }

    private async Task AssertAliveAsync()
    {
        var result = await _app.Mcp().ResultAsync("tools/call", new { name = "move", arguments = new { x = 1, y = 2 } });
        Assert.Equal(1, result.GetProperty("structuredContent").GetProperty("x").GetInt32());
    }

    private static readonly string[] Methods = ["tools/call", "tools/list", "resources/read", "resources/list", "initialize", "ping", "nope", "", "tools/", "notifications/initialized", "prompts/get"];

    private static readonly string[] Values =
    [
        "null", "true", "0", "-1", "1e308", "-1e999", "1.5", "\"\"", "\"x\"", "[]", "{}", "[[[[[]]]]]", "\"\\u0000\"", "\"\\ud800\"",
        "99999999999999999999999", "\"ui://widget/board.html\"", "\"ui://widget/missing.html\"", "{\"x\":1,\"y\":2}", "{\"x\":\"1\",\"y\":null}",
    ];

    private static byte[] NextBody(Random random) => random.Next(9) switch
    {
        0 => RandomBytes(random),
        1 => Encoding.UTF8.GetBytes(Mutated(random)),
        2 => Truncated(random, Encoding.UTF8.GetBytes(Mutated(random))),
        3 => WithInvalidUtf8(random, Encoding.UTF8.GetBytes(Mutated(random))),
        4 => Encoding.UTF8.GetBytes(Nested(random.Next(1, 400))),
        5 => Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"move\",\"arguments\":{\"x\":1,\"y\":2,\"label\":\"" + new string('a', random.Next(1, 120_000)) + "\"}}}"),
        6 => Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":{Pick(random, Values)},\"method\":{Pick(random, Values)}}}"),
        7 => Encoding.UTF8.GetBytes($"[{Mutated(random)},{Mutated(random)}]"),
        _ => Encoding.UTF8.GetBytes(Mutated(random)),
    };

    private static string Mutated(Random random)
    {
        var id = random.Next(4) == 0 ? Pick(random, Values) : random.Next(1000).ToString();
        var method = random.Next(5) == 0 ? Pick(random, Values) : "\"" + Pick(random, Methods) + "\"";
        var arguments = random.Next(3) switch
        {
            0 => Pick(random, Values),
            1 => $"{{\"x\":{Pick(random, Values)},\"y\":{Pick(random, Values)},\"label\":{Pick(random, Values)}}}",
            _ => "{\"x\":1,\"y\":2}",
        };
        var name = random.Next(4) == 0 ? Pick(random, Values) : "\"move\"";
        var parameters = random.Next(6) == 0 ? Pick(random, Values) : $"{{\"name\":{name},\"uri\":{Pick(random, Values)},\"arguments\":{arguments},\"_meta\":{{\"openai/locale\":{Pick(random, Values)}}}}}";
        var version = random.Next(8) == 0 ? Pick(random, Values) : "\"2.0\"";
        return $"{{\"jsonrpc\":{version},\"id\":{id},\"method\":{method},\"params\":{parameters}}}";
    }

    private static string Nested(int depth) =>
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"move\",\"arguments\":{\"x\":" + new string('[', depth) + new string(']', depth) + "}}}";

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 2048)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Truncated(Random random, byte[] body) => body[..random.Next(0, body.Length)];

    private static byte[] WithInvalidUtf8(Random random, byte[] body)
    {
        var copy = (byte[])body.Clone();
        for (var i = 0; i < 3 && copy.Length > 0; i++) copy[random.Next(copy.Length)] = (byte)(0x80 + random.Next(0x80));
        return copy;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
