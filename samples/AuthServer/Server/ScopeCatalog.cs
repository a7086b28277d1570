using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AuthServer.Server;

/// <summary>The scopes this server knows, and how the consent page words them.</summary>
public sealed class ScopeCatalog
{
    private static readonly Dictionary<string, string> StandardDescriptions = new(StringComparer.Ordinal)
    {
        [Scopes.OpenId] = "Know who you are (your account's identifier)",
        [Scopes.Email] = "See your email address",
        [Scopes.Profile] = "See your name",
        [Scopes.OfflineAccess] = "Stay signed in when you are not using it (refresh tokens)",
    };

    public ScopeCatalog(AuthServerOptions options)
    {
        ApiScopes = options.Scopes.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToArray();
        All = [.. StandardDescriptions.Keys, .. ApiScopes.Where(s => !StandardDescriptions.ContainsKey(s))];
    }

    /// <summary>The configured API scopes (<c>AuthServer:Scopes</c>).</summary>
    public IReadOnlyList<string> ApiScopes { get; }

    /// <summary>Every scope a client may request: the OpenID Connect ones and the API ones.</summary>
    public IReadOnlyList<string> All { get; }

    /// <summary>A sentence a person can agree to.</summary>
    public static string Describe(string scope) =>
        StandardDescriptions.TryGetValue(scope, out var description) ? description : $"Use {scope} on your behalf";
}
