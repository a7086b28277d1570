using Inlay;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore.Authentication;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Makes an ASP.NET Core authentication setup guard Inlay's MCP endpoint the way MCP hosts expect.</summary>
public static class InlayAuthenticationBuilderExtensions
{
    /// <summary>
    /// Makes the app an OAuth protected resource for MCP clients, on top of the JWT bearer scheme the app added
    /// (<c>AddJwtBearer(o => o.Authority = "https://auth.example.com")</c>):
    /// <list type="bullet">
    /// <item>serves the RFC 9728 protected-resource metadata at <c>/.well-known/oauth-protected-resource/{mcp path}</c>
    /// (the MCP SDK's <c>AddMcp</c>), naming the bearer scheme's authority and the scopes the tools require unless
    /// <paramref name="configure"/> sets them;</item>
    /// <item>when the bearer scheme names no audience, accepts only tokens whose audience is the MCP endpoint's public
    /// URL (the RFC 8707 <c>resource</c> MCP clients ask for);</item>
    /// <item>answers an MCP request without a valid token with 401 and <c>WWW-Authenticate: Bearer
    /// resource_metadata="…", error="…", scope="…"</c>;</item>
    /// <item>remembers tokens it validated (up to 10,000, five minutes at most, never past their expiry), so repeated
    /// calls with the same token skip the signature check.</item>
    /// </list>
    /// The bearer scheme becomes the default for authenticating and challenging when the app set no default. Call
    /// <c>RequireAuthorization()</c> on <c>MapInlay</c> to require sign-in for the whole endpoint, or mark tools with
    /// <see cref="RequiresScopesAttribute"/> to keep others public.
    /// </summary>
    /// <param name="builder">The app's authentication builder.</param>
    /// <param name="configure">Sets the protected-resource metadata (resource name, documentation, explicit values).</param>
    /// <param name="bearerScheme">The JWT bearer scheme that validates tokens; <c>Bearer</c> by default.</param>
    public static AuthenticationBuilder AddInlayResourceServer(this AuthenticationBuilder builder,
        Action<McpAuthenticationOptions>? configure = null, string bearerScheme = JwtBearerDefaults.AuthenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(bearerScheme);
        builder.AddMcp(configure);
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddSingleton<ValidatedTokens>();
        builder.Services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>>(services => new McpJwtBearerSetup(bearerScheme, services));
        builder.Services.AddSingleton<IPostConfigureOptions<McpAuthenticationOptions>>(services => new McpResourceMetadataSetup(bearerScheme, services));
        builder.Services.PostConfigure<AuthenticationOptions>(options =>
        {
            options.DefaultAuthenticateScheme ??= options.DefaultScheme ?? bearerScheme;
            options.DefaultChallengeScheme ??= options.DefaultScheme ?? bearerScheme;
        });
        return builder;
    }

    /// <summary>
    /// Requires an access token granting <paramref name="scopes"/> for every tool of this server, besides what each
    /// tool's own <see cref="RequiresScopesAttribute"/> asks (tools marked <c>[AllowAnonymous]</c> stay public). A
    /// call without them gets the <c>mcp/www_authenticate</c> result that makes the host ask the person to sign in.
    /// </summary>
    /// <param name="builder">The MCP server builder.</param>
    /// <param name="scopes">The scopes every tool needs, such as <c>board</c>.</param>
    public static IMcpServerBuilder RequireToolScopes(this IMcpServerBuilder builder, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(scopes);
        builder.Services.AddSingleton(new ServerToolScopes([.. scopes]));
        return builder;
    }
}
