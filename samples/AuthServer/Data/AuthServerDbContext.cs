using AuthServer.MetadataDocuments;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace AuthServer.Data;

/// <summary>The users, and OpenIddict's applications, authorizations, scopes and tokens, in one database.</summary>
public sealed class AuthServerDbContext(DbContextOptions<AuthServerDbContext> options) : DbContext(options)
{
    public DbSet<UserAccount> Users => Set<UserAccount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<UserAccount>(user =>
        {
            user.ToTable("Users");
            user.HasKey(u => u.Id);
            user.Property(u => u.Email).HasMaxLength(256);
            user.HasIndex(u => u.Email).IsUnique();
            user.Property(u => u.DisplayName).HasMaxLength(200);
        });

        // OpenIddict caps client_id at 100 characters; a Client ID Metadata Document's client_id is its URL.
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication>()
            .Property(a => a.ClientId).HasMaxLength(ClientIdUrl.MaxLength);
    }
}
