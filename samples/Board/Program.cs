using Board;
using Inlay;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(sp => BoardDatabase.FromConfiguration(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
builder.Services.AddSingleton<BoardStore>();
builder.Services.AddHostedService<BoardStartup>();
builder.Services.AddHealthChecks();

builder.Services.AddMcpServer(options => options.ServerInfo = new() { Name = "board", Version = "1.0.0" })
    .WithHttpTransport(http => http.Stateless = true)
    .WithInlay()
    .WithWidgetTools<BoardTools>(InlayJson.CreateOptions(BoardJsonContext.Default));

var app = builder.Build();
app.MapInlay("/mcp");
app.MapHealthChecks("/health");
app.Run();

/// <summary>The Board sample app; public so tests can start it.</summary>
public partial class Program;
