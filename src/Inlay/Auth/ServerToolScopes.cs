namespace Inlay;

/// <summary>Scopes every tool of the server requires, besides its own (<c>RequireToolScopes</c>).</summary>
internal sealed class ServerToolScopes(IReadOnlyList<string> scopes)
{
    public IReadOnlyList<string> Scopes { get; } = scopes;
}
