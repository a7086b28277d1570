using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inlay;

/// <summary>
/// Serves the files of widgets built into asset folders (<see cref="WidgetHtmlSource.FromAssetFolder"/>) under
/// <c>/_inlay/widgets/{slug}/</c>, with ASP.NET Core's static file middleware: content types by extension (unknown
/// types are not served), ETag and Last-Modified with conditional and range requests, no directory listing, no paths
/// outside the folder, no dot-files. Content-hashed names (<c>index-4f3a9c1b.js</c>) are cached for a year; other
/// files are revalidated. Cross-origin requests follow the <see cref="WidgetCorsPolicy"/>. A file missing from the
/// folder is looked up in the previous generations the <see cref="WidgetGenerationStore"/> keeps, so documents hosts
/// cached before a deploy still load their assets (with the same cache headers).
/// </summary>
internal static class WidgetAssetEndpoints
{
    /// <summary>The URL path asset folders are served under.</summary>
    public const string PathPrefix = "/_inlay/widgets/";

    private const string ImmutableCache = "public, max-age=31536000, immutable";

    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();

    /// <summary>Registers what <see cref="Map"/> and the public URL need: CORS services with <see cref="WidgetCorsPolicy.Name"/>, and environment variables.</summary>
    public static void AddWidgetAssetServices(IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>()
            .Configure<IOptions<InlayOptions>, IHostEnvironment>((cors, inlay, environment) =>
                cors.AddPolicy(WidgetCorsPolicy.Name, WidgetCorsPolicy.Build(inlay.Value, environment.IsDevelopment())));
        services.TryAddSingleton<IEnvironmentVariables>(ProcessEnvironmentVariables.Instance);
    }

    /// <summary>
    /// Maps one endpoint per asset folder the widgets use. Two widgets may share a folder; two different folders with
    /// the same slug are an error.
    /// </summary>
    /// <returns>The URL paths mapped, such as <c>/_inlay/widgets/greeting/</c>.</returns>
    public static IReadOnlyList<string> Map(IEndpointRouteBuilder endpoints, IEnumerable<WidgetDeclaration> widgets)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(widgets);
        var contentRoot = endpoints.ServiceProvider.GetRequiredService<IHostEnvironment>().ContentRootPath;
        var folders = new Dictionary<string, (string Root, WidgetDeclaration Widget)>(StringComparer.OrdinalIgnoreCase);
        foreach (var widget in widgets)
        {
            if (widget.Html is not AssetFolderHtmlSource source) continue;
            var root = source.PhysicalPath(contentRoot);
            if (folders.TryGetValue(source.Slug, out var existing))
            {
                if (!string.Equals(existing.Root, root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
                    throw new InvalidOperationException(
                        $"Widgets '{existing.Widget.Uri}' and '{widget.Uri}' use different asset folders ('{existing.Root}' and '{root}') " +
                        $"that would both be served at {source.AssetBasePath}. Give one a slug of its own: " +
                        "WidgetHtmlSource.FromAssetFolder(folder, slug: \"...\") or [Widget(..., AssetSlug = \"...\")].");
                continue;
            }
            folders.Add(source.Slug, (root, widget));
        }

        var mapped = new List<string>(folders.Count);
        var generations = endpoints.ServiceProvider.GetService<WidgetGenerationStore>();
        var time = endpoints.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
        foreach (var (slug, (root, _)) in folders)
        {
            var current = new AssetFolderFileProvider(root);
            MapFolder(endpoints, slug, generations is null ? current : new RetainedAssetFileProvider(current, slug, generations, time));
            mapped.Add(PathPrefix + slug + "/");
        }
        return mapped;
    }

    private static void MapFolder(IEndpointRouteBuilder endpoints, string slug, IFileProvider files)
    {
        var requestPath = PathPrefix + slug;
        var app = endpoints.CreateApplicationBuilder();
        // The static file middleware stands aside when an endpoint was matched; this pipeline is that endpoint.
        app.Use(static (context, next) =>
        {
            context.SetEndpoint(null);
            return next(context);
        });
        app.UseCors(WidgetCorsPolicy.Name);
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = requestPath,
            FileProvider = files,
            ContentTypeProvider = ContentTypes,
            ServeUnknownFileTypes = false,
            OnPrepareResponse = static file =>
            {
                var headers = file.Context.Response.Headers;
                headers.CacheControl = LooksContentHashed(file.File.Name) ? ImmutableCache : "no-cache";
                headers.XContentTypeOptions = "nosniff";
                headers["Cross-Origin-Resource-Policy"] = "cross-origin";
            },
        });
        app.Run(static context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

        endpoints.Map(requestPath + "/{**path}", app.Build())
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head], acceptCorsPreflight: true))
            .WithDisplayName($"Inlay widget assets {requestPath}/");
    }

    /// <summary>
    /// Whether a file name carries a content hash, as bundlers write them: a part of at least 8 letters, digits or
    /// '_' with both a letter and a digit, after a '-' or '.' (<c>index-Dw1kqF5e.js</c>, <c>main.3f2a9c1b.css</c>).
    /// Names that only might be hashed are revalidated rather than cached, which costs a request, never staleness.
    /// </summary>
    internal static bool LooksContentHashed(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        var parts = name.Split('-', '.');
        for (var i = 1; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length >= 8
                && part.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
                && part.Any(char.IsAsciiDigit)
                && part.Any(char.IsAsciiLetter))
                return true;
        }
        return false;
    }

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".map"] = "application/json";
        provider.Mappings[".mjs"] = "text/javascript";
        return provider;
    }
}
