using Board;
using Inlay;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(sp => BoardDatabase.FromConfiguration(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
builder.Services.AddSingleton<BoardStore>();
builder.Services.AddHostedService<BoardStartup>();
builder.Services.AddHealthChecks();

var mcp = builder.Services.AddMcpServer(options => options.ServerInfo = new() { Name = "board", Version = "1.0.0" })
    .WithHttpTransport(http => http.Stateless = true)
    .WithInlay()
    .WithWidgetTools<BoardTools>(InlayJson.CreateOptions(BoardJsonContext.Default));

var authority = BoardSignIn.Authority(builder.Configuration);
if (authority is not null) BoardSignIn.Add(builder, mcp, authority);

var app = builder.Build();
var endpoint = app.MapInlay("/mcp");
if (authority is not null) endpoint.RequireAuthorization();
app.MapHealthChecks("/health");
app.Run();

/// <summary>The Board sample app; public so tests can start it.</summary>
public partial class Program;
