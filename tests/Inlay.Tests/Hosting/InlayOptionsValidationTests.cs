using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inlay.Tests.Hosting;

/// <summary>Wrong settings fail start-up, each named as it is configured.</summary>
public sealed class InlayOptionsValidationTests
{
    private static Task<LoopbackApp> StartAsync(Action<InlayOptions> configure, string environment = "Production") =>
        LoopbackApp.StartAsync(b => b.Services.AddMcpServer().WithHttpTransport().WithInlay(configure), a => a.MapInlay(), environment);

    [Fact]
    public async Task Every_wrong_setting_is_named_in_one_failure()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(o =>
        {
            o.PublicUrl = "myapp.example.com";
            o.WidgetAssetBaseUrl = "http://cdn.example.com/widgets";
            o.MaxRequestBodyBytes = 0;
            o.RateLimit.PermitLimit = -1;
            o.RateLimit.Window = TimeSpan.Zero;
        }));
        Assert.Collection(failure.Failures,
            f => Assert.StartsWith("Inlay:PublicUrl 'myapp.example.com' is not an absolute http(s) URL", f),
            f => Assert.StartsWith("Inlay:WidgetAssetBaseUrl 'http://cdn.example.com/widgets' must use https outside Development", f),
            f => Assert.StartsWith("Inlay:MaxRequestBodyBytes is 0", f),
            f => Assert.StartsWith("Inlay:RateLimit:PermitLimit is -1", f),
            f => Assert.StartsWith("Inlay:RateLimit:Window '00:00:00' must be a positive time span", f));
    }

    [Fact]
    public async Task Origins_must_be_origins_and_widget_cors_origins_may_name_any_subdomain()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(o =>
        {
            o.AllowedOrigins.AddRange(["https://app.example.com", "app.example.com", "https://app.example.com/path"]);
            o.WidgetCorsOrigins.AddRange(["https://*.web-sandbox.oaiusercontent.com", "http://127.0.0.1:5173/", "*.example.com"]);
        }));
        Assert.Equal(
            [
                "Inlay:AllowedOrigins has 'app.example.com'",
                "Inlay:AllowedOrigins has 'https://app.example.com/path'",
                "Inlay:WidgetCorsOrigins has '*.example.com'",
            ],
            failure.Failures.Select(f => f[..f.IndexOf(", which", StringComparison.Ordinal)]));
    }

    [Fact]
    public async Task An_http_asset_base_url_is_fine_in_Development()
    {
        await using var app = await StartAsync(o => o.WidgetAssetBaseUrl = "http://127.0.0.1:5173/widgets", "Development");
        Assert.Equal("http://127.0.0.1:5173/widgets", app.App.Services.GetRequiredService<IOptions<InlayOptions>>().Value.WidgetAssetBaseUrl);
    }
}
