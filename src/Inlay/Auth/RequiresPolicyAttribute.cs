namespace Inlay;

/// <summary>
/// Marks a tool (or every tool of a class) as needing a signed-in caller who satisfies an ASP.NET Core authorization
/// policy, registered with <c>AddAuthorization(o =&gt; o.AddPolicy(...))</c>. The tool stays listed for everyone with
/// <c>securitySchemes</c>; a caller who does not qualify gets an <c>isError</c> result with a sign-in challenge.
/// (ASP.NET Core's <c>[Authorize]</c> instead hides the tool through the MCP SDK's own authorization filters.)
/// </summary>
/// <param name="policy">The policy name.</param>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public sealed class RequiresPolicyAttribute(string policy) : Attribute
{
    /// <summary>The policy name.</summary>
    public string Policy { get; } = policy;
}
