using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inlay;

/// <summary>
/// What a JWT bearer scheme needs to guard an MCP endpoint, added after the app configured it:
/// <list type="bullet">
/// <item>when the app set no audience, a token must be for this MCP endpoint's resource URL (RFC 8707), so a token
/// the same authorization server issued for another API is refused;</item>
/// <item>a 401 on an MCP endpoint carries the challenge MCP clients start sign-in from: the resource metadata URL,
/// the error, and the scopes the tools need; its body is a JSON-RPC error;</item>
/// <item>a token already found valid is remembered (<see cref="ValidatedTokenCache"/>), so tool after tool with the
/// same token does not verify its signature again.</item>
/// </list>
/// </summary>
internal sealed class McpJwtBearerSetup(string schemeName, IServiceProvider services) : IPostConfigureOptions<JwtBearerOptions>
{
    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        if (!string.Equals(name, schemeName, StringComparison.Ordinal)) return;

        var parameters = options.TokenValidationParameters;
        var audienceConfigured = !string.IsNullOrEmpty(options.Audience) || !string.IsNullOrEmpty(parameters.ValidAudience)
            || parameters.ValidAudiences?.Any() == true || parameters.AudienceValidator is not null;
        if (!audienceConfigured && parameters.ValidateAudience)
            parameters.AudienceValidator = (audiences, _, _) => IsForThisResource(audiences);

        for (var i = 0; i < options.TokenHandlers.Count; i++)
        {
            if (options.TokenHandlers[i] is not ValidatedTokenCache)
                options.TokenHandlers[i] = new ValidatedTokenCache(options.TokenHandlers[i], services.GetRequiredService<IHttpContextAccessor>(),
                    services.GetRequiredService<ValidatedTokens>().Cache, services.GetService<TimeProvider>() ?? TimeProvider.System);
        }

        options.Events ??= new JwtBearerEvents();
        var appChallenge = options.Events.OnChallenge;
        options.Events.OnChallenge = async context =>
        {
            await appChallenge(context);
            if (context.Handled || !IsMcpRequest(context.HttpContext)) return;
            context.HandleResponse();
            await WriteChallengeAsync(context);
        };
    }

    private bool IsForThisResource(IEnumerable<string> audiences)
    {
        var http = services.GetRequiredService<IHttpContextAccessor>().HttpContext;
        if (http is null) return false;
        var expected = McpResourceUrls.ExpectedResources(services.GetRequiredService<PublicUrlResolver>(), services.GetRequiredService<InlayEndpointRegistry>(), http).ToArray();
        return audiences.Any(audience => expected.Any(resource => McpResourceUrls.Matches(audience, resource)));
    }

    private bool IsMcpRequest(HttpContext http) =>
        McpResourceUrls.IsMcpPath(services.GetRequiredService<InlayEndpointRegistry>(), http.Request.Path.Value ?? "");

    private async Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        var http = context.HttpContext;
        var tokenSent = context.AuthenticateFailure is not null;
        var description = tokenSent ? McpBearerChallenge.Describe(context.AuthenticateFailure) : null;
        var scopes = services.GetRequiredService<ProtectedToolCatalog>().AllScopes;
        var metadataUrl = McpResourceUrls.MetadataUrl(services.GetRequiredService<PublicUrlResolver>(), http);
        http.Response.Headers.WWWAuthenticate = McpBearerChallenge.Format(metadataUrl, tokenSent ? "invalid_token" : null, description, scopes);
        await JsonRpcErrorResponse.WriteAsync(http, StatusCodes.Status401Unauthorized, JsonRpcErrorResponse.ServerError,
            description is null ? "Unauthorized: this MCP server needs an access token; sign in to continue." : "Unauthorized: " + description);
    }
}
