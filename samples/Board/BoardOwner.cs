using System.Security.Claims;

namespace Board;

/// <summary>
/// Whose tasks a call may see and change. With sign-in on, a person is their token's issuer and subject together
/// (a subject is unique only within its issuer); without it, everything belongs to the one local, anonymous owner.
/// </summary>
public sealed record BoardOwner
{
    private BoardOwner(string key) => Key = key;

    /// <summary>The one owner of a board without sign-in; tasks stored before sign-in existed belong to it.</summary>
    public static BoardOwner Local { get; } = new("");

    /// <summary>The stored owner column: empty for <see cref="Local"/>, otherwise issuer, a space, and subject.</summary>
    public string Key { get; }

    /// <summary>The caller: their issuer and subject when they signed in, <see cref="Local"/> otherwise.</summary>
    /// <exception cref="BoardException">A signed-in caller's token has no subject.</exception>
    public static BoardOwner From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return Local;
        var subject = user.FindFirst("sub") ?? user.FindFirst(ClaimTypes.NameIdentifier)
            ?? throw new BoardException("The access token names no subject (sub), so the board cannot tell whose tasks to show.");
        // The claim's Issuer is the token's validated iss; issuer and subject are both URL-safe or opaque strings
        // without spaces in practice, and the space keeps "a b" + "c" apart from "a" + "b c" when they are not.
        return new BoardOwner(subject.Issuer + " " + subject.Value);
    }
}
