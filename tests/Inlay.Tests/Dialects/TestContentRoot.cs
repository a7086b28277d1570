namespace Inlay.Tests.Dialects;

/// <summary>
/// A content root folder holding the widget files the tests declare: one per test run, shared (the tests only read
/// it), and deleted when the run ends.
/// </summary>
public static class TestContentRoot
{
    public const string CatalogHtml = "<!doctype html><html><head><script src=\"app.js\"></script></head><body><div id=root></div></body></html>";

    private static readonly Lazy<string> Folder = new(() =>
    {
        var root = Path.Combine(Path.GetTempPath(), "inlay-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "widgets"));
        File.WriteAllText(Path.Combine(root, "widgets", "catalog.html"), CatalogHtml);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Still in use at exit: left to the temporary folder's cleaning.
            }
        };
        return root;
    });

    /// <summary>The folder's path; created the first time.</summary>
    public static string Create() => Folder.Value;
}
