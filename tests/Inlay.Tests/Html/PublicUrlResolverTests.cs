using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inlay.Tests.Html;

public class PublicUrlResolverTests
{
    private static PublicUrlResolver Resolver(
        string? publicUrl = null,
        Dictionary<string, string>? variables = null,
        string[]? addresses = null,
        string environment = "Development")
    {
        var options = Options.Create(new InlayOptions { PublicUrl = publicUrl });
        return new PublicUrlResolver(options, new FakeEnvironment(environment), new FakeServer(addresses ?? []), new FakeVariables(variables ?? []));
    }

    private static HttpContext Request(string scheme, string host, string pathBase = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = scheme;
        context.Request.Host = new HostString(host);
        context.Request.PathBase = pathBase;
        return context;
    }

    [Theory]
    [InlineData("https://app.example.com", "https://app.example.com")]
    [InlineData("https://app.example.com/", "https://app.example.com")]
    [InlineData("https://app.example.com/base/", "https://app.example.com/base")]
    [InlineData("http://localhost:5000", "http://localhost:5000")]
    [InlineData("  https://APP.example.com:443/ ", "https://app.example.com")]
    public void Configured_url_wins(string configured, string expected)
    {
        var resolver = Resolver(configured, new() { ["WEBSITE_HOSTNAME"] = "other.azurewebsites.net" }, ["http://127.0.0.1:5000"]);
        Assert.Equal(expected, resolver.Resolve(Request("https", "request.example.com")));
        Assert.Null(resolver.ValidateConfigured());
        Assert.Equal($"{expected} (configuration Inlay:PublicUrl)", resolver.Describe());
    }

    [Theory]
    [InlineData("app.example.com")]
    [InlineData("/relative")]
    [InlineData("ftp://app.example.com")]
    [InlineData("https://app.example.com/?x=1")]
    [InlineData("https://app.example.com/#top")]
    [InlineData("https://user:pw@app.example.com")]
    [InlineData("not a url")]
    public void Configured_url_that_is_not_absolute_http_is_reported(string configured)
    {
        var resolver = Resolver(configured);
        var error = resolver.ValidateConfigured();
        Assert.NotNull(error);
        Assert.Contains("Inlay:PublicUrl", error);
        Assert.Contains(configured, error);
        var thrown = Assert.Throws<InvalidOperationException>(() => resolver.Resolve(null));
        Assert.Equal(error, thrown.Message);
    }

    [Fact]
    public void Nothing_configured_is_valid() => Assert.Null(Resolver().ValidateConfigured());

    [Theory]
    [InlineData("https://myapp.azurewebsites.net", "Azure App Service", "WEBSITE_HOSTNAME", "myapp.azurewebsites.net")]
    [InlineData("https://myapp.onrender.com", "Render", "RENDER_EXTERNAL_URL", "https://myapp.onrender.com/")]
    [InlineData("https://myapp.up.railway.app", "Railway", "RAILWAY_PUBLIC_DOMAIN", "myapp.up.railway.app")]
    [InlineData("https://myapp.fly.dev", "Fly.io", "FLY_APP_NAME", "myapp")]
    [InlineData("https://myapp-1234.herokuapp.com", "Heroku", "HEROKU_APP_DEFAULT_DOMAIN_NAME", "myapp-1234.herokuapp.com")]
    [InlineData("https://myapp-git-branch.vercel.app", "Vercel", "VERCEL_URL", "myapp-git-branch.vercel.app")]
    public void Platform_variable_is_used(string expected, string platform, string name, string value)
    {
        var resolver = Resolver(variables: new() { [name] = value }, addresses: ["http://[::]:8080"], environment: "Production");
        Assert.Equal(expected, resolver.Resolve(Request("http", "10.0.0.5:8080")));
        Assert.Equal(expected, resolver.Resolve(null));
        Assert.StartsWith($"{expected} ({platform} {name}", resolver.Describe());
    }

    [Fact]
    public void Azure_container_apps_needs_both_variables()
    {
        var both = Resolver(variables: new() { ["CONTAINER_APP_NAME"] = "myapp", ["CONTAINER_APP_ENV_DNS_SUFFIX"] = "nicebeach-123.westeurope.azurecontainerapps.io" });
        Assert.Equal("https://myapp.nicebeach-123.westeurope.azurecontainerapps.io", both.Resolve(null));
        Assert.Contains("Azure Container Apps", both.Describe());

        var nameOnly = Resolver(variables: new() { ["CONTAINER_APP_NAME"] = "myapp" }, addresses: ["http://127.0.0.1:5000"]);
        Assert.Equal("http://127.0.0.1:5000", nameOnly.Resolve(null));
    }

    [Theory]
    [InlineData("WEBSITE_HOSTNAME", "bad host/with path")]
    [InlineData("RENDER_EXTERNAL_URL", "myapp.onrender.com")]
    [InlineData("FLY_APP_NAME", "   ")]
    [InlineData("RAILWAY_PUBLIC_DOMAIN", "")]
    public void Malformed_platform_variable_is_ignored(string name, string value)
    {
        var resolver = Resolver(variables: new() { [name] = value });
        Assert.Equal("https://request.example.com", resolver.Resolve(Request("https", "request.example.com")));
    }

    [Fact]
    public void Platform_variable_beats_the_request()
    {
        var resolver = Resolver(variables: new() { ["FLY_APP_NAME"] = "myapp" });
        Assert.Equal("https://myapp.fly.dev", resolver.Resolve(Request("http", "localhost:8080")));
    }

    [Fact]
    public void Codespaces_url_names_the_listening_http_port()
    {
        var variables = new Dictionary<string, string>
        {
            ["CODESPACE_NAME"] = "octo-fiesta-abc123",
            ["GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN"] = "app.github.dev",
        };
        var resolver = Resolver(variables: variables, addresses: ["https://localhost:7001", "http://localhost:5123"]);
        Assert.Equal("https://octo-fiesta-abc123-5123.app.github.dev", resolver.Resolve(Request("http", "localhost:5123")));
        Assert.Contains("GitHub Codespaces", resolver.Describe());
    }

    [Fact]
    public void Codespaces_before_the_server_listens_uses_the_configured_port()
    {
        var variables = new Dictionary<string, string>
        {
            ["CODESPACE_NAME"] = "octo",
            ["GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN"] = "app.github.dev",
            ["ASPNETCORE_HTTP_PORTS"] = "8080;8081",
        };
        Assert.Equal("https://octo-8080.app.github.dev", Resolver(variables: variables).Resolve(null));
    }

    [Fact]
    public void Codespaces_without_a_known_port_falls_through()
    {
        var variables = new Dictionary<string, string> { ["CODESPACE_NAME"] = "octo", ["GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN"] = "app.github.dev" };
        Assert.Equal("https://request.example.com", Resolver(variables: variables).Resolve(Request("https", "request.example.com")));
    }

    [Fact]
    public void Gitpod_url_puts_the_port_in_front_of_the_workspace_host()
    {
        var resolver = Resolver(variables: new() { ["GITPOD_WORKSPACE_URL"] = "https://gitpodio-demo-abc123.ws-eu114.gitpod.io" }, addresses: ["http://0.0.0.0:5000"]);
        Assert.Equal("https://5000-gitpodio-demo-abc123.ws-eu114.gitpod.io", resolver.Resolve(null));
        Assert.Contains("Gitpod", resolver.Describe());
    }

    [Theory]
    [InlineData("https", "app.example.com", "", "https://app.example.com")]
    [InlineData("http", "localhost:5000", "", "http://localhost:5000")]
    [InlineData("https", "example.com", "/app", "https://example.com/app")]
    [InlineData("https", "example.com:8443", "/app/", "https://example.com:8443/app")]
    public void Request_scheme_host_and_path_base_are_used(string scheme, string host, string pathBase, string expected)
    {
        var resolver = Resolver(addresses: ["http://127.0.0.1:5000"]);
        Assert.Equal(expected, resolver.Resolve(Request(scheme, host, pathBase)));
        Assert.Equal($"{expected} (request scheme, host and path base)", resolver.Describe(Request(scheme, host, pathBase)));
    }

    [Fact]
    public void Forwarded_headers_count_only_through_the_forwarded_headers_middleware()
    {
        var context = Request("http", "internal:8080");
        context.Request.Headers["X-Forwarded-Proto"] = "https";
        context.Request.Headers["X-Forwarded-Host"] = "evil.example";
        Assert.Equal("http://internal:8080", Resolver().Resolve(context));
    }

    [Fact]
    public void Request_without_a_host_falls_back_on_the_server_address()
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        Assert.Equal("http://127.0.0.1:5000", Resolver(addresses: ["http://127.0.0.1:5000"]).Resolve(context));
    }

    [Theory]
    [InlineData(new[] { "http://127.0.0.1:5000" }, "http://127.0.0.1:5000")]
    [InlineData(new[] { "https://localhost:7001", "http://localhost:5001" }, "http://localhost:5001")]
    [InlineData(new[] { "http://192.168.1.4:5000", "https://127.0.0.1:7000" }, "https://127.0.0.1:7000")]
    [InlineData(new[] { "http://192.168.1.4:5000", "http://[::1]:5002" }, "http://[::1]:5002")]
    [InlineData(new[] { "http://0.0.0.0:8080" }, "http://localhost:8080")]
    [InlineData(new[] { "http://[::]:8080" }, "http://localhost:8080")]
    [InlineData(new[] { "http://+:8080" }, "http://localhost:8080")]
    [InlineData(new[] { "http://*:8080" }, "http://localhost:8080")]
    [InlineData(new[] { "http://localhost:80" }, "http://localhost")]
    [InlineData(new[] { "https://example.internal:7000" }, "https://example.internal:7000")]
    [InlineData(new[] { "http://unix:/tmp/app.sock", "http://127.0.0.1:5000" }, "http://127.0.0.1:5000")]
    public void Server_address_is_used_without_a_request(string[] addresses, string expected)
    {
        var resolver = Resolver(addresses: addresses);
        Assert.Equal(expected, resolver.Resolve(null));
        Assert.Equal($"{expected} (server address, Development)", resolver.Describe());
    }

    [Fact]
    public void Server_address_outside_development_says_to_configure()
    {
        var resolver = Resolver(addresses: ["http://[::]:8080"], environment: "Production");
        Assert.Equal("http://localhost:8080", resolver.Resolve(null));
        Assert.Contains("set Inlay:PublicUrl", resolver.Describe());
    }

    [Fact]
    public void Without_anything_the_url_is_localhost()
    {
        var resolver = new PublicUrlResolver(Options.Create(new InlayOptions()), variables: new FakeVariables([]));
        Assert.Equal("http://localhost", resolver.Resolve(null));
        Assert.Contains("set Inlay:PublicUrl", resolver.Describe());
    }

    [Theory]
    [InlineData("https://example.com/app", "https://example.com")]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000")]
    [InlineData("https://example.com:443", "https://example.com")]
    public void Origin_is_scheme_host_and_port(string baseUrl, string origin)
    {
        Assert.Equal(origin, PublicUrlResolver.OriginOf(baseUrl));
        Assert.Equal(origin, Resolver(baseUrl).ResolveOrigin(null));
    }

    private sealed class FakeVariables(Dictionary<string, string> values) : IEnvironmentVariables
    {
        public string? Get(string name) => values.GetValueOrDefault(name);
    }

    private sealed class FakeEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed class FakeServer : IServer
    {
        public FakeServer(string[] addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var address in addresses) feature.Addresses.Add(address);
            Features.Set<IServerAddressesFeature>(feature);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose() { }
    }
}
