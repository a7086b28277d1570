using System.Net;
using System.Net.Http.Headers;
using Inlay.Tests.Auth;
using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace Inlay.Tests.Security;

public sealed class RateLimitTests
{
    private const string Ping = """{"jsonrpc":"2.0","id":1,"method":"ping"}""";

    private static Task<LoopbackApp> StartAsync(int permits) => LoopbackApp.StartAsync(b =>
    {
        b.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(TestTokens.Trust);
        b.Services.AddMcpServer().WithHttpTransport().WithInlay(o => o.RateLimit.PermitLimit = permits)
            .WithTools([McpServerTool.Create(() => "pong", new() { Name = "pong", ReadOnly = true, Destructive = false, OpenWorld = false })]);
    }, a => a.MapInlay());

    [Fact]
    public async Task Over_the_limit_a_client_gets_429_with_retry_after_and_a_json_rpc_error()
    {
        await using var app = await StartAsync(permits: 3);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await app.Mcp().PostAsync(Ping)).StatusCode);

        var refused = await app.Mcp().PostAsync(Ping);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter!.Value.TotalSeconds, 1, 60);
        var error = (await McpHttp.ReadMessageAsync(refused)).GetProperty("error");
        Assert.Equal(-32000, error.GetProperty("code").GetInt32());
        Assert.Contains("Rate limit exceeded", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Each_signed_in_subject_has_its_own_budget()
    {
        await using var app = await StartAsync(permits: 2);
        Action<HttpRequestMessage> As(string subject) =>
            r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(subject, "x"));
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await app.Mcp().PostAsync(Ping, As("alice"))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.Mcp().PostAsync(Ping, As("alice"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Mcp().PostAsync(Ping, As("bob"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Mcp().PostAsync(Ping)).StatusCode);
    }

    [Fact]
    public async Task Without_a_limit_nothing_is_refused()
    {
        await using var app = await StartAsync(permits: 0);
        for (var i = 0; i < 50; i++) Assert.Equal(HttpStatusCode.OK, (await app.Mcp().PostAsync(Ping)).StatusCode);
    }
}
