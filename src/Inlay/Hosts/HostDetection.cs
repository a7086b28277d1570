using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace Inlay;

/// <summary>
/// Finds which host sent a request from what it says about itself (<see cref="HostIdentification"/>): the client
/// name from <c>initialize</c> when the server has it (a stateful session, or per request from MCP 2026-07-28 on),
/// else the HTTP <c>User-Agent</c>, else host-specific request <c>_meta</c> keys. In stateless mode with older clients
/// each request stands alone, so the user agent is what usually decides. A hint, never authentication.
/// </summary>
internal static class HostDetection
{
    /// <summary>
    /// The targeted host that sent the request, or <see cref="HostProfiles.McpApps"/> when none matches. Allocates only
    /// when it has to look through the request's <c>_meta</c> keys.
    /// </summary>
    /// <param name="clientInfoName">The client's <c>clientInfo.name</c>, when known.</param>
    /// <param name="userAgent">The request's <c>User-Agent</c> header.</param>
    /// <param name="requestMeta">The request's <c>_meta</c>.</param>
    /// <param name="candidates">The targeted hosts.</param>
    public static HostProfile Detect(string? clientInfoName, StringValues userAgent, JsonObject? requestMeta, IReadOnlyList<HostProfile> candidates)
    {
        if (clientInfoName is not null)
        {
            for (var i = 0; i < candidates.Count; i++)
            {
                if (Contains(candidates[i].Identification.ClientInfoNames, clientInfoName)) return candidates[i];
            }
        }
        for (var v = 0; v < userAgent.Count; v++)
        {
            var agent = userAgent[v];
            if (string.IsNullOrEmpty(agent)) continue;
            for (var i = 0; i < candidates.Count; i++)
            {
                if (AnyIn(agent, candidates[i].Identification.UserAgentTokens)) return candidates[i];
            }
        }
        if (requestMeta is not null && requestMeta.Count > 0)
        {
            for (var i = 0; i < candidates.Count; i++)
            {
                if (HasKeyWithPrefix(requestMeta, candidates[i].Identification.RequestMetaPrefixes)) return candidates[i];
            }
        }
        return HostProfiles.McpApps;
    }

    private static bool Contains(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static bool AnyIn(string text, IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (text.Contains(tokens[i], StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static bool HasKeyWithPrefix(JsonObject meta, IReadOnlyList<string> prefixes)
    {
        if (prefixes.Count == 0) return false;
        foreach (var (key, _) in meta)
        {
            for (var i = 0; i < prefixes.Count; i++)
            {
                if (key.StartsWith(prefixes[i], StringComparison.Ordinal)) return true;
            }
        }
        return false;
    }
}
