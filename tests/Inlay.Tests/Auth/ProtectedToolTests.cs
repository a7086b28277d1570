using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using ModelContextProtocol.AspNetCore.Authentication;
using ModelContextProtocol.Server;
using System.Security.Claims;
using System.Text;

namespace Inlay.Tests.Auth;

public sealed class ProtectedToolTests : IAsyncLifetime
{
    public sealed record Order(string Id, string Owner);

    public sealed class OrderTools
    {
        [McpServerTool(Name = "list_menu", ReadOnly = true, Destructive = false, OpenWorld = false)]
        public static string Menu() => "tea, coffee";

        [McpServerTool(Name = "show_orders", ReadOnly = true, Destructive = false, OpenWorld = false)]
        [WidgetTool("ui://widget/orders.html")]
        [RequiresScopes("orders.read")]
        public static WidgetResult<Order> ShowOrders(ClaimsPrincipal user) =>
            new(new Order("o-1", user.FindFirst("sub")?.Value ?? "?"), "One order.");

        [McpServerTool(Name = "refund_order", ReadOnly = false, Destructive = true, OpenWorld = false)]
        [RequiresScopes("orders.read")]
        [RequiresPolicy("Staff")]
        public static string Refund(string id) => $"Refunded {id}.";
    }

    private LoopbackApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync(b =>
        {
            b.Services.AddAuthentication(o =>
                {
                    o.DefaultAuthenticateScheme = JwtBearerDefaults.AuthenticationScheme;
                    o.DefaultChallengeScheme = McpAuthenticationDefaults.AuthenticationScheme;
                })
                .AddJwtBearer(TestTokens.Trust)
                .AddMcp(o => o.ResourceMetadata = new() { AuthorizationServers = { TestTokens.Issuer }, ScopesSupported = ["orders.read"] });
            b.Services.AddAuthorization(o => o.AddPolicy("Staff", p => p.RequireClaim("sub", "staff-1")));
            b.Services.AddMcpServer().WithHttpTransport().WithInlay()
                .WithWidget("ui://widget/orders.html", WidgetHtmlSource.FromString("<p>orders</p>"))
                .WithWidgetTools<OrderTools>();
        }, a => a.MapInlay());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static Action<HttpRequestMessage> Bearer(string token) => r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

    private async Task<JsonElement> CallAsync(string tool, object arguments, string? token = null)
    {
        var body = JsonSerializer.Serialize(new { jsonrpc = "2.0", id = 1, method = "tools/call", @params = new { name = tool, arguments } });
        var response = await _app.Mcp().PostAsync(body, token is null ? null : Bearer(token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await McpHttp.ReadMessageAsync(response)).GetProperty("result");
    }

    [Fact]
    public async Task Every_tool_is_listed_with_its_security_schemes_at_the_top_level_and_in_meta()
    {
        var tools = (await _app.Mcp().ResultAsync("tools/list")).GetProperty("tools").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Equal(3, tools.Count);
        var orders = tools["show_orders"];
        var scheme = Assert.Single(orders.GetProperty("securitySchemes").EnumerateArray());
        Assert.Equal("oauth2", scheme.GetProperty("type").GetString());
        Assert.Equal("orders.read", scheme.GetProperty("scopes")[0].GetString());
        Assert.Equal("oauth2", orders.GetProperty("_meta").GetProperty("securitySchemes")[0].GetProperty("type").GetString());
        Assert.Matches("^ui://widget/orders\\.html\\?v=[0-9a-f]{12}$", orders.GetProperty("_meta").GetProperty("openai/outputTemplate").GetString());
        Assert.Equal("noauth", tools["list_menu"].GetProperty("securitySchemes")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Public_tools_work_without_a_token()
    {
        var result = await CallAsync("list_menu", new { });
        Assert.Equal("tea, coffee", result.GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_protected_tool_without_a_token_returns_an_error_result_with_a_sign_in_challenge()
    {
        var result = await CallAsync("show_orders", new { });
        Assert.True(result.GetProperty("isError").GetBoolean());
        Assert.Contains("Sign in", result.GetProperty("content")[0].GetProperty("text").GetString());
        var challenge = result.GetProperty("_meta").GetProperty("mcp/www_authenticate")[0].GetString()!;
        Assert.StartsWith($"Bearer resource_metadata=\"{_app.BaseAddress.GetLeftPart(UriPartial.Authority)}/.well-known/oauth-protected-resource/mcp\"", challenge);
        Assert.Contains("error=\"invalid_token\"", challenge);
        Assert.Contains("scope=\"orders.read\"", challenge);
        Assert.False(result.TryGetProperty("structuredContent", out _));
    }

    [Fact]
    public async Task A_token_with_the_scope_runs_the_tool_as_its_subject()
    {
        var token = TestTokens.Create("user-7", "orders.read profile");
        var result = await CallAsync("show_orders", new { }, token);
        Assert.DoesNotContain(_app.Logs.Entries, e => e.Message.Contains(token));
        Assert.False(result.TryGetProperty("isError", out var isError) && isError.GetBoolean());
        Assert.Equal("user-7", result.GetProperty("structuredContent").GetProperty("owner").GetString());
    }

    [Fact]
    public async Task A_token_without_the_scope_gets_insufficient_scope()
    {
        var result = await CallAsync("show_orders", new { }, TestTokens.Create("user-7", "profile"));
        Assert.True(result.GetProperty("isError").GetBoolean());
        Assert.Contains("error=\"insufficient_scope\"", result.GetProperty("_meta").GetProperty("mcp/www_authenticate")[0].GetString());
    }

    [Fact]
    public async Task A_policy_is_checked_after_the_scopes()
    {
        var refused = await CallAsync("refund_order", new { id = "o-1" }, TestTokens.Create("user-7", "orders.read"));
        Assert.True(refused.GetProperty("isError").GetBoolean());
        Assert.Contains("not allowed", refused.GetProperty("content")[0].GetProperty("text").GetString());

        var allowed = await CallAsync("refund_order", new { id = "o-1" }, TestTokens.Create("staff-1", "orders.read"));
        Assert.Equal("Refunded o-1.", allowed.GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("wrong-key")]
    [InlineData("wrong-audience")]
    [InlineData("garbage")]
    public async Task An_invalid_token_is_401_with_the_resource_metadata_challenge(string kind)
    {
        var token = kind switch
        {
            "expired" => TestTokens.Create("user-7", "orders.read", expires: DateTime.UtcNow.AddMinutes(-10)),
            "wrong-key" => TestTokens.Create("user-7", "orders.read", key: new SymmetricSecurityKey(Encoding.UTF8.GetBytes("another-key-another-key-another-key-0123"))),
            "wrong-audience" => TestTokens.Create("user-7", "orders.read", audience: "https://elsewhere.example"),
            _ => "not-a-jwt",
        };
        var response = await _app.Mcp().PostAsync("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Bearer(token));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = string.Join(",", response.Headers.WwwAuthenticate.Select(h => h.ToString()));
        Assert.Contains("resource_metadata=", challenge);
        Assert.DoesNotContain(token, await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(_app.Logs.Entries, e => e.Message.Contains(token) || e.Exception?.ToString().Contains(token) == true);
    }

    [Fact]
    public async Task Protected_resource_metadata_is_served_per_rfc_9728()
    {
        var json = JsonDocument.Parse(await _app.Http.GetStringAsync("/.well-known/oauth-protected-resource/mcp")).RootElement;
        Assert.Equal(_app.BaseAddress.GetLeftPart(UriPartial.Authority) + "/mcp", json.GetProperty("resource").GetString());
        Assert.Equal(TestTokens.Issuer, json.GetProperty("authorization_servers")[0].GetString());
        Assert.Equal("orders.read", json.GetProperty("scopes_supported")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await _app.Http.GetAsync("/.well-known/oauth-protected-resource")).StatusCode);
    }
}

public sealed class ProtectedToolStartupTests
{
    public sealed class NeedsPolicy
    {
        [McpServerTool(Name = "secret", ReadOnly = true, Destructive = false, OpenWorld = false)]
        [RequiresPolicy("Missing")]
        public static string Secret() => "s";
    }

    [Fact]
    public async Task A_protected_tool_without_authentication_or_with_an_unknown_policy_stops_start_up()
    {
        var failure = await Assert.ThrowsAsync<InlayValidationException>(async () =>
        {
            await using var app = await LoopbackApp.StartAsync(
                b => b.Services.AddMcpServer().WithHttpTransport().WithInlay().WithWidgetTools<NeedsPolicy>(),
                a => a.MapInlay());
        });
        Assert.Contains(failure.Problems, p => p.Contains("tool 'secret'") && p.Contains("no default authentication scheme"));
        Assert.Contains(failure.Problems, p => p.Contains("tool 'secret'") && p.Contains("policy 'Missing' is not registered"));
    }
}
