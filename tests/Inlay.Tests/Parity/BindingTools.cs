using System.ComponentModel;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay.Tests.Parity;

/// <summary>
/// A tool taking every kind of parameter the SDK binds specially (request values, DI services, keyed services) beside
/// ordinary arguments; it reports what it was given, so the SDK's tool and Inlay's can be compared call by call.
/// </summary>
[Widget("ui://widget/binding.html", HtmlFile = "widgets/catalog.html")]
public sealed class BindingTools(Greeter constructed)
{
    public enum Size { Small, Medium, Large }

    [McpServerTool(Name = "bind", ReadOnly = true, Destructive = false, OpenWorld = false), WidgetTool]
    [Description("Reports how each parameter was bound.")]
    public string Bind(
        [Description("Who to greet.")] string name,
        int count,
        Size size,
        DateOnly day,
        CancellationToken cancellationToken,
        IServiceProvider services,
        McpServer server,
        RequestContext<CallToolRequestParams> context,
        IProgress<ProgressNotificationValue> progress,
        Greeter injected,
        [FromKeyedServices("formal")] Greeter formal,
        [FromKeyedServices("formal")] Signature signature,
        ClientHints hints,
        ClaimsPrincipal? user = null,
        int? limit = null,
        string greeting = "Hello") =>
        string.Join("|",
            name, count, size, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), limit?.ToString() ?? "-", greeting,
            cancellationToken.CanBeCanceled, services.GetService<Greeter>() is not null, server is not null,
            string.Join(",", (context.Params?.Arguments?.Keys ?? []).Order(StringComparer.Ordinal)), progress is not null,
            user?.Identity?.IsAuthenticated == true ? "signed in" : "not signed in", injected.Greet(name), formal.Greet(name), signature.Text, hints is not null, constructed.Greet(name));

    /// <summary>Asks for the caller without a default, which the SDK cannot bind when no one signed in.</summary>
    [McpServerTool(Name = "whoami", ReadOnly = true, Destructive = false, OpenWorld = false), WidgetTool]
    public static string WhoAmI(ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";
}
