using Inlay.AuthServerTesting;
using Inlay.BrowserTests;

namespace Board.Tests;

/// <summary>
/// The AuthServer sample as its own process (Development: alice and bob exist), with its data in a folder of its own
/// that is deleted afterwards, and a Board on Kestrel that trusts it.
/// </summary>
public sealed class AuthServerFixture : IAsyncLifetime
{
    /// <summary>Short enough for a test to wait it out, long enough for a sign-in and a few calls on a busy machine.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(12);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "board-signin-" + Guid.NewGuid().ToString("N"));

    public SampleServer AuthServer { get; private set; } = null!;

    public BoardApp Board { get; private set; } = null!;

    /// <summary>The Board's MCP endpoint as hosts name it: the resource tokens are asked for.</summary>
    public string Resource => Board.Mcp.BaseAddress.GetLeftPart(UriPartial.Authority) + "/mcp";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        AuthServer = await SampleServer.StartAsync("AuthServer", new Dictionary<string, string>
        {
            ["AuthServer__SqlitePath"] = Path.Combine(_folder, "authserver.db"),
            ["AuthServer__KeysPath"] = Path.Combine(_folder, "keys"),
            ["AuthServer__AccessTokenLifetime"] = AccessTokenLifetime.ToString(),
        });
        Board = new BoardApp(new()
        {
            ["Board:SqlitePath"] = Path.Combine(_folder, "board.db"),
            ["ConnectionStrings:Board"] = "",
            ["Auth:Authority"] = AuthServer.BaseAddress.AbsoluteUri.TrimEnd('/'),
            ["Auth:ClockSkew"] = "00:00:00",
        });
    }

    /// <summary>Signs <paramref name="email"/> in through the real pages and returns the token response.</summary>
    public async Task<TokenResponse> SignInAsync(string email, string scope = "openid email offline_access board", string? resource = null)
    {
        using var flow = new SignInFlow(AuthServer.BaseAddress);
        var tokens = await flow.SignInAsync(new SignInRequest { Email = email, Password = "Pass123$", Resource = resource ?? Resource, Scope = scope });
        Assert.DoesNotContain(flow.Exchanges, e => e.StatusCode >= 500);
        return tokens.EnsureSuccess();
    }

    public async Task DisposeAsync()
    {
        await Board.DisposeAsync();
        await AuthServer.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
