using Hello;
using Inlay;

// The slim builder, as the ASP.NET Core Native AOT template uses: fewer defaults to set up, so a faster cold start.
var builder = WebApplication.CreateSlimBuilder(args);

builder.Services.AddMcpServer(options => options.ServerInfo = new() { Name = "hello", Version = "1.0.0" })
    .WithHttpTransport(http => http.Stateless = true)
    .WithInlay()
    .WithWidgetTools<GreetingTools>(InlayJson.CreateOptions(HelloJsonContext.Default));

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapInlay("/mcp");
app.MapHealthChecks("/health");
app.Run();

/// <summary>The Hello sample app; public so tests can start it.</summary>
public partial class Program;
