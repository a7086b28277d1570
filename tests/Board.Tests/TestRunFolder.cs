namespace Board.Tests;

/// <summary>
/// One temporary folder for the whole test run, deleted when the run ends: the tests' databases and the widget
/// generations of the apps they start go under it, so a run leaves nothing in the temporary folder or the user's profile.
/// </summary>
public static class TestRunFolder
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var root = Directory.CreateTempSubdirectory("board-tests-").FullName;
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

    /// <summary>A new path under the run's folder, such as <c>…/board-tests-x1y2/sqlite-0f3a…</c>; nothing is created.</summary>
    public static string NewPath(string name) => Path.Combine(Root.Value, name + "-" + Guid.NewGuid().ToString("N"));
}
