using System.Security.Claims;
using AuthServer.Data;
using AuthServer.Server;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AuthServer.Pages.Connect;

/// <summary>
/// The authorization endpoint, once OpenIddict has validated the request (client, redirect URI, PKCE, scopes,
/// resource): makes sure someone is signed in (the sign-in page again when prompt=login), then issues a code at once
/// when this user already allowed this client these scopes, or shows the consent page. Allow remembers the decision
/// as a permanent OpenIddict authorization; Deny sends access_denied to the client. The consent form posts back here
/// with the original request's parameters and an antiforgery token.
/// </summary>
public sealed class AuthorizeModel(
    AuthServerDbContext database,
    IOpenIddictApplicationManager applications,
    IOpenIddictAuthorizationManager authorizations) : PageModel
{
    public string ClientName { get; private set; } = "";

    /// <summary>Where the client's name comes from: a registered name is the client's own claim, a URL is checkable.</summary>
    public string ClientOrigin { get; private set; } = "";

    public string UserEmail { get; private set; } = "";

    public IReadOnlyList<string> ScopeDescriptions { get; private set; } = [];

    public IReadOnlyList<string> Resources { get; private set; } = [];

    /// <summary>The authorization request, carried through the consent form unchanged.</summary>
    public IReadOnlyList<(string Name, string Value)> RequestParameters { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => HandleAsync(decision: null);

    public Task<IActionResult> OnPostAsync([FromForm] string? decision) => HandleAsync(decision ?? "");

    private async Task<IActionResult> HandleAsync(string? decision)
    {
        var request = HttpContext.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await HttpContext.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);

        // prompt=login asks for the sign-in page even with a session (the dev host's "Switch user"). The sign-in page
        // returns here without that prompt value, or the request would never get past it.
        var mustSignIn = !session.Succeeded || (decision is null && request.HasPromptValue(PromptValues.Login));
        var user = mustSignIn ? null : await database.Users.FindAsync([session.Principal!.FindFirstValue(Claims.Subject)], HttpContext.RequestAborted);
        if (user is null)
        {
            if (request.HasPromptValue(PromptValues.None)) return Refuse(Errors.LoginRequired, "The user is not signed in.");
            return Challenge(new AuthenticationProperties { RedirectUri = ReturnUrlWithoutPromptLogin(request) },
                CookieAuthenticationDefaults.AuthenticationScheme);
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, HttpContext.RequestAborted)
            ?? throw new InvalidOperationException("OpenIddict validated a client that does not exist.");
        var applicationId = await applications.GetIdAsync(application, HttpContext.RequestAborted);
        var scopes = request.GetScopes();
        var remembered = await authorizations.FindAsync(user.Id, applicationId, Statuses.Valid, AuthorizationTypes.Permanent, scopes, HttpContext.RequestAborted)
            .ToListAsync();

        if (decision is not null && decision != "allow") return Refuse(Errors.AccessDenied, "The user denied the request.");
        if (decision is null && (remembered.Count == 0 || request.HasPromptValue(PromptValues.Consent)))
        {
            if (request.HasPromptValue(PromptValues.None)) return Refuse(Errors.ConsentRequired, "The user has not allowed this client yet.");
            ClientName = await applications.GetDisplayNameAsync(application, HttpContext.RequestAborted) ?? request.ClientId!;
            ClientOrigin = Uri.TryCreate(request.ClientId, UriKind.Absolute, out var clientUrl)
                ? $"This client is described at {clientUrl.AbsoluteUri}."
                : "This client registered itself; its name is its own claim.";
            UserEmail = user.Email;
            ScopeDescriptions = scopes.Select(ScopeCatalog.Describe).ToArray();
            Resources = request.GetResources();
            RequestParameters = Flatten(request).Where(p => p.Name != "decision").ToArray();
            return Page();
        }

        var identity = UserIdentity.Create(user, scopes);
        identity.SetResources(request.GetResources());
        var authorization = remembered.LastOrDefault()
            ?? await authorizations.CreateAsync(identity, user.Id, applicationId!, AuthorizationTypes.Permanent, scopes, HttpContext.RequestAborted);
        identity.SetAuthorizationId(await authorizations.GetIdAsync(authorization, HttpContext.RequestAborted));
        return SignIn(new ClaimsPrincipal(identity), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private string ReturnUrlWithoutPromptLogin(OpenIddictRequest request)
    {
        var parameters = Flatten(request)
            .Where(p => p.Name is not ("decision" or "__RequestVerificationToken"))
            .Select(p => p.Name == Parameters.Prompt
                ? (p.Name, string.Join(' ', p.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(v => v != PromptValues.Login)))
                : p)
            .Where(p => p.Name != Parameters.Prompt || p.Item2.Length > 0)
            .Select(p => new KeyValuePair<string, string?>(p.Name, p.Item2));
        return Request.PathBase + Request.Path + QueryString.Create(parameters);
    }

    // Parameters with several values (resource may repeat) become several pairs.
    private static IEnumerable<(string Name, string Value)> Flatten(OpenIddictRequest request)
    {
        foreach (var (name, parameter) in request.GetParameters())
        {
            if (name == "__RequestVerificationToken") continue;
            var values = (StringValues)parameter;
            foreach (var value in values)
            {
                if (value is not null) yield return (name, value);
            }
        }
    }

    private ForbidResult Refuse(string error, string description) =>
        Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
