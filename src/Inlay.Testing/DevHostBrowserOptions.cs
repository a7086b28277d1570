namespace Inlay.Testing;

/// <summary>How <see cref="DevHostBrowser"/> starts the browser and where it keeps what it records.</summary>
public sealed class DevHostBrowserOptions
{
    /// <summary>
    /// The Chromium to drive: the <c>INLAY_CHROMIUM</c> environment variable, else Debian's <c>/usr/bin/chromium</c>.
    /// No browser is ever downloaded.
    /// </summary>
    public string ExecutablePath { get; set; } = Environment.GetEnvironmentVariable("INLAY_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Run without a window (the default); set false to watch a test.</summary>
    public bool Headless { get; set; } = true;

    /// <summary>The page's size in CSS pixels.</summary>
    public (int Width, int Height) Viewport { get; set; } = (1400, 900);

    /// <summary>Where <see cref="DevHostPage.ScreenshotAsync"/> writes; <c>screenshots/</c> beside the test assembly by default.</summary>
    public string ScreenshotFolder { get; set; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>How long to wait for the dev host, a tool call or the widget to appear.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
}
