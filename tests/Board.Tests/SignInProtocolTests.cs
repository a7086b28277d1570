using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inlay.Testing;

namespace Board.Tests;

/// <summary>
/// The Board with sign-in on, against the AuthServer sample's real tokens: what an MCP host sees, and every forged or
/// misused token refused with a 401 that says why (never a 5xx).
/// </summary>
public sealed class SignInProtocolTests(AuthServerFixture auth) : IClassFixture<AuthServerFixture>
{
    private McpHttp Mcp => auth.Board.Mcp;

    private string Origin => auth.Board.Mcp.BaseAddress.GetLeftPart(UriPartial.Authority);

    private async Task<HttpResponseMessage> PostAsync(string method, object? parameters, string? token)
    {
        var body = JsonSerializer.Serialize(new { jsonrpc = "2.0", id = 1, method, @params = parameters ?? new { } });
        var response = await Mcp.PostAsync(body, token is null ? null : r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token));
        Assert.True((int)response.StatusCode < 500, $"{method} answered {(int)response.StatusCode}");
        return response;
    }

    private async Task<JsonElement> CallAsync(string tool, object arguments, string token)
    {
        var response = await PostAsync("tools/call", new { name = tool, arguments }, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await McpHttp.ReadMessageAsync(response)).GetProperty("result");
    }

    private static string Challenge(HttpResponseMessage response) => string.Join(", ", response.Headers.WwwAuthenticate.Select(h => h.ToString()));

    private static string Text(JsonElement result) => result.GetProperty("content")[0].GetProperty("text").GetString()!;

    [Fact]
    public async Task Without_a_token_the_host_is_told_where_to_sign_in()
    {
        var response = await PostAsync("tools/list", null, null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Challenge(response);
        Assert.StartsWith($"Bearer resource_metadata=\"{Origin}/.well-known/oauth-protected-resource/mcp\"", challenge);
        Assert.Contains("scope=\"board\"", challenge);

        using var http = new HttpClient();
        var metadata = JsonNode.Parse(await http.GetStringAsync($"{Origin}/.well-known/oauth-protected-resource/mcp"))!;
        Assert.Equal(auth.Resource, (string?)metadata["resource"]);
        Assert.Equal(auth.AuthServer.BaseAddress.AbsoluteUri, (string?)metadata["authorization_servers"]![0]);
        Assert.Equal("board", (string?)metadata["scopes_supported"]![0]);
    }

    [Fact]
    public async Task A_signed_in_person_uses_the_board()
    {
        var alice = await auth.SignInAsync("alice@example.com");
        var added = await CallAsync("add_task", new { title = "Alice signs in" }, alice.AccessToken!);
        Assert.False(added.TryGetProperty("isError", out var isError) && isError.GetBoolean(), Text(added));
    }

    [Fact]
    public async Task Each_person_sees_only_their_own_tasks_and_another_persons_id_answers_like_an_unknown_one()
    {
        var alice = (await auth.SignInAsync("alice@example.com")).AccessToken!;
        var bob = (await auth.SignInAsync("bob@example.com")).AccessToken!;
        var task = (await CallAsync("add_task", new { title = "Only for Alice" }, alice)).GetProperty("structuredContent").GetProperty("task");
        var id = task.GetProperty("id").GetString()!;

        var bobsBoard = (await CallAsync("show_board", new { }, bob)).GetProperty("structuredContent").ToString();
        Assert.DoesNotContain(id, bobsBoard);
        Assert.DoesNotContain("Only for Alice", bobsBoard);

        const string unknown = "t_000000000000";
        foreach (var (tool, arguments, unknownArguments) in new (string, object, object)[]
        {
            ("move_task", new { id, column = "done" }, new { id = unknown, column = "done" }),
            ("complete_task", new { id }, new { id = unknown }),
            ("delete_task", new { id, expectedVersion = 1 }, new { id = unknown, expectedVersion = 1 }),
        })
        {
            var refused = await CallAsync(tool, arguments, bob);
            var unknownRefusal = await CallAsync(tool, unknownArguments, bob);
            Assert.True(refused.GetProperty("isError").GetBoolean());
            Assert.Equal(Text(unknownRefusal).Replace(unknown, "ID"), Text(refused).Replace(id, "ID"));
        }

        var alicesTask = (await CallAsync("show_board", new { }, alice)).GetProperty("structuredContent").GetProperty("columns")[0]
            .GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetString() == id);
        Assert.Equal((1, "todo"), (alicesTask.GetProperty("version").GetInt32(), alicesTask.GetProperty("column").GetString()));
    }

    [Fact]
    public async Task A_token_without_the_board_scope_gets_the_sign_in_result_hosts_act_on()
    {
        var token = (await auth.SignInAsync("alice@example.com", scope: "openid email")).AccessToken!;
        var result = await CallAsync("show_board", new { }, token);
        Assert.True(result.GetProperty("isError").GetBoolean());
        var challenge = result.GetProperty("_meta").GetProperty("mcp/www_authenticate")[0].GetString()!;
        Assert.StartsWith($"Bearer resource_metadata=\"{Origin}/.well-known/oauth-protected-resource/mcp\"", challenge);
        Assert.Contains("error=\"insufficient_scope\"", challenge);
        Assert.Contains("scope=\"board\"", challenge);
        Assert.False(result.TryGetProperty("structuredContent", out _));
    }

    [Fact]
    public async Task A_token_issued_for_another_resource_is_refused()
    {
        var token = (await auth.SignInAsync("alice@example.com", resource: "http://127.0.0.1:9/other-mcp")).AccessToken!;
        var response = await PostAsync("tools/call", new { name = "show_board", arguments = new { } }, token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", Challenge(response));
        Assert.Contains("issued for another resource", Challenge(response));
    }

    [Fact]
    public async Task An_expired_token_is_refused_and_says_so()
    {
        var token = (await auth.SignInAsync("alice@example.com")).AccessToken!;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("tools/list", null, token)).StatusCode);
        await Task.Delay(AuthServerFixture.AccessTokenLifetime + TimeSpan.FromSeconds(1));
        var response = await PostAsync("tools/list", null, token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("has expired", Challenge(response));
    }

    [Fact]
    public async Task Forged_tokens_are_refused()
    {
        var token = (await auth.SignInAsync("alice@example.com")).AccessToken!;
        var parts = token.Split('.');
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!.AsObject();

        // The signature of another payload: bob's subject pasted into alice's token.
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload["sub"] = "someone-else";
        var tampered = $"{parts[0]}.{Encode(payload)}.{parts[2]}";

        // alg none, no signature.
        var none = $"{Encode(new JsonObject { ["alg"] = "none", ["typ"] = header["typ"]?.GetValue<string>() })}.{parts[1]}.";

        // HS256 keyed with the server's public key: the classic algorithm confusion.
        using var http = new HttpClient();
        var jwks = JsonNode.Parse(await http.GetStringAsync(new Uri(auth.AuthServer.BaseAddress, ".well-known/jwks")))!["keys"]![0]!;
        var hsHeader = Encode(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = (string?)jwks["kid"] });
        var publicKey = Encoding.UTF8.GetBytes(jwks.ToJsonString());
        var hsSignature = Base64Url.EncodeToString(HMACSHA256.HashData(publicKey, Encoding.ASCII.GetBytes($"{hsHeader}.{parts[1]}")));
        var confused = $"{hsHeader}.{parts[1]}.{hsSignature}";

        foreach (var (forged, reason) in new[] { (tampered, "signature is not valid"), (none, "not valid"), (confused, "not valid"), ("not.a.jwt", "not valid") })
        {
            var response = await PostAsync("tools/call", new { name = "show_board", arguments = new { } }, forged);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var challenge = Challenge(response);
            Assert.Contains("error=\"invalid_token\"", challenge);
            Assert.Contains(reason, challenge);
            Assert.DoesNotContain(forged, await response.Content.ReadAsStringAsync());
        }
    }

    private static string Encode(JsonNode json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
