namespace AuthServer.Tests.Support;

/// <summary>
/// One AuthServer in Development (seeded users, loopback resources accepted) per test class, with short token
/// lifetimes and a one-second metadata fetch limit, in its own temporary folder.
/// </summary>
public sealed class DevelopmentServer : IDisposable
{
    public const string AccessTokenLifetimeSeconds = "20";

    private readonly TempFolder _folder = new();

    public DevelopmentServer()
    {
        App = new AuthServerApp(_folder.Path, "Development", new Dictionary<string, string?>
        {
            ["AuthServer:AccessTokenLifetime"] = "00:00:" + AccessTokenLifetimeSeconds,
            ["AuthServer:RefreshTokenLifetime"] = "00:10:00",
            ["AuthServer:ClientMetadata:FetchTimeout"] = "00:00:03",
        });
    }

    public AuthServerApp App { get; }

    /// <summary>A loopback resource server URL, accepted in Development (nothing needs to listen there).</summary>
    public static string Resource => "http://127.0.0.1:5010/mcp";

    public void Dispose()
    {
        App.Dispose();
        _folder.Dispose();
    }
}
