using Microsoft.Playwright;

namespace Inlay.Testing;

/// <summary>
/// A real Chromium, driven with Playwright, for opening an app's dev host (<c>/_inlay/</c>) in tests: call tools, look
/// at and click into the rendered widget, switch theme or host mode, reload, take screenshots. One browser serves many
/// pages; each <see cref="OpenAsync"/> gets a fresh browser context (its own storage).
/// </summary>
/// <example>
/// <code>
/// await using var browser = await DevHostBrowser.LaunchAsync();
/// await using var host = await browser.OpenAsync(app.BaseAddress, DevHostMode.ChatGpt);
/// await host.CallToolAsync("greet_user", new() { ["name"] = "Ada" });
/// await Assertions.Expect(host.Widget.GetByTestId("message")).ToHaveTextAsync("Hello, Ada!");
/// host.AssertNoConsoleErrors();
/// </code>
/// </example>
public sealed class DevHostBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private DevHostBrowser(IPlaywright playwright, IBrowser browser, DevHostBrowserOptions options)
    {
        _playwright = playwright;
        Browser = browser;
        Options = options;
    }

    /// <summary>The browser, for anything the helpers do not cover.</summary>
    public IBrowser Browser { get; }

    /// <summary>The options it was started with.</summary>
    public DevHostBrowserOptions Options { get; }

    /// <summary>Starts Chromium from <see cref="DevHostBrowserOptions.ExecutablePath"/>.</summary>
    /// <exception cref="FileNotFoundException">No browser at that path (install Debian's <c>chromium</c> package).</exception>
    public static async Task<DevHostBrowser> LaunchAsync(DevHostBrowserOptions? options = null)
    {
        options ??= new DevHostBrowserOptions();
        if (!File.Exists(options.ExecutablePath))
            throw new FileNotFoundException($"No Chromium at {options.ExecutablePath}: install it (apt-get install chromium) or set INLAY_CHROMIUM.", options.ExecutablePath);
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.ExecutablePath,
                Headless = options.Headless,
                // Chromium's own sandbox cannot start as root (CI containers); the pages tested are local.
                Args = ["--no-sandbox"],
            });
            return new DevHostBrowser(playwright, browser, options);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Opens the dev host of the app at <paramref name="appBaseAddress"/> in the given mode and waits until it lists the tools.</summary>
    /// <param name="appBaseAddress">The app's base address, such as <c>http://127.0.0.1:5000/</c>.</param>
    /// <param name="mode">The host to play.</param>
    /// <param name="devHostPath">Where the dev host is served, <c>/_inlay/</c> by default.</param>
    public async Task<DevHostPage> OpenAsync(Uri appBaseAddress, DevHostMode mode = DevHostMode.McpApps, string devHostPath = "/_inlay/")
    {
        ArgumentNullException.ThrowIfNull(appBaseAddress);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = Options.Viewport.Width, Height = Options.Viewport.Height },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)Options.Timeout.TotalMilliseconds);
        var host = new DevHostPage(page, new Uri(appBaseAddress, devHostPath), mode, Options);
        await host.LoadAsync();
        return host;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
