using Microsoft.Extensions.FileProviders;

namespace Inlay.Tests.Html;

public sealed class WidgetHtmlSourceTests : IDisposable
{
    private const string EmbeddedName = "Inlay.Tests.Html.embedded-widget.html";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "inlay-html-" + Guid.NewGuid().ToString("N"));

    public WidgetHtmlSourceTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private PhysicalFileProvider ContentRoot => new(_root);

    [Fact]
    public async Task Embedded_resource_is_read_and_resolves_against_the_root()
    {
        var source = WidgetHtmlSource.FromEmbeddedResource(typeof(WidgetHtmlSourceTests).Assembly, EmbeddedName);
        var html = await source.ReadAsync(ContentRoot, CancellationToken.None);
        Assert.Contains("<script type=\"module\" src=\"widget.js\"></script>", html);
        Assert.Equal("/", source.AssetBasePath);
        Assert.Contains(EmbeddedName, source.Description);
        Assert.Contains("Inlay.Tests", source.Description);
    }

    [Fact]
    public async Task Missing_embedded_resource_names_the_ones_there_are()
    {
        var source = WidgetHtmlSource.FromEmbeddedResource(typeof(WidgetHtmlSourceTests).Assembly, "Nope.html");
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => source.ReadAsync(ContentRoot, CancellationToken.None).AsTask());
        Assert.Contains("'Nope.html'", error.Message);
        Assert.Contains(EmbeddedName, error.Message);
    }

    [Fact]
    public void Embedded_resource_arguments_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => WidgetHtmlSource.FromEmbeddedResource(null!, "x"));
        Assert.Throws<ArgumentException>(() => WidgetHtmlSource.FromEmbeddedResource(typeof(WidgetHtmlSourceTests).Assembly, " "));
    }

    [Theory]
    [InlineData("widgets/greeting/dist", "greeting")]
    [InlineData("widgets/greeting/dist/", "greeting")]
    [InlineData("widgets\\Greeting Card\\build", "greeting-card")]
    [InlineData("widgets/greeting", "greeting")]
    [InlineData("./dist", "dist")]
    [InlineData("dist", "dist")]
    [InlineData("/srv/app/widgets/map.v2/out", "map-v2")]
    [InlineData("C:\\app\\widgets\\cart\\dist", "cart")]
    [InlineData("widgets/ü", "widget")]
    public void Slug_comes_from_the_folder_name(string folder, string slug)
    {
        var source = (AssetFolderHtmlSource)WidgetHtmlSource.FromAssetFolder(folder);
        Assert.Equal(slug, source.Slug);
        Assert.Equal($"/_inlay/widgets/{slug}/", source.AssetBasePath);
    }

    [Fact]
    public void Slug_can_be_given()
    {
        var source = WidgetHtmlSource.FromAssetFolder("widgets/greeting/dist", slug: "hello-v2");
        Assert.Equal("/_inlay/widgets/hello-v2/", source.AssetBasePath);
    }

    [Theory]
    [InlineData("", "index.html", null)]
    [InlineData("dist", "", null)]
    [InlineData("dist", "../index.html", null)]
    [InlineData("dist", "pages/../../x.html", null)]
    [InlineData("dist", "index.html", "a/b")]
    [InlineData("dist", "index.html", "..")]
    [InlineData("dist", "index.html", "")]
    public void Asset_folder_arguments_are_checked(string folder, string entry, string? slug) =>
        Assert.ThrowsAny<ArgumentException>(() => WidgetHtmlSource.FromAssetFolder(folder, entry, slug));

    [Fact]
    public async Task Asset_folder_entry_is_read_with_root_relative_urls_moved_under_the_mount()
    {
        var dist = Path.Combine(_root, "widgets", "greeting", "dist");
        Directory.CreateDirectory(dist);
        File.WriteAllText(Path.Combine(dist, "index.html"), "<script type=module src=\"/assets/index-Dw1kqF5e.js\"></script><link rel=stylesheet href=\"./assets/app.css\">");
        var source = WidgetHtmlSource.FromAssetFolder("widgets/greeting/dist");
        var html = await source.ReadAsync(ContentRoot, CancellationToken.None);
        Assert.Equal("<script type=module src=\"/_inlay/widgets/greeting/assets/index-Dw1kqF5e.js\"></script><link rel=stylesheet href=\"./assets/app.css\">", html);

        var served = WidgetHtmlRewriter.Rewrite(html, "https://app.example.com", source.AssetBasePath);
        Assert.Equal("<script type=module src=\"https://app.example.com/_inlay/widgets/greeting/assets/index-Dw1kqF5e.js\"></script><link rel=stylesheet href=\"https://app.example.com/_inlay/widgets/greeting/assets/app.css\">", served);
    }

    [Fact]
    public async Task Asset_folder_with_another_entry_and_an_absolute_path()
    {
        var dist = Path.Combine(_root, "absolute");
        Directory.CreateDirectory(Path.Combine(dist, "pages"));
        File.WriteAllText(Path.Combine(dist, "pages", "main.html"), "<p>main</p>");
        var source = WidgetHtmlSource.FromAssetFolder(dist, "pages/main.html");
        Assert.Equal("<p>main</p>", await source.ReadAsync(new NullFileProvider(), CancellationToken.None));
    }

    [Fact]
    public async Task Missing_asset_folder_entry_says_to_build()
    {
        var source = WidgetHtmlSource.FromAssetFolder("widgets/missing/dist");
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => source.ReadAsync(ContentRoot, CancellationToken.None).AsTask());
        Assert.Contains("widgets/missing/dist", error.Message);
        Assert.Contains("build", error.Message);
    }

    [Widget("ui://widget/file.html", HtmlFile = "widgets/file.html")]
    private sealed class FileWidget;

    [Widget("ui://widget/resource.html", HtmlResource = EmbeddedName)]
    private sealed class ResourceWidget;

    [Widget("ui://widget/folder.html", AssetFolder = "widgets/greeting/dist", AssetEntry = "main.html", AssetSlug = "hello")]
    private sealed class FolderWidget;

    [Widget("ui://widget/none.html")]
    private sealed class NoSourceWidget;

    [Widget("ui://widget/two.html", HtmlFile = "a.html", AssetFolder = "dist")]
    private sealed class TwoSourcesWidget;

    [Widget("ui://widget/entry.html", HtmlFile = "a.html", AssetEntry = "main.html")]
    private sealed class EntryWithoutFolderWidget;

    [Widget("ui://widget/badslug.html", AssetFolder = "dist", AssetSlug = "a/b")]
    private sealed class BadSlugWidget;

    private static WidgetDeclaration Declare<T>() =>
        typeof(T).GetCustomAttributes(typeof(WidgetAttribute), false).Cast<WidgetAttribute>().Single().ToDeclaration(typeof(T));

    [Fact]
    public async Task Attribute_names_each_kind_of_source()
    {
        Assert.IsType<FileHtmlSource>(Declare<FileWidget>().Html);

        var resource = Assert.IsType<EmbeddedResourceHtmlSource>(Declare<ResourceWidget>().Html);
        Assert.Same(typeof(ResourceWidget).Assembly, resource.Assembly);
        Assert.Contains("widget.js", await resource.ReadAsync(ContentRoot, CancellationToken.None));

        var folder = Assert.IsType<AssetFolderHtmlSource>(Declare<FolderWidget>().Html);
        Assert.Equal("main.html", folder.Entry);
        Assert.Equal("/_inlay/widgets/hello/", folder.AssetBasePath);
    }

    [Fact]
    public void Attribute_without_a_source_is_an_error()
    {
        var error = Assert.Throws<InvalidOperationException>(Declare<NoSourceWidget>);
        Assert.Contains("ui://widget/none.html", error.Message);
        Assert.Contains("HtmlFile, HtmlResource, AssetFolder or AppPage", error.Message);
    }

    [Fact]
    public void Attribute_with_two_sources_is_an_error()
    {
        var error = Assert.Throws<InvalidOperationException>(Declare<TwoSourcesWidget>);
        Assert.Contains("more than one HTML source (HtmlFile, AssetFolder)", error.Message);
    }

    [Fact]
    public void Attribute_with_asset_options_but_no_folder_is_an_error()
    {
        var error = Assert.Throws<InvalidOperationException>(Declare<EntryWithoutFolderWidget>);
        Assert.Contains("AssetEntry", error.Message);
    }

    [Fact]
    public void Attribute_with_a_bad_slug_is_an_error_naming_the_widget()
    {
        var error = Assert.Throws<InvalidOperationException>(Declare<BadSlugWidget>);
        Assert.Contains("ui://widget/badslug.html", error.Message);
        Assert.Contains("'a/b'", error.Message);
    }
}
