namespace Inlay.Tests.Versioning;

/// <summary>
/// A content root with a built widget folder (<c>widgets/greeting/dist</c>) that a test can rebuild, the way a deploy
/// replaces the app's files, and a generations folder that outlives the app's restarts.
/// </summary>
public sealed class VersionedWidgetFolder : IDisposable
{
    public VersionedWidgetFolder()
    {
        Build("index-Aa11bb22", "console.log('one');");
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "inlay-versioned-" + Guid.NewGuid().ToString("N"));

    public string Generations { get; } = Path.Combine(Path.GetTempPath(), "inlay-generations-" + Guid.NewGuid().ToString("N"));

    public string Dist => Path.Combine(Root, "widgets", "greeting", "dist");

    /// <summary>Replaces the folder with a build whose entry loads <c>assets/{script}.js</c>, as Vite writes it (the old build is deleted).</summary>
    public void Build(string script, string code, string title = "Greeting")
    {
        if (Directory.Exists(Dist)) Directory.Delete(Dist, recursive: true);
        Directory.CreateDirectory(Path.Combine(Dist, "assets"));
        File.WriteAllText(Path.Combine(Dist, "index.html"),
            $"<!doctype html><html><head><title>{title}</title><script type=\"module\" src=\"./assets/{script}.js\"></script>" +
            "<link rel=\"stylesheet\" href=\"./assets/site.css\"></head><body><div id=\"root\"></div></body></html>");
        File.WriteAllText(Path.Combine(Dist, "assets", script + ".js"), code);
        File.WriteAllText(Path.Combine(Dist, "assets", "site.css"), "body{margin:0}");
    }

    public void Dispose()
    {
        foreach (var folder in new[] { Root, Generations })
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
