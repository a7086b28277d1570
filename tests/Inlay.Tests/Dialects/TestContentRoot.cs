using Microsoft.AspNetCore.Builder;
namespace Inlay.Tests.Dialects;

/// <summary>A content root folder holding the widget files the tests declare.</summary>
public static class TestContentRoot
{
    public const string CatalogHtml = "<!doctype html><html><head><script src=\"app.js\"></script></head><body><div id=root></div></body></html>";

    public static string Create()
    {
        var root = Path.Combine(Path.GetTempPath(), "inlay-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "widgets"));
        File.WriteAllText(Path.Combine(root, "widgets", "catalog.html"), CatalogHtml);
        return root;
    }
}
