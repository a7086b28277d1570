using System.Text.Json.Nodes;
using AuthServer.Tests.Support;

namespace AuthServer.Tests;

/// <summary>Keys live in the data folder: a restart signs with the same key, and old tokens stay valid.</summary>
public sealed class KeyPersistenceTests : IDisposable
{
    // Both runs listen on a new port; a fixed issuer lets tokens from the first be redeemed at the second.
    private static readonly Dictionary<string, string?> FixedIssuer = new() { ["AuthServer:Issuer"] = "http://auth.test/" };
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task The_signing_key_and_refresh_tokens_survive_a_restart()
    {
        string kid;
        Inlay.AuthServerTesting.TokenResponse tokens;
        using (var app = new AuthServerApp(_folder.Path, settings: FixedIssuer))
        {
            kid = await SingleKeyIdAsync(app);
            using var flow = new Inlay.AuthServerTesting.SignInFlow(app.BaseAddress);
            tokens = await flow.SignInAsync(new() { Email = "alice@example.com", Password = "Pass123$", Resource = DevelopmentServer.Resource });
        }

        var keyFiles = Directory.GetFiles(Path.Combine(_folder.Path, "keys"));
        Assert.Equal(2, keyFiles.Length);
        foreach (var file in keyFiles)
        {
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        using (var app = new AuthServerApp(_folder.Path, settings: FixedIssuer))
        {
            Assert.Equal(kid, await SingleKeyIdAsync(app));
            using var flow = new Inlay.AuthServerTesting.SignInFlow(app.BaseAddress);
            // The refresh token was encrypted with the persisted encryption key, so the restarted server can read it.
            var refreshed = (await flow.RefreshAsync(tokens.ClientId, tokens.RefreshToken!)).EnsureSuccess();
            var token = await AccessTokenValidator.ValidateAsync(app, refreshed.AccessToken!, DevelopmentServer.Resource);
            Assert.Equal(kid, token.Kid);
        }
    }

    [Fact]
    public async Task A_rotated_key_signs_while_the_old_one_stays_published()
    {
        string oldKid;
        using (var app = new AuthServerApp(_folder.Path, settings: FixedIssuer)) oldKid = await SingleKeyIdAsync(app);

        new AuthServer.Keys.KeyFolder(Path.Combine(_folder.Path, "keys")).AddSigningKey();

        using (var app = new AuthServerApp(_folder.Path, settings: FixedIssuer))
        {
            using var http = app.CreateHttpClient();
            var kids = JsonNode.Parse(await http.GetStringAsync(".well-known/jwks"))!["keys"]!.AsArray().Select(k => (string)k!["kid"]!).ToArray();
            Assert.Equal(2, kids.Length);
            Assert.Contains(oldKid, kids);

            using var flow = new Inlay.AuthServerTesting.SignInFlow(app.BaseAddress);
            var tokens = await flow.SignInAsync(new() { Email = "alice@example.com", Password = "Pass123$", Resource = DevelopmentServer.Resource });
            var token = await AccessTokenValidator.ValidateAsync(app, tokens.AccessToken!, DevelopmentServer.Resource);
            Assert.NotEqual(oldKid, token.Kid);
        }
    }

    private static async Task<string> SingleKeyIdAsync(AuthServerApp app)
    {
        using var http = app.CreateHttpClient();
        var keys = JsonNode.Parse(await http.GetStringAsync(".well-known/jwks"))!["keys"]!.AsArray();
        return (string)Assert.Single(keys)!["kid"]!;
    }

    public void Dispose() => _folder.Dispose();
}
