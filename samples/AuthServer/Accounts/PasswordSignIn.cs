using AuthServer.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AuthServer.Accounts;

/// <summary>Checks an email and password against the users table.</summary>
public sealed class PasswordSignIn(AuthServerDbContext database)
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    /// <summary>The user, or null when the email is unknown or the password wrong (the caller cannot tell which).</summary>
    public async Task<UserAccount?> CheckAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)) return null;
        var normalized = email.Trim().ToLowerInvariant();
        var user = await database.Users.SingleOrDefaultAsync(u => u.Email == normalized, cancellationToken);
        if (user is null)
        {
            // Hash anyway so an unknown email takes as long as a wrong password.
            Hasher.VerifyHashedPassword(new UserAccount { Email = "", DisplayName = "", PasswordHash = "" }, DummyHash, password);
            return null;
        }
        return Hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user;
    }

    private static readonly string DummyHash = Hasher.HashPassword(new UserAccount { Email = "", DisplayName = "", PasswordHash = "" }, Guid.NewGuid().ToString());
}
