using System.Net;
using System.Reflection;
using Inlay.DevHost;
using Inlay.Tests.Samples;
using Inlay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inlay.Tests.DevHost;

/// <summary>
/// The dev host lives in Inlay.DevHost: Inlay.dll carries none of it, referencing the package turns it on (through the
/// attribute its build file writes on the app's assembly), and one call adds it to any app.
/// </summary>
public sealed class DevHostPackageTests
{
    private static Task<LoopbackApp> StartAsync(string environment, Action<IServiceCollection>? devHost = null) =>
        LoopbackApp.StartAsync(b =>
        {
            b.Services.AddMcpServer().WithHttpTransport().WithInlay();
            devHost?.Invoke(b.Services);
        }, a => a.MapInlay(), environment);

    [Fact]
    public void Inlay_dll_carries_no_dev_host()
    {
        var inlay = typeof(InlayOptions).Assembly;
        Assert.DoesNotContain(inlay.GetManifestResourceNames(), name => name.StartsWith("Inlay.DevHost/", StringComparison.Ordinal));
        Assert.DoesNotContain(inlay.GetTypes(), type => type.Name is "DevSandboxServer" or "WidgetFileWatcher" or "DevHostEndpoints");
        Assert.DoesNotContain(inlay.GetReferencedAssemblies(), name => name.Name == "Inlay.DevHost");
    }

    [Fact]
    public void A_sample_referencing_the_dev_host_names_it_on_its_assembly()
    {
        var named = typeof(Program).Assembly.GetCustomAttributes<InlayExtensionAttribute>();
        Assert.Equal(typeof(DevHostExtension), Assert.Single(named).ExtensionType);
    }

    [Fact]
    public async Task A_sample_referencing_the_dev_host_serves_it_in_Development_with_no_code()
    {
        using var hello = new HelloSampleTests.HelloApp();
        var page = await hello.Client.GetAsync("/_inlay/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>Inlay dev host</title>", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_the_dev_host_there_is_no_dev_host_page()
    {
        await using var app = await StartAsync("Development");
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync("/_inlay/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync("/_inlay/devhost.json")).StatusCode);
    }

    [Fact]
    public async Task One_call_adds_it_and_a_second_changes_nothing()
    {
        await using var app = await StartAsync("Development", s => s.AddInlayDevHost().AddInlayDevHost());
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync("/_inlay/")).StatusCode);
        Assert.Single(app.App.Services.GetServices<InlayExtension>());
    }

    [Fact]
    public async Task Outside_Development_it_is_off_unless_enabled()
    {
        await using (var production = await StartAsync("Production", s => s.AddInlayDevHost()))
            Assert.Equal(HttpStatusCode.NotFound, (await production.Http.GetAsync("/_inlay/")).StatusCode);
        await using var enabled = await StartAsync("Production", s => s.AddInlayDevHost(o => o.Enabled = true));
        Assert.Equal(HttpStatusCode.OK, (await enabled.Http.GetAsync("/_inlay/")).StatusCode);
    }

    [Fact]
    public async Task A_sandbox_port_that_is_not_a_port_fails_start_up_naming_the_setting()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync("Development", s => s.AddInlayDevHost(o => o.SandboxPort = 70000)));
        Assert.StartsWith("Inlay:DevHost:SandboxPort is 70000", Assert.Single(failure.Failures));
    }
}
