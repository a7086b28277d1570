namespace Inlay.DevHost;

/// <summary>
/// The dev host: a local MCP Apps and ChatGPT-like host page served under <c>/_inlay/</c>, bound from
/// <c>Inlay:DevHost</c>.
/// </summary>
public sealed class DevHostOptions
{
    /// <summary>The configuration section the dev host binds.</summary>
    public const string SectionName = "Inlay:DevHost";

    /// <summary>
    /// Whether the dev host is served. Unset (the default): in Development only. Never turn it on for a server the
    /// public can reach: the page calls every tool.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// The loopback port of the sandbox origin, the second origin widgets run on (as ChatGPT runs them on its sandbox
    /// domain). 0, the default, picks a free port when the dev host is first opened; set a fixed port to keep what
    /// widgets store in that origin (local storage) across restarts of the app.
    /// </summary>
    public int SandboxPort { get; set; }

    /// <summary>
    /// Whether, while the dev host is on, the widgets' asset folders and HTML files are watched and a rebuilt widget is
    /// served at once: its version changes, its render cache is dropped, and the dev host page reloads the widget (told
    /// through Server-Sent Events at <c>/_inlay/events</c>) without the server restarting. On by default.
    /// </summary>
    public bool WatchWidgets { get; set; } = true;
}
