// SignInFlow: a browserless OAuth 2.1 client for the AuthServer sample (samples/AuthServer), for tests.
//
// It does what a person and an MCP client do together, over plain HTTP: registers a public client by Dynamic Client
// Registration (or uses a given client_id), sends the authorization request with PKCE S256, state, resource and scope,
// fills in the sign-in page (Email, Password, antiforgery token, cookies), presses Allow on the consent page when it
// is shown, takes the code from the redirect to the redirect URI (which it never requests), and exchanges it at the
// token endpoint. Refresh and revocation are there too. Cookies persist per instance, so a second SignInAsync reuses
// the session like a browser would (use Prompt = "login" to sign in as someone else).
//
//     var flow = new SignInFlow(new Uri("http://127.0.0.1:5100/"));
//     var tokens = await flow.SignInAsync(new SignInRequest
//     {
//         Email = "alice@example.com", Password = "Pass123$", Resource = "http://127.0.0.1:5010/mcp", Scope = "openid board offline_access",
//     });
//     var refreshed = (await flow.RefreshAsync(tokens.ClientId, tokens.RefreshToken!)).EnsureSuccess();
//
// Self-contained (HttpClient, System.Text.Json and the BCL only) so other test projects can link this one file:
//     <Compile Include="../AuthServer.Tests/Support/SignInFlow.cs" Link="Support/SignInFlow.cs" />
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Inlay.AuthServerTesting;

/// <summary>A browserless sign-in against the AuthServer sample; see the top of this file.</summary>
public sealed partial class SignInFlow : IDisposable
{
    private const int MaxHops = 12;
    private readonly HttpClient _http;
    private readonly List<SignInExchange> _exchanges = [];

    /// <param name="authServer">The authorization server's base URL (its issuer), such as http://127.0.0.1:5100/.</param>
    /// <param name="handler">A handler to send through instead of a new one; it must not follow redirects itself.</param>
    public SignInFlow(Uri authServer, HttpMessageHandler? handler = null)
    {
        AuthServer = authServer;
        Cookies = new CookieContainer();
        handler ??= new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false };
        _http = new HttpClient(handler) { BaseAddress = authServer, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri AuthServer { get; }

    /// <summary>The authorization server's cookies (its sign-in session), kept here and sent by hand.</summary>
    public CookieContainer Cookies { get; }

    /// <summary>Every request made so far with its status, to check that none answered with a 5xx.</summary>
    public IReadOnlyList<SignInExchange> Exchanges
    {
        get { lock (_exchanges) return [.. _exchanges]; }
    }

    /// <summary>Registers a public client (RFC 7591) and returns its client_id.</summary>
    public async Task<string> RegisterClientAsync(string redirectUri = SignInRequest.DefaultRedirectUri, string clientName = "SignInFlow client",
        CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["redirect_uris"] = new JsonArray(redirectUri),
            ["client_name"] = clientName,
            ["grant_types"] = new JsonArray("authorization_code", "refresh_token"),
            ["response_types"] = new JsonArray("code"),
            ["token_endpoint_auth_method"] = "none",
        };
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "connect/register") { Content = JsonContent.Create(body) }, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created) throw new SignInException($"Registration answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["client_id"]!.GetValue<string>();
    }

    /// <summary>The whole flow: registration when no ClientId is given, authorization, code exchange. Throws when refused.</summary>
    public async Task<TokenResponse> SignInAsync(SignInRequest request, CancellationToken cancellationToken = default)
    {
        var outcome = await AuthorizeAsync(request, cancellationToken);
        if (outcome.Code is null) throw new SignInException($"The authorization request was refused: {outcome.Error} ({outcome.ErrorDescription})");
        return (await ExchangeCodeAsync(outcome, request.Resource, cancellationToken)).EnsureSuccess();
    }

    /// <summary>
    /// Runs the authorization request up to the redirect back to the client (registering a client first when the
    /// request has no ClientId). Refusals are returned, not thrown: an error redirect, or the server's own error page.
    /// </summary>
    public async Task<AuthorizationOutcome> AuthorizeAsync(SignInRequest request, CancellationToken cancellationToken = default)
    {
        var clientId = request.ClientId ?? await RegisterClientAsync(request.RedirectUri, cancellationToken: cancellationToken);
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var state = Base64Url(RandomNumberGenerator.GetBytes(16));
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("response_type", "code"),
            new("client_id", clientId),
            new("redirect_uri", request.RedirectUri),
            new("scope", request.Scope),
            new("state", state),
        };
        switch (request.CodeChallengeMethod)
        {
            case "S256":
                parameters.Add(new("code_challenge", Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))));
                parameters.Add(new("code_challenge_method", "S256"));
                break;
            case "plain":
                parameters.Add(new("code_challenge", verifier));
                parameters.Add(new("code_challenge_method", "plain"));
                break;
        }
        if (request.Resource is not null) parameters.Add(new("resource", request.Resource));
        if (request.Prompt is not null) parameters.Add(new("prompt", request.Prompt));
        foreach (var (name, value) in request.ExtraParameters) parameters.Add(new(name, value));

        var outcome = new AuthorizationOutcome { ClientId = clientId, CodeVerifier = verifier, RedirectUri = request.RedirectUri };
        var url = new Uri(AuthServer, "connect/authorize?" + FormEncode(parameters));
        using var first = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);
        var response = first;
        var postedCredentials = false;
        for (var hop = 0; hop < MaxHops; hop++)
        {
            var current = response.RequestMessage!.RequestUri!;
            if (IsRedirect(response.StatusCode))
            {
                var location = new Uri(current, response.Headers.Location!);
                if (IsRedirectUri(location.AbsoluteUri, request.RedirectUri))
                {
                    var query = ParseQuery(location.Query);
                    if (query.GetValueOrDefault("state") != state) throw new SignInException("The redirect carried the wrong state.");
                    return outcome with
                    {
                        Code = query.GetValueOrDefault("code"),
                        Issuer = query.GetValueOrDefault("iss"),
                        Error = query.GetValueOrDefault("error"),
                        ErrorDescription = query.GetValueOrDefault("error_description"),
                    };
                }
                if (location.GetLeftPart(UriPartial.Authority) != AuthServer.GetLeftPart(UriPartial.Authority))
                    throw new SignInException($"The server redirected to {location}, which is neither itself nor the redirect URI.");
                response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, location), cancellationToken);
                continue;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                // OpenIddict's own error page: "error:..." and "error_description:..." lines.
                var fields = body.Split('\n').Select(l => l.Split(':', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
                return outcome with
                {
                    ErrorPageStatus = (int)response.StatusCode,
                    Error = fields.GetValueOrDefault("error") ?? "http_" + (int)response.StatusCode,
                    ErrorDescription = fields.GetValueOrDefault("error_description") ?? body,
                };
            }

            var form = Form.Find(body) ?? throw new SignInException($"Page {current} has no form:\n{body}");
            if (form.Fields.ContainsKey("Password"))
            {
                outcome = outcome with { SawSignInPage = true };
                if (postedCredentials)
                    return outcome with { Error = "sign_in_failed", ErrorDescription = ErrorMessage().Match(body).Groups[1].Value.Trim() };
                postedCredentials = true;
                form.Fields["Email"] = request.Email;
                form.Fields["Password"] = request.Password;
            }
            else if (body.Contains("name=\"decision\"", StringComparison.Ordinal))
            {
                outcome = outcome with { SawConsentPage = true };
                form.Fields["decision"] = request.Consent ? "allow" : "deny";
            }
            else
            {
                throw new SignInException($"Page {current} is neither the sign-in nor the consent page:\n{body}");
            }
            var action = form.Action is null ? current : new Uri(current, WebUtility.HtmlDecode(form.Action));
            response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(form.Fields) }, cancellationToken);
        }
        throw new SignInException($"No redirect to the client after {MaxHops} steps.");
    }

    /// <summary>Exchanges the code of <paramref name="outcome"/> at the token endpoint.</summary>
    public Task<TokenResponse> ExchangeCodeAsync(AuthorizationOutcome outcome, string? resource, CancellationToken cancellationToken = default)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "authorization_code"),
            new("code", outcome.Code ?? throw new SignInException("The authorization gave no code.")),
            new("redirect_uri", outcome.RedirectUri),
            new("client_id", outcome.ClientId),
            new("code_verifier", outcome.CodeVerifier),
        };
        if (resource is not null) parameters.Add(new("resource", resource));
        return TokenRequestAsync(outcome.ClientId, parameters, cancellationToken);
    }

    /// <summary>Asks for new tokens with a refresh token (which, rotated, is then spent).</summary>
    public Task<TokenResponse> RefreshAsync(string clientId, string refreshToken, string? resource = null, CancellationToken cancellationToken = default)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "refresh_token"),
            new("refresh_token", refreshToken),
            new("client_id", clientId),
        };
        if (resource is not null) parameters.Add(new("resource", resource));
        return TokenRequestAsync(clientId, parameters, cancellationToken);
    }

    /// <summary>Revokes a token (RFC 7009); returns the HTTP status (200 when accepted, whatever the token was).</summary>
    public async Task<HttpStatusCode> RevokeAsync(string clientId, string token, CancellationToken cancellationToken = default)
    {
        var content = new FormUrlEncodedContent([new("token", token), new("client_id", clientId)]);
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "connect/revoke") { Content = content }, cancellationToken);
        return response.StatusCode;
    }

    private async Task<TokenResponse> TokenRequestAsync(string clientId, List<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "connect/token") { Content = new FormUrlEncodedContent(parameters) }, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonObject json;
        try
        {
            json = JsonNode.Parse(text) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            json = [];
        }
        string? Text(string name) => json[name] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
        return new TokenResponse
        {
            ClientId = clientId,
            StatusCode = (int)response.StatusCode,
            AccessToken = Text("access_token"),
            RefreshToken = Text("refresh_token"),
            IdToken = Text("id_token"),
            TokenType = Text("token_type"),
            Scope = Text("scope"),
            ExpiresIn = json["expires_in"] is JsonValue e && e.TryGetValue<long>(out var seconds) ? seconds : null,
            Error = Text("error"),
            ErrorDescription = Text("error_description"),
        };
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.IsAbsoluteUri ? request.RequestUri : new Uri(AuthServer, request.RequestUri);
        request.RequestUri = url;
        var cookieHeader = Cookies.GetCookieHeader(url);
        if (cookieHeader.Length > 0) request.Headers.Add("Cookie", cookieHeader);
        var response = await _http.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies) Cookies.SetCookies(url, setCookie);
        }
        lock (_exchanges) _exchanges.Add(new SignInExchange(request.Method.Method, url, (int)response.StatusCode));
        return response;
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    private static bool IsRedirectUri(string location, string redirectUri) =>
        location == redirectUri || location.StartsWith(redirectUri + "?", StringComparison.Ordinal) || location.StartsWith(redirectUri + "#", StringComparison.Ordinal);

    private static Dictionary<string, string> ParseQuery(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .GroupBy(pair => Uri.UnescapeDataString(pair[0].Replace('+', ' ')))
            .ToDictionary(g => g.Key, g => Uri.UnescapeDataString((g.First().ElementAtOrDefault(1) ?? "").Replace('+', ' ')));

    private static string FormEncode(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("""<p class="error"[^>]*>(.*?)</p>""", RegexOptions.Singleline)]
    private static partial Regex ErrorMessage();

    public void Dispose() => _http.Dispose();

    /// <summary>The first POST form of a page: its action and its fields (hidden inputs with their values).</summary>
    private sealed partial class Form
    {
        public string? Action { get; private init; }

        public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

        public static Form? Find(string html)
        {
            var match = FormElement().Match(html);
            if (!match.Success) return null;
            var form = new Form { Action = Attribute(match.Groups[1].Value, "action") };
            foreach (Match input in InputElement().Matches(match.Groups[2].Value))
            {
                var name = Attribute(input.Value, "name");
                if (name is null) continue;
                form.Fields[WebUtility.HtmlDecode(name)] = WebUtility.HtmlDecode(Attribute(input.Value, "value") ?? "");
            }
            return form;
        }

        private static string? Attribute(string tag, string name)
        {
            var match = Regex.Match(tag, "\\s" + name + "\\s*=\\s*\"([^\"]*)\"", RegexOptions.IgnoreCase);
            return match.Success ? match.Groups[1].Value : null;
        }

        [GeneratedRegex("""<form([^>]*)>(.*?)</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
        private static partial Regex FormElement();

        [GeneratedRegex("""<input\b[^>]*>""", RegexOptions.IgnoreCase)]
        private static partial Regex InputElement();
    }
}

/// <summary>What to ask for. Email, Password and Resource are what a person and an MCP client would give.</summary>
public sealed record SignInRequest
{
    /// <summary>A loopback URL nothing listens on: the flow reads the code from the redirect and never calls it.</summary>
    public const string DefaultRedirectUri = "http://127.0.0.1:9/callback";

    public required string Email { get; init; }

    public required string Password { get; init; }

    /// <summary>The resource server the token is for (RFC 8707), such as the MCP server's URL.</summary>
    public string? Resource { get; init; }

    public string Scope { get; init; } = "openid email profile offline_access";

    /// <summary>A client_id to use (registered, or a metadata document URL); null registers a new client.</summary>
    public string? ClientId { get; init; }

    public string RedirectUri { get; init; } = DefaultRedirectUri;

    /// <summary>S256 (default), plain, or null to send no code challenge at all.</summary>
    public string? CodeChallengeMethod { get; init; } = "S256";

    /// <summary>prompt: "login" shows the sign-in page despite a session, "consent" the consent page despite a grant.</summary>
    public string? Prompt { get; init; }

    /// <summary>Allow (true) or Deny (false) on the consent page, if it is shown.</summary>
    public bool Consent { get; init; } = true;

    public IReadOnlyDictionary<string, string> ExtraParameters { get; init; } = new Dictionary<string, string>();
}

/// <summary>How an authorization request ended: a code, or an error (redirected, or on the server's error page).</summary>
public sealed record AuthorizationOutcome
{
    public required string ClientId { get; init; }

    public required string CodeVerifier { get; init; }

    public required string RedirectUri { get; init; }

    public string? Code { get; init; }

    /// <summary>The iss parameter of the redirect (RFC 9207).</summary>
    public string? Issuer { get; init; }

    public string? Error { get; init; }

    public string? ErrorDescription { get; init; }

    /// <summary>Set when the server showed an error page instead of redirecting (its HTTP status).</summary>
    public int? ErrorPageStatus { get; init; }

    public bool SawSignInPage { get; init; }

    public bool SawConsentPage { get; init; }
}

/// <summary>A token endpoint answer: tokens, or error and error_description.</summary>
public sealed record TokenResponse
{
    public required string ClientId { get; init; }

    public int StatusCode { get; init; }

    public string? AccessToken { get; init; }

    public string? RefreshToken { get; init; }

    public string? IdToken { get; init; }

    public string? TokenType { get; init; }

    public long? ExpiresIn { get; init; }

    /// <summary>The granted scopes, space-separated.</summary>
    public string? Scope { get; init; }

    public string? Error { get; init; }

    public string? ErrorDescription { get; init; }

    public bool IsSuccess => StatusCode == 200 && AccessToken is not null;

    public TokenResponse EnsureSuccess() =>
        IsSuccess ? this : throw new SignInException($"The token endpoint answered {StatusCode}: {Error} ({ErrorDescription})");
}

/// <summary>One request the flow made, and the status it got.</summary>
public sealed record SignInExchange(string Method, Uri Url, int StatusCode);

public sealed class SignInException(string message) : Exception(message);
