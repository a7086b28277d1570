using Inlay;
using InlayApp;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddMcpServer(options => options.ServerInfo = new() { Name = "InlayApp", Version = "1.0.0" })
    .WithHttpTransport(http => http.Stateless = true)
    .WithInlay()
    .WithWidgetTools<DiceTools>();

builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapInlay("/mcp");
app.MapHealthChecks("/health");
app.Run();
