using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>
/// What a tool requires of the caller, read once from its attributes: <see cref="RequiresScopesAttribute"/>,
/// <see cref="RequiresPolicyAttribute"/>, and ASP.NET Core's <c>[AllowAnonymous]</c>, which wins.
/// </summary>
internal sealed class ToolAuthorization
{
    private static readonly ConditionalWeakTable<McpServerTool, ToolAuthorization> Cache = new();

    private ToolAuthorization(IReadOnlyList<string> policies, IReadOnlyList<string> scopes)
    {
        Policies = policies;
        Scopes = scopes;
    }

    /// <summary>A tool anyone may call.</summary>
    public static ToolAuthorization Public { get; } = new([], []);

    private static ToolAuthorization AllowAnonymous { get; } = new([], []) { Explicit = true };

    public IReadOnlyList<string> Policies { get; }

    public IReadOnlyList<string> Scopes { get; }

    public bool IsProtected => Policies.Count > 0 || Scopes.Count > 0;

    public static ToolAuthorization For(McpServerTool tool) => Cache.GetValue(tool, static t => Read(t.Metadata));

    /// <summary>This requirement with <paramref name="scopes"/> added; a public tool (<c>[AllowAnonymous]</c>) stays public.</summary>
    public ToolAuthorization WithScopes(IReadOnlyList<string> scopes)
    {
        if (scopes.Count == 0 || Explicit) return this;
        var merged = Scopes.Concat(scopes).Distinct(StringComparer.Ordinal).ToArray();
        return merged.Length == Scopes.Count ? this : new ToolAuthorization(Policies, merged);
    }

    /// <summary>Whether the tool said it is public (<c>[AllowAnonymous]</c>) rather than saying nothing.</summary>
    private bool Explicit { get; init; }

    private static ToolAuthorization Read(IReadOnlyList<object> metadata)
    {
        if (metadata.OfType<IAllowAnonymous>().Any()) return AllowAnonymous;
        var policies = metadata.OfType<RequiresPolicyAttribute>().Select(a => a.Policy).Distinct(StringComparer.Ordinal).ToArray();
        var scopes = metadata.OfType<RequiresScopesAttribute>().SelectMany(a => a.Scopes).Distinct(StringComparer.Ordinal).ToArray();
        return policies.Length == 0 && scopes.Length == 0 ? Public : new ToolAuthorization(policies, scopes);
    }

    /// <summary>The <c>securitySchemes</c> ChatGPT reads: oauth2 with the scopes, or noauth.</summary>
    public JsonArray SecuritySchemes()
    {
        // JsonArray's constructor, not a collection expression: that binds to the generic Add<T>, which Native AOT rejects.
        if (!IsProtected) return new JsonArray(new JsonObject { ["type"] = "noauth" });
        var scopes = new JsonArray();
        foreach (var scope in Scopes) scopes.Add((JsonNode)scope);
        return new JsonArray(new JsonObject { ["type"] = "oauth2", ["scopes"] = scopes });
    }
}
