using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Content.Pages;

/// <summary>One article, at <c>/articles/{slug}</c>; an unknown slug is a 404 page that says so.</summary>
public sealed class ArticleModel(ArticleLibrary library) : PageModel
{
    /// <summary>The slug from the URL.</summary>
    [BindProperty(SupportsGet = true)]
    public string Slug { get; set; } = "";

    /// <summary>The article, or <see langword="null"/> when there is none by that name.</summary>
    public Article? Article { get; private set; }

    /// <summary>The article after this one.</summary>
    public Article? Next { get; private set; }

    /// <summary>Finds the article.</summary>
    public IActionResult OnGet()
    {
        Article = library.Find(Slug);
        if (Article is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Next = library.Next(Article);
        return Page();
    }
}
