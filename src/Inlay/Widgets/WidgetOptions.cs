namespace Inlay;

/// <summary>
/// How widgets are versioned and how long the previous generations of their assets stay available, bound from
/// <c>Inlay:Widgets</c>.
/// </summary>
public sealed class WidgetOptions
{
    /// <summary>The retention used when <see cref="RetainPreviousGenerations"/> is not configured.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(7);

    /// <summary>
    /// Whether the template URIs advertised in <c>tools/list</c> and <c>resources/list</c> carry the widget's content
    /// version: <c>ui://widget/greeting.html?v=3f2a9c1b7e0d</c> for the declared <c>ui://widget/greeting.html</c>. The
    /// version is a short hash of what the widget serves (its HTML, every file of its asset folder, the metadata in its
    /// <c>resources/read</c> <c>_meta</c>), so a host that caches templates by URI (ChatGPT keeps them up to an hour)
    /// asks again after a deploy that changed any of it. On by default; the declared URI is always readable too.
    /// </summary>
    public bool VersionedUris { get; set; } = true;

    /// <summary>
    /// How long the files of an asset folder's previous generation stay served after a deploy replaced them, so a
    /// document a host cached before the deploy still loads its scripts and style sheets. Counted from the start-up
    /// that first served the newer generation. Defaults to seven days; <see cref="TimeSpan.Zero"/> keeps nothing.
    /// Has no effect on assets published to a CDN (<see cref="InlayOptions.WidgetAssetBaseUrl"/>): keeping old files
    /// there is the CDN's job.
    /// </summary>
    public TimeSpan RetainPreviousGenerations { get; set; } = DefaultRetention;

    /// <summary>
    /// The folder that keeps previous asset generations and the record of every widget version served. It must survive
    /// a redeploy of the app's folder, so by default it is outside it: <c>Inlay/{ApplicationName}/widget-generations</c>
    /// under the user's local application data folder (<c>~/.local/share</c> on Linux, <c>%LOCALAPPDATA%</c> on
    /// Windows). A relative path is relative to the content root. In a container, point it at a mounted volume;
    /// instances behind one load balancer may share it.
    /// </summary>
    public string? GenerationsPath { get; set; }
}
