using Microsoft.EntityFrameworkCore;

namespace AuthServer.Data;

/// <summary>
/// PostgreSQL when <c>ConnectionStrings:AuthServer</c> is set, otherwise a SQLite file under the content root.
/// </summary>
public static class DatabaseProvider
{
    public static void Configure(DbContextOptionsBuilder options, IConfiguration configuration, IHostEnvironment environment, AuthServerOptions settings)
    {
        var postgres = configuration.GetConnectionString("AuthServer");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            options.UseNpgsql(postgres);
        }
        else
        {
            var path = Path.GetFullPath(settings.SqlitePath, environment.ContentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            options.UseSqlite($"Data Source={path}");
        }
        // OpenIddict's entity sets (applications, authorizations, scopes, tokens) live in the same context.
        options.UseOpenIddict();
    }
}
