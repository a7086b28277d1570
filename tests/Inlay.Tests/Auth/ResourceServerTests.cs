using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Inlay.Testing;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ModelContextProtocol.Server;

namespace Inlay.Tests.Auth;

/// <summary>
/// <c>AddInlayResourceServer</c> on a JWT bearer scheme that names no audience, with an endpoint that requires
/// sign-in and a scope every tool needs: what an MCP host sees at each step of signing a person in.
/// </summary>
public sealed class ResourceServerTests : IAsyncLifetime
{
    private const string Issuer = "https://auth.test.example";
    private static readonly RsaSecurityKey SigningKey = new(RSA.Create(2048)) { KeyId = "test-rsa" };

    public sealed class NoteTools
    {
        [McpServerTool(Name = "whoami", ReadOnly = true, Destructive = false, OpenWorld = false)]
        public static string WhoAmI(ClaimsPrincipal user) => "sub=" + user.FindFirst("sub")?.Value;

        [McpServerTool(Name = "list_notes", ReadOnly = true, Destructive = false, OpenWorld = false)]
        [RequiresScopes("notes.read")]
        public static string ListNotes() => "no notes";
    }

    private LoopbackApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync(b =>
        {
            b.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                .AddJwtBearer(o =>
                {
                    o.MapInboundClaims = false;
                    o.TokenValidationParameters.ValidIssuer = Issuer;
                    o.TokenValidationParameters.IssuerSigningKey = SigningKey;
                })
                .AddInlayResourceServer(o => o.ResourceMetadata = new() { AuthorizationServers = { Issuer }, ResourceName = "Notes" });
            b.Services.AddAuthorization();
            b.Services.AddMcpServer().WithHttpTransport(h => h.Stateless = true).WithInlay()
                .WithWidgetTools<NoteTools>()
                .RequireToolScopes("notes");
        }, a => a.MapInlay().RequireAuthorization());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string Resource => _app.BaseAddress.GetLeftPart(UriPartial.Authority) + "/mcp";

    private string MetadataUrl => _app.BaseAddress.GetLeftPart(UriPartial.Authority) + "/.well-known/oauth-protected-resource/mcp";

    private string Token(string scopes, string? audience = null, DateTime? expires = null, SigningCredentials? credentials = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience ?? Resource,
            Subject = new ClaimsIdentity([new Claim("sub", "person-1"), new Claim("scope", scopes)]),
            NotBefore = (expires ?? DateTime.UtcNow.AddMinutes(10)).AddHours(-1),
            Expires = expires ?? DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = credentials ?? new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        });

    private async Task<HttpResponseMessage> CallAsync(string tool, string? token)
    {
        var body = JsonSerializer.Serialize(new { jsonrpc = "2.0", id = 1, method = "tools/call", @params = new { name = tool, arguments = new { } } });
        return await _app.Mcp().PostAsync(body, token is null ? null : r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token));
    }

    private static string Challenge(HttpResponseMessage response) => string.Join(", ", response.Headers.WwwAuthenticate.Select(h => h.ToString()));

    [Fact]
    public async Task No_token_is_401_naming_the_metadata_and_the_scopes_with_a_json_rpc_body()
    {
        var response = await CallAsync("whoami", null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Challenge(response);
        Assert.StartsWith($"Bearer resource_metadata=\"{MetadataUrl}\"", challenge);
        Assert.Contains("scope=\"notes notes.read\"", challenge);
        Assert.DoesNotContain("error=", challenge);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("sign in", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_metadata_names_the_resource_the_authorization_server_and_every_scope()
    {
        var json = JsonDocument.Parse(await _app.Http.GetStringAsync("/.well-known/oauth-protected-resource/mcp")).RootElement;
        Assert.Equal(Resource, json.GetProperty("resource").GetString());
        Assert.Equal([Issuer], json.GetProperty("authorization_servers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["notes", "notes.read"], json.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Notes", json.GetProperty("resource_name").GetString());
    }

    [Fact]
    public async Task A_token_for_this_endpoint_runs_the_tool_as_its_subject()
    {
        var response = await CallAsync("whoami", Token("notes"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await McpHttp.ReadMessageAsync(response)).GetProperty("result");
        Assert.Equal("sub=person-1", result.GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("https://other.example/mcp")]
    [InlineData("https://auth.test.example")]
    public async Task A_token_for_another_resource_is_refused_with_invalid_token(string audience)
    {
        var response = await CallAsync("whoami", Token("notes", audience));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Challenge(response);
        Assert.Contains("error=\"invalid_token\"", challenge);
        Assert.Contains("issued for another resource", challenge);
    }

    [Fact]
    public async Task An_expired_token_says_so()
    {
        var response = await CallAsync("whoami", Token("notes", expires: DateTime.UtcNow.AddMinutes(-10)));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("has expired", Challenge(response));
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var other = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-rsa" };
        var response = await CallAsync("whoami", Token("notes", credentials: new SigningCredentials(other, SecurityAlgorithms.RsaSha256)));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("signature is not valid", Challenge(response));
    }

    [Fact]
    public async Task A_token_without_a_scope_a_tool_needs_gets_the_sign_in_result_naming_the_scope()
    {
        var response = await CallAsync("list_notes", Token("notes"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await McpHttp.ReadMessageAsync(response)).GetProperty("result");
        Assert.True(result.GetProperty("isError").GetBoolean());
        var challenge = result.GetProperty("_meta").GetProperty("mcp/www_authenticate")[0].GetString()!;
        Assert.StartsWith($"Bearer resource_metadata=\"{MetadataUrl}\"", challenge);
        Assert.Contains("error=\"insufficient_scope\"", challenge);
        Assert.Contains("scope=\"notes.read notes\"", challenge);
    }

    [Fact]
    public async Task Every_tool_is_listed_with_the_server_wide_scope()
    {
        var response = await _app.Mcp().PostAsync("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""",
            r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token("notes")));
        var tools = (await McpHttp.ReadMessageAsync(response)).GetProperty("result").GetProperty("tools").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("securitySchemes")[0].GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!).ToArray());
        Assert.Equal(["notes"], tools["whoami"]);
        Assert.Equal(["notes.read", "notes"], tools["list_notes"]);
    }
}

/// <summary>Without sign-in configured at all, a tool's <see cref="ClaimsPrincipal"/> parameter is an anonymous caller.</summary>
public sealed class AnonymousCallerTests
{
    public sealed record Who(string Caller);

    public sealed class CallerTools
    {
        [McpServerTool(Name = "caller", ReadOnly = true, Destructive = false, OpenWorld = false)]
        [WidgetTool("ui://widget/caller.html")]
        public static WidgetResult<Who> Caller(ClaimsPrincipal user) =>
            new(new Who(user.Identity?.IsAuthenticated == true ? "signed in" : "anonymous"), "Who called.");
    }

    [Fact]
    public async Task A_widget_tool_gets_an_anonymous_principal_when_no_one_signed_in()
    {
        await using var app = await LoopbackApp.StartAsync(b => b.Services.AddMcpServer().WithHttpTransport(h => h.Stateless = true).WithInlay()
            .WithWidget("ui://widget/caller.html", WidgetHtmlSource.FromString("<p>caller</p>"))
            .WithWidgetTools<CallerTools>(), a => a.MapInlay());
        var result = await app.Mcp().CallToolAsync("caller", new { });
        Assert.False(result.TryGetProperty("isError", out var isError) && isError.GetBoolean(), result.ToString());
        Assert.Equal("anonymous", result.GetProperty("structuredContent").GetProperty("caller").GetString());
    }
}
