using AuthServer.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace AuthServer.Data;

/// <summary>
/// Prepares the database before the server takes requests: creates the schema, registers the scopes and, in
/// Development only, the two demo users. Every step can run again at each start.
/// </summary>
public static class DatabaseSetup
{
    public const string DemoPassword = "Pass123$";

    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var database = provider.GetRequiredService<AuthServerDbContext>();

        // EnsureCreated builds the schema from the model when the database is empty; it does not migrate an older
        // schema. Acceptable for a sample; a production server would use EF Core migrations.
        await database.Database.EnsureCreatedAsync(cancellationToken);

        await RegisterScopesAsync(provider, cancellationToken);
        if (provider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            await SeedDemoUserAsync(database, "alice@example.com", "Alice", cancellationToken);
            await SeedDemoUserAsync(database, "bob@example.com", "Bob", cancellationToken);
        }
    }

    // Scope entries carry the display text and, for API scopes, the configured resource servers.
    private static async Task RegisterScopesAsync(IServiceProvider provider, CancellationToken cancellationToken)
    {
        var manager = provider.GetRequiredService<IOpenIddictScopeManager>();
        var catalog = provider.GetRequiredService<ScopeCatalog>();
        var settings = provider.GetRequiredService<AuthServerOptions>();
        foreach (var name in catalog.All)
        {
            var descriptor = new OpenIddictScopeDescriptor { Name = name, DisplayName = ScopeCatalog.Describe(name) };
            if (catalog.ApiScopes.Contains(name))
            {
                foreach (var resource in settings.Resources) descriptor.Resources.Add(resource);
            }
            var existing = await manager.FindByNameAsync(name, cancellationToken);
            if (existing is null) await manager.CreateAsync(descriptor, cancellationToken);
            else await manager.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }

    private static async Task SeedDemoUserAsync(AuthServerDbContext database, string email, string name, CancellationToken cancellationToken)
    {
        if (await database.Users.AnyAsync(u => u.Email == email, cancellationToken)) return;
        var user = new UserAccount { Email = email, DisplayName = name, PasswordHash = "" };
        user.PasswordHash = new PasswordHasher<UserAccount>().HashPassword(user, DemoPassword);
        database.Users.Add(user);
        await database.SaveChangesAsync(cancellationToken);
    }
}
