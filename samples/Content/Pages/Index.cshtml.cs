using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Content.Pages;

/// <summary>The library: every article, or those matching <c>?q=</c>. This page is the widget.</summary>
public sealed class IndexModel(ArticleLibrary library) : PageModel
{
    /// <summary>The search query, when there is one.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>The articles shown.</summary>
    public IReadOnlyList<ArticleSummary> Results { get; private set; } = [];

    /// <summary>Lists the articles; a query over the length limit is a 400.</summary>
    public IActionResult OnGet()
    {
        if (Query is { Length: > ArticleLibrary.MaxQueryLength })
            return BadRequest($"The search query must be at most {ArticleLibrary.MaxQueryLength} characters.");
        Results = library.Search(Query);
        return Page();
    }
}
