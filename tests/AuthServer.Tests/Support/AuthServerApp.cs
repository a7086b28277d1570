using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AuthServer.Tests.Support;

/// <summary>
/// The AuthServer sample's own Program on Kestrel (loopback, a free port), keeping its database and keys in
/// <see cref="DataFolder"/>, a temporary folder the caller owns (see <see cref="TempFolder"/>).
/// </summary>
public sealed class AuthServerApp : WebApplicationFactory<Program>
{
    private readonly string _environment;
    private readonly Dictionary<string, string?> _settings;

    public AuthServerApp(string dataFolder, string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null)
    {
        DataFolder = dataFolder;
        _environment = environment;
        _settings = new Dictionary<string, string?>
        {
            ["AuthServer:SqlitePath"] = Path.Combine(dataFolder, "authserver.db"),
            ["AuthServer:KeysPath"] = Path.Combine(dataFolder, "keys"),
            ["AuthServer:RequireHttps"] = "false",
            ["ConnectionStrings:AuthServer"] = "",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        Issuer = _settings.GetValueOrDefault("AuthServer:Issuer") is { Length: > 0 } issuer ? issuer : BaseAddress.AbsoluteUri;
    }

    /// <summary>The iss of its tokens: AuthServer:Issuer when set, else the base address.</summary>
    public string Issuer { get; }

    public string DataFolder { get; }

    /// <summary>Where the server listens, such as http://127.0.0.1:41234/ (also its issuer).</summary>
    public Uri BaseAddress { get; }

    /// <summary>A plain client for the server that does not follow redirects.</summary>
    public HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // SQLite keeps pooled connections (and so the file) open after the host stops.
        SqliteConnection.ClearAllPools();
    }
}
