namespace AuthServer;

/// <summary>The <c>AuthServer</c> configuration section.</summary>
public sealed class AuthServerOptions
{
    public const string Section = "AuthServer";

    /// <summary>The issuer URL; when empty, the base URL of each request (fine on one host, wrong behind some proxies).</summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// The resource servers tokens may be issued for (RFC 8707 <c>resource</c> values), compared exactly. In Development,
    /// any http/https URL on a loopback host is accepted as well, so tests and the dev host can use dynamic ports.
    /// </summary>
    public List<string> Resources { get; set; } = [];

    /// <summary>The API scopes clients may ask for, besides openid, email, profile and offline_access.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>
    /// Browser origins whose pages may read the metadata, register, and use the token and revocation endpoints (a
    /// host page running the OAuth flow itself, such as a web MCP client). In Development any loopback origin may.
    /// </summary>
    public List<string> CorsOrigins { get; set; } = [];

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// Whether OpenIddict refuses plain-HTTP requests. Defaults to true outside Development; turn it off only behind a
    /// proxy that terminates TLS and forwards the scheme, or on loopback for tests.
    /// </summary>
    public bool? RequireHttps { get; set; }

    /// <summary>Where the signing and encryption keys live; relative paths are under the content root.</summary>
    public string KeysPath { get; set; } = "App_Data/keys";

    /// <summary>The SQLite file used when <c>ConnectionStrings:AuthServer</c> is empty; relative to the content root.</summary>
    public string SqlitePath { get; set; } = "App_Data/authserver.db";

    public ClientMetadataOptions ClientMetadata { get; set; } = new();
}

/// <summary>Limits on fetching Client ID Metadata Documents (a client_id that is an https URL).</summary>
public sealed class ClientMetadataOptions
{
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public int MaxDocumentBytes { get; set; } = 64 * 1024;

    /// <summary>How long a document is trusted when its response has no usable Cache-Control max-age.</summary>
    public TimeSpan DefaultCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest a document is trusted, whatever its max-age says.</summary>
    public TimeSpan MaxCacheDuration { get; set; } = TimeSpan.FromHours(24);
}
