using System.Net;
using System.Text.Json.Nodes;
using Inlay.AuthServerTesting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AuthServer.Tests.Support;

/// <summary>
/// A tiny web server on loopback serving Client ID Metadata Documents, good and bad, and counting the requests it got.
/// </summary>
public sealed class MetadataDocumentHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private MetadataDocumentHost(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The URL of a document, which is also its client_id.</summary>
    public string Url(string name) => new Uri(BaseAddress, "clients/" + name).AbsoluteUri;

    public static async Task<MetadataDocumentHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var host = new MetadataDocumentHost(app);
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref host._requests);
            await next(context);
        });

        app.MapGet("/clients/good.json", (HttpContext context) => Document(context, host.Url("good.json")));
        app.MapGet("/clients/mismatch.json", (HttpContext context) => Document(context, host.Url("good.json")));
        app.MapGet("/clients/big.json", (HttpContext context) =>
        {
            var document = Document(host.Url("big.json"));
            document["padding"] = new string('x', 100 * 1024);
            return Results.Text(document.ToJsonString(), "application/json");
        });
        app.MapGet("/clients/slow.json", async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(15), context.RequestAborted);
            return Document(context, host.Url("slow.json"));
        });
        // Any name, so a test can make its client_id as long as it needs.
        app.MapGet("/clients/any/{*name}", (HttpContext context, string name) => Document(context, host.Url("any/" + name)));
        app.MapGet("/clients/redirect.json", () => Results.Redirect("/clients/good.json"));
        app.MapGet("/clients/confidential.json", (HttpContext context) =>
        {
            var document = Document(host.Url("confidential.json"));
            document["token_endpoint_auth_method"] = "client_secret_basic";
            return Results.Text(document.ToJsonString(), "application/json");
        });

        await app.StartAsync();
        host.BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return host;
    }

    private static IResult Document(HttpContext context, string clientId)
    {
        context.Response.Headers.CacheControl = "max-age=3600";
        return Results.Text(Document(clientId).ToJsonString(), "application/json");
    }

    private static JsonObject Document(string clientId) => new()
    {
        ["client_id"] = clientId,
        ["client_name"] = "Metadata document client",
        ["redirect_uris"] = new JsonArray(SignInRequest.DefaultRedirectUri),
        ["grant_types"] = new JsonArray("authorization_code", "refresh_token"),
        ["response_types"] = new JsonArray("code"),
        ["token_endpoint_auth_method"] = "none",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
