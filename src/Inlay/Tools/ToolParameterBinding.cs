using System.Reflection;
using System.Security.Claims;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Inlay;

/// <summary>
/// Binds the parameters of a widget tool the way the MCP SDK binds its own tools: request-scoped MCP values and
/// DI services come from the request's services and stay out of the input schema; everything else is an argument.
/// </summary>
internal static class ToolParameterBinding
{
    /// <summary>The parameter types the SDK's request service provider answers for every tool call.</summary>
    private static bool IsRequestValue(Type type) =>
        type == typeof(RequestContext<CallToolRequestParams>) ||
        type == typeof(McpServer) ||
        type == typeof(IProgress<ProgressNotificationValue>) ||
        type == typeof(ClaimsPrincipal) ||
        type == typeof(ClientHints);

    public static Func<ParameterInfo, AIFunctionFactoryOptions.ParameterBindingOptions> Create(IServiceProvider? services)
    {
        var isService = services?.GetService<IServiceProviderIsService>();
        return parameter =>
        {
            if (parameter.ParameterType == typeof(ClientHints))
                return new() { ExcludeFromSchema = true, BindParameter = static (_, args) => ClientHints.From(RequestOf(args)) };

            // The caller is always there, like the cancellation token: signed in, or an anonymous principal, so a
            // tool that serves both needs no null check (the SDK leaves it unbound when no one signed in).
            if (parameter.ParameterType == typeof(ClaimsPrincipal))
                return new() { ExcludeFromSchema = true, BindParameter = static (_, args) => RequestOf(args).User ?? new ClaimsPrincipal(new ClaimsIdentity()) };

            if (IsRequestValue(parameter.ParameterType) || isService?.IsService(parameter.ParameterType) == true)
                return new() { ExcludeFromSchema = true, BindParameter = static (p, args) => ServiceOrDefault(p, args.Services?.GetService(p.ParameterType)) };

            if (parameter.GetCustomAttribute<FromKeyedServicesAttribute>() is { } keyed)
            {
                return new()
                {
                    ExcludeFromSchema = true,
                    BindParameter = (p, args) => ServiceOrDefault(p, (args.Services as IKeyedServiceProvider)?.GetKeyedService(p.ParameterType, keyed.Key)),
                };
            }

            return default;
        };
    }

    /// <summary>The tool call being served; the SDK's request service provider answers for it.</summary>
    public static RequestContext<CallToolRequestParams> RequestOf(AIFunctionArguments args) =>
        args.Services?.GetService(typeof(RequestContext<CallToolRequestParams>)) as RequestContext<CallToolRequestParams>
        ?? throw new InvalidOperationException("The tool was invoked outside an MCP tools/call request.");

    private static object? ServiceOrDefault(ParameterInfo parameter, object? service) =>
        service ?? (parameter.HasDefaultValue
            ? null
            : throw new InvalidOperationException($"No service of type {parameter.ParameterType} is registered for parameter '{parameter.Name}'."));
}
