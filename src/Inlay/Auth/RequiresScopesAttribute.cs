namespace Inlay;

/// <summary>
/// Marks a tool (or every tool of a class) as needing an OAuth access token with these scopes. The tool is listed
/// with <c>securitySchemes</c> naming them; a call without a token that grants them gets an <c>isError</c> result
/// carrying a <c>WWW-Authenticate</c> challenge, which makes ChatGPT ask the user to sign in.
/// </summary>
/// <param name="scopes">The scopes the token must grant.</param>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public sealed class RequiresScopesAttribute(params string[] scopes) : Attribute
{
    /// <summary>The scopes the token must grant.</summary>
    public IReadOnlyList<string> Scopes { get; } = scopes;
}
