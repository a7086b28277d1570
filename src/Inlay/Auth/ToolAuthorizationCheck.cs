using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>Start-up checks for protected tools: sign-in must be configured and every named policy registered.</summary>
internal static class ToolAuthorizationCheck
{
    public static async Task<IReadOnlyList<string>> FindProblemsAsync(IEnumerable<McpServerTool> tools, IServiceProvider services)
    {
        var problems = new List<string>();
        var catalog = services.GetRequiredService<ProtectedToolCatalog>();
        var schemes = services.GetService<IAuthenticationSchemeProvider>();
        var policies = services.GetService<IAuthorizationPolicyProvider>();
        foreach (var tool in tools)
        {
            var requirement = catalog.For(tool);
            if (!requirement.IsProtected) continue;
            var name = $"tool '{tool.ProtocolTool.Name}'";
            if (schemes is null || await schemes.GetDefaultAuthenticateSchemeAsync() is null)
                problems.Add($"{name}: it requires sign-in, but no default authentication scheme is configured (AddAuthentication(...).AddJwtBearer(...)).");
            foreach (var policy in requirement.Policies)
            {
                if (policies is null || await policies.GetPolicyAsync(policy) is null)
                    problems.Add($"{name}: the policy '{policy}' is not registered (AddAuthorization(o => o.AddPolicy(\"{policy}\", ...))).");
            }
        }
        return problems;
    }
}
