namespace AuthServer.Data;

/// <summary>A person who can sign in. <see cref="Id"/> never changes and is the tokens' <c>sub</c>.</summary>
public sealed class UserAccount
{
    public string Id { get; set; } = Guid.NewGuid().ToString();

    /// <summary>Stored lower-case, so lookups need no case-insensitive collation (SQLite and PostgreSQL differ there).</summary>
    public required string Email { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>An ASP.NET Core Identity <c>PasswordHasher</c> hash.</summary>
    public required string PasswordHash { get; set; }
}
