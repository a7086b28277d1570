using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay.Tests.Parity;

/// <summary>
/// Each tool method of a class built twice with the same services: by the SDK's <c>McpServerTool.Create</c>, as
/// <c>WithTools&lt;T&gt;()</c> does, and by Inlay's <c>WithWidgetTools&lt;T&gt;()</c>.
/// </summary>
public sealed class ToolPairs
{
    private static readonly Dictionary<Type, ToolPairs> Built = [];

    private readonly Dictionary<string, (McpServerTool Sdk, WidgetTool Inlay)> _byMethod;

    private ToolPairs(Dictionary<string, (McpServerTool, WidgetTool)> byMethod) => _byMethod = byMethod;

    /// <summary>The names of the tool methods.</summary>
    public IEnumerable<string> Methods => _byMethod.Keys;

    /// <summary>The two tools built from the method called <paramref name="method"/>.</summary>
    public (McpServerTool Sdk, WidgetTool Inlay) For(string method) => _byMethod[method];

    /// <summary>The pairs for <typeparamref name="TTools"/>, built once.</summary>
    public static ToolPairs Of<TTools>()
    {
        lock (Built)
        {
            if (!Built.TryGetValue(typeof(TTools), out var pairs)) Built[typeof(TTools)] = pairs = Build<TTools>();
            return pairs;
        }
    }

    /// <summary>The services the parity tools need, registered the same way for both builds.</summary>
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton(new Greeter("Hi"));
        services.AddKeyedSingleton("formal", new Greeter("Dear"));
        services.AddKeyedSingleton("formal", new Signature("Yours faithfully"));
    }

    /// <summary>The SDK's tool for <paramref name="method"/>, built the way <c>WithTools&lt;T&gt;()</c> builds it.</summary>
    public static McpServerTool CreateSdkTool(MethodInfo method, IServiceProvider services, string? name = null)
    {
        var options = new McpServerToolCreateOptions { Services = services, Name = name };
        var type = method.DeclaringType!;
        return method.IsStatic
            ? McpServerTool.Create(method, (object?)null, options)
            : McpServerTool.Create(method, (RequestContext<CallToolRequestParams> request) => ActivatorUtilities.CreateInstance(request.Services!, type), options);
    }

    private static ToolPairs Build<TTools>()
    {
        var builder = WebApplication.CreateSlimBuilder();
        AddServices(builder.Services);
        builder.Services.AddMcpServer().WithInlay().WithWidgetTools<TTools>();
        var services = builder.Build().Services;

        var inlay = services.GetServices<McpServerTool>().OfType<WidgetTool>().ToDictionary(t => ((MethodInfo)t.Metadata[0]).Name);
        var pairs = new Dictionary<string, (McpServerTool, WidgetTool)>(StringComparer.Ordinal);
        foreach (var method in typeof(TTools).GetMethods().Where(m => m.GetCustomAttribute<McpServerToolAttribute>() is not null))
            pairs[method.Name] = (CreateSdkTool(method, services), inlay[method.Name]);
        return new ToolPairs(pairs);
    }
}
