using System.ComponentModel;
using Inlay;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace Content;

/// <summary>
/// The reader widget and the tool that shows it. The widget is the app's own home page (<c>Pages/Index.cshtml</c>),
/// rendered by the app on every <c>resources/read</c>; the tool's result names the article, and the page's script
/// navigates to it client-side.
/// </summary>
[Widget("ui://widget/content.html",
    AppPage = "/",
    Title = "Content library",
    Description = "A reader for the articles of the Inlay docs library.",
    ModelDescription = "Shows the article in a reader; no need to repeat its text.",
    PrefersBorder = true)]
public sealed class ContentTools(ArticleLibrary library)
{
    /// <summary>The article names <c>show_content</c> accepts, as its description lists them.</summary>
    public const string Names = "app-pages, getting-started, public-url, widget-security";

    /// <summary>Shows an article; the model gets its text, the widget its page.</summary>
    [McpServerTool(Name = "show_content", Title = "Show an article", ReadOnly = true, Destructive = false, OpenWorld = false, Idempotent = true)]
    [Description("Shows an article of the Inlay docs library in a reader widget and returns its text. Articles: " + Names + ".")]
    [WidgetTool(Invoking = "Opening the article…", Invoked = "Article ready")]
    public WidgetResult<ArticleSummary> ShowContent([Description("The article's name, such as getting-started.")] string name)
    {
        var article = library.Find(name) ?? throw new McpException(
            $"There is no article named '{Shorten(name.Trim())}'. Articles: {string.Join(", ", library.Articles.Select(a => a.Slug))}.");
        return new WidgetResult<ArticleSummary>(article.ToSummary(), $"# {article.Title}\n\n{article.Markdown}");
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
