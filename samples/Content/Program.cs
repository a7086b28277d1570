using Content;
using Inlay;
using Microsoft.AspNetCore.Http.HttpResults;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddMcpServer(options => options.ServerInfo = new() { Name = "content", Version = "1.0.0" })
    .WithHttpTransport(http => http.Stateless = true)
    // Outside Development the pages and data answer only Inlay:WidgetCorsOrigins; unless configured, ChatGPT's sandbox.
    // (In code rather than appsettings.json: the tests' output folder gets every referenced sample's appsettings.json.)
    .WithInlay(inlay =>
    {
        if (inlay.WidgetCorsOrigins.Count == 0) inlay.WidgetCorsOrigins.Add("https://*.web-sandbox.oaiusercontent.com");
    })
    .WithWidgetTools<ContentTools>();

builder.Services.AddSingleton(services => ArticleLibrary.Load(Path.Combine(services.GetRequiredService<IHostEnvironment>().ContentRootPath, "Articles")));
builder.Services.AddRazorPages();

var app = builder.Build();
app.UseStaticFiles();
app.UseCors();

// The widget is the app's own home page (ContentTools' [Widget(AppPage = "/")]). Inside the host's sandboxed iframe
// its script fetches the other pages and the search data from this origin, so those endpoints allow the sandbox's
// origin (any in Development, Inlay:WidgetCorsOrigins elsewhere).
app.MapRazorPages().RequireWidgetCors();
app.MapGet("/api/articles", Results<Ok<IReadOnlyList<ArticleSummary>>, ProblemHttpResult> (string? q, ArticleLibrary library) =>
        q is { Length: > ArticleLibrary.MaxQueryLength }
            ? TypedResults.Problem($"The search query must be at most {ArticleLibrary.MaxQueryLength} characters.", statusCode: StatusCodes.Status400BadRequest)
            : TypedResults.Ok(library.Search(q)))
    .RequireWidgetCors();
app.MapInlay("/mcp");
app.Run();

/// <summary>The Content sample app; public so tests can start it.</summary>
public partial class Program;
