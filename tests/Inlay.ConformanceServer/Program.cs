using Inlay.ConformanceServer;
using ModelContextProtocol.Protocol;

// The fixture server of the official MCP conformance suite, hosted the way an Inlay app is:
// WithInlay() and MapInlay(), so the suite also exercises Inlay's endpoint protections.
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddMcpServer(options => options.ServerInfo = new() { Name = "inlay-conformance", Version = "1.0.0" })
    .WithHttpTransport(http => http.Stateless = false)
    .WithInlay()
    .WithTools<ConformanceTools>()
    .WithTools([ConformanceTools.JsonSchema202012Tool()])
    .WithResources<ConformanceResources>()
    .WithPrompts<ConformancePrompts>()
    .WithCompleteHandler((request, _) => ValueTask.FromResult(ConformanceCompletions.Complete(request.Params)))
    .WithSubscribeToResourcesHandler((_, _) => ValueTask.FromResult(new EmptyResult()))
    .WithUnsubscribeFromResourcesHandler((_, _) => ValueTask.FromResult(new EmptyResult()));

var app = builder.Build();
app.MapInlay("/mcp");
app.Run();
