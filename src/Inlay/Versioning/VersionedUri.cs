namespace Inlay;

/// <summary>
/// The versioned form of a widget's template URI: the declared URI with a <c>v</c> query parameter holding the
/// widget's content version, <c>ui://widget/greeting.html?v=3f2a9c1b7e0d</c>. The declared URI stays a prefix, so logs
/// and hosts' UIs still show what the developer wrote, and a host that dropped the query would still read a URI that
/// answers.
/// </summary>
internal static class VersionedUri
{
    private const string Marker = "?v=";

    /// <summary>The number of characters in a version: 12 lowercase hex digits (48 bits of SHA-256).</summary>
    public const int VersionLength = 12;

    /// <summary><paramref name="uri"/> with <paramref name="version"/>, or <paramref name="uri"/> itself when there is no version.</summary>
    public static string Of(string uri, string? version) => version is null ? uri : string.Concat(uri, Marker, version);

    /// <summary>How a requested URI relates to the resource declared at <paramref name="declared"/>; allocates nothing.</summary>
    public static MatchKind Classify(string requested, string declared)
    {
        if (string.Equals(requested, declared, StringComparison.Ordinal)) return MatchKind.Declared;
        if (!requested.StartsWith(declared, StringComparison.Ordinal)
            || string.CompareOrdinal(requested, declared.Length, Marker, 0, Marker.Length) != 0)
            return MatchKind.Other;
        return IsWellFormed(requested.AsSpan(declared.Length + Marker.Length)) ? MatchKind.Versioned : MatchKind.Malformed;
    }

    /// <summary>What a requested URI asks of the resource declared at <paramref name="declared"/>, with the version it names.</summary>
    public static Match Parse(string requested, string declared)
    {
        var kind = Classify(requested, declared);
        return kind is MatchKind.Versioned or MatchKind.Malformed
            ? new(kind, requested[(declared.Length + Marker.Length)..])
            : new(kind, null);
    }

    /// <summary>Whether <paramref name="version"/> has the shape of a version Inlay writes.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> version)
    {
        if (version.Length != VersionLength) return false;
        foreach (var c in version)
        {
            if (!char.IsAsciiDigit(c) && c is < 'a' or > 'f') return false;
        }
        return true;
    }

    /// <summary>How a requested URI relates to a declared one.</summary>
    public enum MatchKind
    {
        /// <summary>Another resource.</summary>
        Other,

        /// <summary>The declared URI itself, without a version.</summary>
        Declared,

        /// <summary>The declared URI with a well-formed version.</summary>
        Versioned,

        /// <summary>The declared URI with a <c>?v=</c> that is not a version (or has more after it).</summary>
        Malformed,
    }

    /// <summary>The result of <see cref="Parse"/>.</summary>
    /// <param name="Kind">How the URIs relate.</param>
    /// <param name="Version">The version asked for, when the URI has one.</param>
    public readonly record struct Match(MatchKind Kind, string? Version);
}
