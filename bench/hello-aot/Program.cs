// samples/Hello/Program.cs plus the one thing Native AOT needs from the app: a source-generated JSON context for the
// tool's own types, chained in front of the SDK's and passed to WithWidgetTools.
using System.Text.Json;
using System.Text.Json.Serialization;
using Hello;
using Inlay;
using ModelContextProtocol;

var json = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions);
json.TypeInfoResolverChain.Insert(0, HelloJsonContext.Default);
json.MakeReadOnly();

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddMcpServer(options => options.ServerInfo = new() { Name = "hello", Version = "1.0.0" })
    .WithHttpTransport(http => http.Stateless = true)
    .WithInlay()
    .WithWidgetTools<GreetingTools>(json);

builder.Services.AddSingleton(TimeProvider.System);

var app = builder.Build();
app.MapInlay("/mcp");
app.Run();

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Greeting))]
[JsonSerializable(typeof(WidgetResult<Greeting>))]
internal sealed partial class HelloJsonContext : JsonSerializerContext;
