using Markdig;

namespace Content;

/// <summary>
/// The sample's little docs library: one Markdown file per article in <c>Articles/</c>, named by its slug, with a
/// front matter of <c>title:</c> and <c>summary:</c> lines between <c>---</c> fences. Loaded once at start-up.
/// </summary>
public sealed class ArticleLibrary
{
    /// <summary>The longest search query accepted.</summary>
    public const int MaxQueryLength = 100;

    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    private readonly List<Article> _articles;

    private ArticleLibrary(List<Article> articles) => _articles = articles;

    /// <summary>Every article, in slug order.</summary>
    public IReadOnlyList<Article> Articles => _articles;

    /// <summary>Reads every <c>*.md</c> file of <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidOperationException">A file lacks its front matter, title or summary.</exception>
    public static ArticleLibrary Load(string folder)
    {
        var articles = new List<Article>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
            articles.Add(Parse(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file)));
        if (articles.Count == 0) throw new InvalidOperationException($"No articles (*.md) in {folder}.");
        return new ArticleLibrary(articles);
    }

    /// <summary>The article named <paramref name="slug"/> (case-insensitive), or <see langword="null"/>.</summary>
    public Article? Find(string? slug) =>
        _articles.Find(a => string.Equals(a.Slug, slug?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The articles whose title, summary or text contains every word of <paramref name="query"/>; all of them for an empty query.</summary>
    public IReadOnlyList<ArticleSummary> Search(string? query)
    {
        var words = (query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return
        [
            .. _articles
                .Where(a => words.All(w => a.Title.Contains(w, StringComparison.OrdinalIgnoreCase)
                    || a.Summary.Contains(w, StringComparison.OrdinalIgnoreCase)
                    || a.Markdown.Contains(w, StringComparison.OrdinalIgnoreCase)))
                .Select(a => a.ToSummary()),
        ];
    }

    /// <summary>The article after <paramref name="article"/>, wrapping around.</summary>
    public Article Next(Article article) => _articles[(_articles.IndexOf(article) + 1) % _articles.Count];

    private static Article Parse(string slug, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var end = lines.Length > 0 && lines[0] == "---" ? Array.IndexOf(lines, "---", 1) : -1;
        if (end < 0) throw new InvalidOperationException($"Article '{slug}' has no front matter between '---' lines.");
        var fields = lines[1..end]
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var title = fields.GetValueOrDefault("title") ?? throw new InvalidOperationException($"Article '{slug}' has no title.");
        var summary = fields.GetValueOrDefault("summary") ?? throw new InvalidOperationException($"Article '{slug}' has no summary.");
        var body = string.Join('\n', lines[(end + 1)..]).Trim();
        var words = body.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
        return new Article(slug, title, summary, body, Markdig.Markdown.ToHtml(body, Markdown), Math.Max(1, (words + 199) / 200));
    }
}

/// <summary>One article.</summary>
/// <param name="Slug">Its name in URLs and in <c>show_content</c>, such as <c>getting-started</c>.</param>
/// <param name="Title">Its title.</param>
/// <param name="Summary">One sentence on what it says.</param>
/// <param name="Markdown">Its text, as written.</param>
/// <param name="Html">Its text as HTML (raw HTML in the Markdown is escaped).</param>
/// <param name="Minutes">Reading time, at 200 words a minute.</param>
public sealed record Article(string Slug, string Title, string Summary, string Markdown, string Html, int Minutes)
{
    /// <summary>The page that shows it.</summary>
    public string Path => "/articles/" + Slug;

    /// <summary>What the widget and the search endpoint get.</summary>
    public ArticleSummary ToSummary() => new(Slug, Title, Summary, Path, Minutes);
}

/// <summary>An article without its text: the <c>show_content</c> result and a search hit.</summary>
/// <param name="Slug">Its name, such as <c>getting-started</c>.</param>
/// <param name="Title">Its title.</param>
/// <param name="Summary">One sentence on what it says.</param>
/// <param name="Path">The app page that shows it, such as <c>/articles/getting-started</c>.</param>
/// <param name="Minutes">Reading time in minutes.</param>
public sealed record ArticleSummary(string Slug, string Title, string Summary, string Path, int Minutes);
