using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Inlay;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Inlay, widgets and widget tools on an MCP server.</summary>
public static class InlayMcpServerBuilderExtensions
{
    /// <summary>
    /// Adds Inlay to the MCP server: widget resources in both dialects, start-up validation of every declaration,
    /// argument checks before each tool runs, and <see cref="ClientHints"/> for tools. Binds <see cref="InlayOptions"/>
    /// from the <c>Inlay</c> configuration section.
    /// </summary>
    /// <param name="builder">The MCP server builder.</param>
    /// <param name="configure">Changes options after configuration is bound.</param>
    public static IMcpServerBuilder WithInlay(this IMcpServerBuilder builder, Action<InlayOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddInlayCore(builder);
        if (configure is not null) builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adds a widget declared in code.</summary>
    /// <param name="builder">The MCP server builder.</param>
    /// <param name="widget">The widget.</param>
    public static IMcpServerBuilder WithWidget(this IMcpServerBuilder builder, WidgetDeclaration widget)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(widget);
        AddInlayCore(builder);
        builder.Services.AddSingleton(widget);
        return builder;
    }

    /// <summary>Adds a widget declared in code.</summary>
    /// <param name="builder">The MCP server builder.</param>
    /// <param name="uri">The resource URI, such as <c>ui://widget/greeting.html</c>.</param>
    /// <param name="html">Where the widget's HTML comes from.</param>
    /// <param name="configure">Sets the widget's title, CSP and other properties.</param>
    public static IMcpServerBuilder WithWidget(this IMcpServerBuilder builder, string uri, WidgetHtmlSource html, Action<WidgetDeclaration>? configure = null)
    {
        var widget = new WidgetDeclaration(uri, html);
        configure?.Invoke(widget);
        return builder.WithWidget(widget);
    }

    /// <summary>
    /// Adds the tools of <typeparamref name="TTools"/> (methods marked <c>[McpServerTool]</c>; those also marked
    /// <see cref="WidgetToolAttribute"/> become widget tools) and the widgets declared on it with <see cref="WidgetAttribute"/>.
    /// Instance methods get a new instance per call, built with dependency injection.
    /// </summary>
    /// <typeparam name="TTools">The class holding the tools.</typeparam>
    /// <param name="builder">The MCP server builder.</param>
    /// <param name="serializerOptions">Serializer options for arguments and results; pass a source-generated context for Native AOT.</param>
    public static IMcpServerBuilder WithWidgetTools<[DynamicallyAccessedMembers(
        DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)] TTools>(
        this IMcpServerBuilder builder, JsonSerializerOptions? serializerOptions = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddInlayCore(builder);
        var type = typeof(TTools);
        foreach (var widget in type.GetCustomAttributes<WidgetAttribute>())
            builder.Services.AddSingleton(widget.ToDeclaration(type));

        foreach (var method in type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (method.GetCustomAttribute<McpServerToolAttribute>() is null) continue;
            var widget = method.GetCustomAttribute<WidgetToolAttribute>();
            Func<IServiceProvider, object>? createTarget = method.IsStatic ? null : services => ActivatorUtilities.CreateInstance(services, type);
            builder.Services.AddSingleton<McpServerTool>(services => widget is not null
                ? WidgetToolFactory.Create(method, null, createTarget, WidgetToolOptions.From(widget), services, serializerOptions)
                : createTarget is null
                    ? McpServerTool.Create(method, (object?)null, new McpServerToolCreateOptions { Services = services, SerializerOptions = serializerOptions })
                    : McpServerTool.Create(method, request => createTarget(request.Services!), new McpServerToolCreateOptions { Services = services, SerializerOptions = serializerOptions }));
        }
        return builder;
    }

    /// <summary>Adds a widget tool built in code: <paramref name="method"/> runs on each call and its result is shown in the widget.</summary>
    /// <param name="builder">The MCP server builder.</param>
    /// <param name="method">The tool's implementation. Its parameters become the input schema; a <see cref="WidgetResult{T}"/> return gives the output schema.</param>
    /// <param name="widget">Which widget shows the result, and how.</param>
    /// <param name="options">The tool's name, title, annotations and serializer options.</param>
    public static IMcpServerBuilder WithWidgetTool(this IMcpServerBuilder builder, Delegate method, WidgetToolOptions widget, McpServerToolCreateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(widget);
        AddInlayCore(builder);
        builder.Services.AddSingleton<McpServerTool>(services =>
            WidgetToolFactory.Create(method.Method, method.Target, null, widget, services, options?.SerializerOptions, options));
        return builder;
    }

    private static void AddInlayCore(IMcpServerBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(InlayMarker))) return;
        services.AddSingleton<InlayMarker>();

        services.AddOptions<InlayOptions>().BindConfiguration(InlayOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InlayOptions>, InlayOptionsValidator>());
        services.AddHttpContextAccessor();
        WidgetAssetEndpoints.AddWidgetAssetServices(services);
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, McpRateLimitPolicy>(McpRateLimitPolicy.Name));
        services.TryAddSingleton<RateLimiterMiddlewareCheck>();
        services.AddSingleton<IStartupFilter>(static sp => sp.GetRequiredService<RateLimiterMiddlewareCheck>());
        services.TryAddSingleton<PublicUrlResolver>();
        services.TryAddSingleton<InlayEndpointRegistry>();
        services.TryAddSingleton<InlayReadiness>();
        services.TryAddSingleton<WidgetResourceCatalog>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WidgetGenerationStore>();
        services.TryAddSingleton<WidgetVersions>();
        services.TryAddSingleton<IWidgetVersions>(static sp => sp.GetRequiredService<WidgetVersions>());
        services.TryAddSingleton<AppPipeline>();
        services.AddSingleton<IStartupFilter>(static sp => sp.GetRequiredService<AppPipeline>());
        services.TryAddSingleton<AppPageRenderer>();
        services.TryAddSingleton<ProtectedToolCatalog>();
        services.AddHealthChecks().AddCheck<InlayHealthCheck>("inlay");
        services.TryAddSingleton<RequestOriginPolicy>();
        services.TryAddSingleton<McpEndpointGuard>();
        services.TryAddScoped<ToolCallAccessor>();
        services.TryAddScoped(static sp => sp.GetRequiredService<ToolCallAccessor>().Request is { } call ? ClientHints.From(call) : ClientHints.None);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<McpServerOptions>, WidgetResourceSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ToolSchemaExportService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, InlayStartup>());
        builder.WithRequestFilters(filters => filters.AddCallToolFilter(ToolCallFilter.Create));
        builder.WithMessageFilters(filters => filters.AddOutgoingFilter(SecuritySchemesFilter.Create));
        InlayExtensionDiscovery.AddNamedExtensions(services);
    }
}
