using Microsoft.AspNetCore.Builder;
using System.ComponentModel;
using System.Text.Json.Nodes;
using ModelContextProtocol.Server;

namespace Inlay.Tests.Dialects;

/// <summary>Tools declared with attributes, as a user would write them, for the dialect tests.</summary>
[Widget("ui://widget/catalog.html",
    HtmlFile = "widgets/catalog.html",
    Title = "Catalog",
    Description = "Product catalog",
    ModelDescription = "Shows the products; do not list them again.",
    ConnectDomains = ["https://api.example.com"],
    ResourceDomains = ["https://cdn.example.com"],
    FrameDomains = ["https://frames.example.com"],
    BaseUriDomains = ["https://base.example.com"],
    RedirectDomains = ["https://checkout.example.com"],
    PrefersBorder = true,
    Domain = "https://catalog.example.com",
    Permissions = WidgetPermissions.ClipboardWrite | WidgetPermissions.Camera)]
public sealed class CatalogTools
{
    [McpServerTool(Name = "show_catalog", Title = "Show catalog", ReadOnly = true, Destructive = false, OpenWorld = false, Idempotent = true)]
    [Description("Shows the product catalog.")]
    [WidgetTool("ui://widget/catalog.html", Invoking = "Loading the catalog…", Invoked = "Catalog ready")]
    public static WidgetResult<Catalog> ShowCatalog([Description("Category to show")] string category, int limit = 10) =>
        new(new Catalog(category, [.. Enumerable.Range(1, limit).Select(i => new Product($"p{i}", $"Product {i}"))]), $"Showing {limit} products in {category}.")
        {
            WidgetMeta = new JsonObject { ["imagesById"] = new JsonObject { ["p1"] = "https://cdn.example.com/p1.webp" } },
            WidgetSessionId = "catalog-" + category,
        };

    [McpServerTool(Name = "refresh_catalog", ReadOnly = true, Destructive = false, OpenWorld = false)]
    [WidgetTool("ui://widget/catalog.html", Visibility = ToolVisibility.App)]
    public static WidgetResult<Catalog> Refresh(string category) => new(new Catalog(category, []), "Refreshed.");

    [McpServerTool(Name = "plain_data", ReadOnly = true, Destructive = false, OpenWorld = false)]
    [WidgetTool("ui://widget/catalog.html", Visibility = ToolVisibility.Model)]
    public static Catalog PlainData(string category) => new(category, [new Product("x", "X")]);

    [McpServerTool(Name = "count_products", ReadOnly = true, Destructive = false, OpenWorld = false)]
    [Description("A plain tool with no widget.")]
    public static int Count() => 3;
}

public sealed record Catalog(string Category, IReadOnlyList<Product> Products);

public sealed record Product(string Id, string Name);
