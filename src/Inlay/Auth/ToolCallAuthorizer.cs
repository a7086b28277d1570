using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>
/// Checks a protected tool's call against the caller's token. A refusal is a tool result, not an HTTP error, so
/// public and protected tools share one endpoint: ChatGPT reads <c>_meta["mcp/www_authenticate"]</c> and starts sign-in.
/// </summary>
internal static class ToolCallAuthorizer
{
    /// <summary>The refusal to return, or <see langword="null"/> when the caller may run the tool.</summary>
    public static async ValueTask<CallToolResult?> CheckAsync(RequestContext<CallToolRequestParams> request, McpServerTool tool, ToolAuthorization requirement, PublicUrlResolver publicUrl)
    {
        if (!requirement.IsProtected) return null;

        var user = request.User ?? new ClaimsPrincipal(new ClaimsIdentity());
        var toolName = tool.ProtocolTool.Name;
        if (user.Identity?.IsAuthenticated != true)
            return Refusal(request, publicUrl, requirement, "invalid_token", $"Sign in to use {toolName}.");

        var missing = requirement.Scopes.Where(scope => !GrantedScopes(user).Contains(scope)).ToArray();
        if (missing.Length > 0)
            return Refusal(request, publicUrl, requirement, "insufficient_scope", $"{toolName} needs the scope {string.Join(", ", missing)}; sign in again to grant it.");

        if (requirement.Policies.Count > 0)
        {
            var authorization = request.Services?.GetService<IAuthorizationService>()
                ?? throw new InvalidOperationException($"Tool '{toolName}' requires a policy, but no authorization services are registered: call AddAuthorization().");
            foreach (var policy in requirement.Policies)
            {
                var result = await authorization.AuthorizeAsync(user, tool, policy);
                if (!result.Succeeded)
                    return Refusal(request, publicUrl, requirement, "insufficient_scope", $"You are signed in but not allowed to use {toolName}.");
            }
        }
        return null;
    }

    /// <summary>The scopes a token grants: space-separated <c>scope</c> (RFC 8693) or <c>scp</c> claims.</summary>
    private static HashSet<string> GrantedScopes(ClaimsPrincipal user) =>
        user.FindAll(c => c.Type is "scope" or "scp" or "http://schemas.microsoft.com/identity/claims/scope")
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);

    private static CallToolResult Refusal(RequestContext<CallToolRequestParams> request, PublicUrlResolver publicUrl, ToolAuthorization requirement, string error, string message)
    {
        var http = request.Services?.GetService<IHttpContextAccessor>()?.HttpContext;
        var challenge = McpBearerChallenge.Format(McpResourceUrls.MetadataUrl(publicUrl, http), error, message, requirement.Scopes);
        return new CallToolResult
        {
            IsError = true,
            Content = [new TextContentBlock { Text = message }],
            Meta = new() { ["mcp/www_authenticate"] = new System.Text.Json.Nodes.JsonArray((System.Text.Json.Nodes.JsonNode)challenge) },
        };
    }
}
