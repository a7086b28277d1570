using System.Net;
using System.Net.Http.Headers;
using Inlay.Tests.Auth;
using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace Inlay.Tests.Security;

public sealed class RateLimitTests
{
    private const string Ping = """{"jsonrpc":"2.0","id":1,"method":"ping"}""";

    private static Task<LoopbackApp> StartAsync(int permits, Action<WebApplicationBuilder>? configureServices = null, Action<WebApplication>? configureApp = null) =>
        LoopbackApp.StartAsync(b =>
        {
            b.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(TestTokens.Trust);
            b.Services.AddMcpServer().WithHttpTransport().WithInlay(o => o.RateLimit.PermitLimit = permits)
                .WithTools([McpServerTool.Create(() => "pong", new() { Name = "pong", ReadOnly = true, Destructive = false, OpenWorld = false })]);
            configureServices?.Invoke(b);
        }, configureApp ?? (a =>
        {
            a.UseRateLimiter();
            a.MapInlay();
        }));

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
    public async Task The_apps_own_policies_and_global_rejection_keep_working_beside_the_mcp_limit()
    {
        await using var app = await StartAsync(permits: 2, b => b.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            limiter.OnRejected = (rejected, token) => new ValueTask(rejected.HttpContext.Response.WriteAsync("the app's own rejection", token));
            limiter.AddFixedWindowLimiter("app", window =>
            {
                window.PermitLimit = 1;
                window.Window = TimeSpan.FromMinutes(1);
            });
        }), a =>
        {
            a.UseRateLimiter();
            a.MapGet("/app", () => "app").RequireRateLimiting("app");
            a.MapInlay();
        });

        Assert.Equal("app", await app.Http.GetStringAsync("/app"));
        var appRefusal = await app.Http.GetAsync("/app");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, appRefusal.StatusCode);
        Assert.Equal("the app's own rejection", await appRefusal.Content.ReadAsStringAsync());

        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await app.Mcp().PostAsync(Ping)).StatusCode);
        var mcpRefusal = await app.Mcp().PostAsync(Ping);
        Assert.Equal(HttpStatusCode.TooManyRequests, mcpRefusal.StatusCode);
        Assert.NotNull(mcpRefusal.Headers.RetryAfter);
        Assert.Equal(-32000, (await McpHttp.ReadMessageAsync(mcpRefusal)).GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_limit_without_the_rate_limiter_middleware_fails_start_up_naming_the_call()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(permits: 3, configureApp: a => a.MapInlay()));
        Assert.Contains("Inlay:RateLimit:PermitLimit is 3", failure.Message);
        Assert.Contains("app.UseRateLimiter()", failure.Message);
    }

    [Fact]
    public async Task A_rate_limiter_placed_before_routing_refuses_mcp_requests_rather_than_serve_them_unlimited()
    {
        await using var app = await StartAsync(permits: 3, configureApp: a =>
        {
            a.UseRateLimiter();
            a.UseRouting();
            a.MapInlay();
        });
        var refused = await app.Mcp().PostAsync(Ping);
        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        Assert.Equal(-32603, (await McpHttp.ReadMessageAsync(refused)).GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains(app.Logs.Entries, e => e.Message.Contains("Call app.UseRateLimiter() after app.UseRouting()"));
    }

    [Fact]
    public async Task Without_a_limit_nothing_is_refused()
    {
        await using var app = await StartAsync(permits: 0);
        for (var i = 0; i < 50; i++) Assert.Equal(HttpStatusCode.OK, (await app.Mcp().PostAsync(Ping)).StatusCode);
    }
}
