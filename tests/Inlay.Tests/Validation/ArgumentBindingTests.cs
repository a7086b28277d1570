using Inlay.Testing;
using System.Text.Json;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace Inlay.Tests.Validation;

/// <summary>
/// Through the MCP endpoint: what the validator lets past is what the SDK's binder then binds, and what it stops the
/// binder would have refused with a less helpful message.
/// </summary>
public sealed class ArgumentBindingTests
{
    public enum Size { Small, Medium, Large }

    private static Task<LoopbackApp> StartAsync() => LoopbackApp.StartAsync(
        b => b.Services.AddMcpServer().WithHttpTransport().WithInlay().WithTools([McpServerTool.Create(
            (int count, double ratio, Size size, DateOnly day) => $"{count}|{ratio}|{size}|{day:yyyy-MM-dd}",
            new McpServerToolCreateOptions { Name = "bind", ReadOnly = true, Destructive = false, OpenWorld = false })]),
        a => a.MapInlay());

    private static async Task<(bool IsError, string Text)> CallAsync(LoopbackApp app, string arguments)
    {
        var body = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"bind","arguments":ARGS}}""".Replace("ARGS", arguments);
        var result = (await McpHttp.ReadMessageAsync(await app.Mcp().PostAsync(body))).GetProperty("result");
        var isError = result.TryGetProperty("isError", out var flag) && flag.GetBoolean();
        return (isError, result.GetProperty("content")[0].GetProperty("text").GetString()!);
    }

    [Theory]
    [InlineData("""{"count":3,"ratio":0.5,"size":"Large","day":"2026-01-31"}""", "3|0.5|Large|2026-01-31")]
    [InlineData("""{"count":"3","ratio":"0.5","size":"Large","day":"2026-01-31"}""", "3|0.5|Large|2026-01-31")]
    [InlineData("""{"count":"+3","ratio":"1e1","size":"Small","day":"2026-01-31"}""", "3|10|Small|2026-01-31")]
    public async Task What_passes_binds(string arguments, string expected)
    {
        await using var app = await StartAsync();
        Assert.Equal((false, expected), await CallAsync(app, arguments));
    }

    [Theory]
    [InlineData("""{"count":3.0,"ratio":0.5,"size":"Large","day":"2026-01-31"}""", "Argument 'count' must be an integer written without a decimal point or exponent, but got 3.0.")]
    [InlineData("""{"count":"3.0","ratio":0.5,"size":"Large","day":"2026-01-31"}""", "Argument 'count' must be an integer, but got a string.")]
    [InlineData("""{"count":3,"ratio":0.5,"size":"Huge","day":"2026-01-31"}""", "Argument 'size' must be one of: Small, Medium, Large.")]
    [InlineData("""{"count":3,"ratio":0.5,"size":"Large","day":"31/01/2026"}""", "Argument 'day' must be a date such as 2026-01-31.")]
    [InlineData("""{"ratio":0.5,"size":"Large","day":"2026-01-31"}""", "Missing required argument 'count'.")]
    public async Task What_would_not_bind_is_stopped_with_a_reason(string arguments, string expected)
    {
        await using var app = await StartAsync();
        var (isError, text) = await CallAsync(app, arguments);
        Assert.True(isError);
        Assert.Equal($"Invalid arguments for tool 'bind': {expected}", text);
    }

    [Fact]
    public async Task An_integer_too_large_for_the_parameter_passes_the_schema_and_fails_in_the_binder()
    {
        // The SDK's schema for an int says only "integer", so the range is the binder's to enforce; the call still
        // ends as an error result rather than running the tool.
        await using var app = await StartAsync();
        var (isError, text) = await CallAsync(app, """{"count":3000000000,"ratio":0.5,"size":"Large","day":"2026-01-31"}""");
        Assert.True(isError);
        Assert.DoesNotContain("Invalid arguments", text);
    }
}
