using AuthServer;
using AuthServer.Accounts;
using AuthServer.MetadataDocuments;
using AuthServer.Clients;
using AuthServer.Data;
using AuthServer.Endpoints;
using AuthServer.Keys;
using AuthServer.Server;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using static OpenIddict.Abstractions.OpenIddictConstants;

// The switch is taken out before configuration reads the command line, which would pair it with the next argument.
const string RotateSigningKey = "--rotate-signing-key";
var builder = WebApplication.CreateBuilder(args.Where(a => a != RotateSigningKey).ToArray());
var settings = builder.Configuration.GetSection(AuthServerOptions.Section).Get<AuthServerOptions>() ?? new AuthServerOptions();
var keys = new KeyFolder(Path.GetFullPath(settings.KeysPath, builder.Environment.ContentRootPath));

// `dotnet run -- --rotate-signing-key` adds a signing key and exits; see the README.
if (args.Contains(RotateSigningKey))
{
    Console.WriteLine($"New signing key: {keys.AddSigningKey()}. It signs from the next start; the older keys stay in the JWKS until removed.");
    return;
}

builder.Services.AddSingleton(settings);
builder.Services.AddSingleton(TimeProvider.System);
var scopes = new ScopeCatalog(settings);
builder.Services.AddSingleton(scopes);
builder.Services.AddSingleton<ResourcePolicy>();
builder.Services.AddSingleton<ClientMetadataParser>();
builder.Services.AddSingleton<PublicClientApplication>();
builder.Services.AddSingleton<MetadataDocumentFetcher>();
builder.Services.AddSingleton<ClientMetadataDocuments>();
builder.Services.AddScoped<PasswordSignIn>();
builder.Services.AddDbContext<AuthServerDbContext>(options =>
    DatabaseProvider.Configure(options, builder.Configuration, builder.Environment, settings));

builder.Services.AddDataProtection().SetApplicationName("Inlay.AuthServer").PersistKeysToFileSystem(keys.DataProtectionFolder());
builder.Services.AddRazorPages();
builder.Services.AddCors(cors => BrowserClients.AddPolicy(cors, settings, builder.Environment));
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        options.Cookie.Name = "authserver.session";
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.LoginPath = "/account/login";
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
    });

builder.Services.AddOpenIddict()
    .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<AuthServerDbContext>())
    .AddServer(server =>
    {
        server.SetAuthorizationEndpointUris("connect/authorize")
            .SetTokenEndpointUris(TokenEndpoint.Path.TrimStart('/'))
            .SetRevocationEndpointUris("connect/revoke")
            .SetJsonWebKeySetEndpointUris(".well-known/jwks")
            // RFC 8414 clients look under oauth-authorization-server, OpenID Connect ones under openid-configuration.
            .SetConfigurationEndpointUris(".well-known/openid-configuration", ".well-known/oauth-authorization-server");
        if (!string.IsNullOrWhiteSpace(settings.Issuer)) server.SetIssuer(new Uri(settings.Issuer));

        server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().RequireProofKeyForCodeExchange();
        // S256 only: the plain method protects nothing once the authorization request is seen.
        server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));

        server.RegisterScopes([.. scopes.All]);
        // ResourcePolicy decides which resources are acceptable (it knows Development's loopback rule).
        server.DisableResourceValidation().IgnoreResourcePermissions();
        server.AddEventHandler(ResourceValidation.OnAuthorizationRequest.Descriptor)
            .AddEventHandler(ResourceValidation.OnTokenRequest.Descriptor)
            .AddEventHandler(ClientMetadataDocumentHandler.Descriptor)
            .AddEventHandler(DiscoveryMetadata.Descriptor);

        server.SetAccessTokenLifetime(settings.AccessTokenLifetime)
            .SetRefreshTokenLifetime(settings.RefreshTokenLifetime)
            // Rolling refresh tokens: each refresh returns a new one, and presenting a used one again is refused.
            .SetRefreshTokenReuseLeeway(TimeSpan.Zero);

        foreach (var key in keys.LoadSigningKeys()) server.AddSigningKey(key);
        server.AddEncryptionKey(keys.LoadEncryptionKey());
        // Resource servers read access tokens as plain signed JWTs; only OpenIddict's own tokens stay encrypted.
        server.DisableAccessTokenEncryption();

        var aspNetCore = server.UseAspNetCore()
            .EnableAuthorizationEndpointPassthrough()
            .EnableTokenEndpointPassthrough();
        if (!(settings.RequireHttps ?? !builder.Environment.IsDevelopment())) aspNetCore.DisableTransportSecurityRequirement();
    });

var app = builder.Build();
await DatabaseSetup.RunAsync(app.Services);

// Before authentication: OpenIddict answers discovery, keys and revocation from there, and those answers need the headers.
app.UseWhen(BrowserClients.AppliesTo, browser => browser.UseCors(BrowserClients.Policy));
app.UseAuthentication();
app.UseAuthorization();
app.MapRazorPages();
TokenEndpoint.Map(app);
RegistrationEndpoint.Map(app);
app.Run();

/// <summary>The AuthServer sample; public so tests can start it.</summary>
public partial class Program;
