using System.ComponentModel;
using System.Security.Claims;
using Inlay;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using ModelContextProtocol.Server;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

var mcp = builder.Services.AddMcpServer()
    .WithHttpTransport(http => http.Stateless = true)
    .WithInlay()
    .WithWidget("ui://widget/greeting.html", WidgetHtmlSource.FromString("<div id=\"root\"></div>"))
    .WithWidgetTools<GreetingTools>();

var authority = builder.Configuration["Auth:Authority"];
if (!string.IsNullOrEmpty(authority))
{
    builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
        .AddJwtBearer(o =>
        {
            o.Authority = authority;
            o.MapInboundClaims = false;
            o.RequireHttpsMetadata = false; // the authorization server runs on loopback http here
        })
        .AddInlayResourceServer();
    builder.Services.AddAuthorization();
    mcp.RequireToolScopes(builder.Configuration["Auth:Scope"] ?? "board");
}

var app = builder.Build();
var endpoint = app.MapInlay("/mcp");
if (!string.IsNullOrEmpty(authority)) endpoint.RequireAuthorization();
app.Run();

/// <summary>The tool both runs measure: it reads the caller, as a tool serving signed-in people does.</summary>
internal sealed class GreetingTools
{
    [McpServerTool(Name = "greet_user", ReadOnly = true, Destructive = false, OpenWorld = false)]
    [WidgetTool("ui://widget/greeting.html")]
    [Description("Greets the user.")]
    public static WidgetResult<Greeting> Greet(string name, ClaimsPrincipal user) =>
        new(new Greeting($"Hello, {name}!", user.FindFirst("sub")?.Value ?? "anonymous"), $"Greeted {name}.");
}

internal sealed record Greeting(string Message, string Caller);
