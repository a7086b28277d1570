using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inlay;

/// <summary>
/// Checks <see cref="InlayOptions"/> and its sections when the app starts (<c>ValidateOnStart</c>), failing start-up
/// with one message per wrong setting, each naming the setting as it is configured (<c>Inlay:PublicUrl</c>).
/// </summary>
internal sealed class InlayOptionsValidator(IHostEnvironment environment) : IValidateOptions<InlayOptions>
{
    public ValidateOptionsResult Validate(string? name, InlayOptions options)
    {
        var problems = new List<string>();
        if (PublicUrlProblem(options.PublicUrl) is { } publicUrl) problems.Add(publicUrl);
        if (AssetBaseUrlProblem(options.WidgetAssetBaseUrl, environment.IsDevelopment()) is { } assetBaseUrl) problems.Add(assetBaseUrl);
        if (options.MaxRequestBodyBytes <= 0)
            problems.Add($"Inlay:MaxRequestBodyBytes is {options.MaxRequestBodyBytes}; it must be a positive number of bytes (1048576 by default).");
        if (options.Widgets.RetainPreviousGenerations < TimeSpan.Zero)
            problems.Add($"Inlay:Widgets:RetainPreviousGenerations '{options.Widgets.RetainPreviousGenerations}' is negative; use 0 to keep no previous asset generations.");
        if (options.RateLimit.PermitLimit < 0)
            problems.Add($"Inlay:RateLimit:PermitLimit is {options.RateLimit.PermitLimit}; it must be a positive number of requests per window, or 0 for no limit.");
        foreach (var origin in options.AllowedOrigins.Where(o => !IsOrigin(o, wildcardSubdomain: false)))
            problems.Add($"Inlay:AllowedOrigins has '{origin}', which is not an origin (a browser's Origin header: scheme, host and port, such as https://app.example.com).");
        foreach (var origin in options.WidgetCorsOrigins.Where(o => !IsOrigin(o, wildcardSubdomain: true)))
            problems.Add($"Inlay:WidgetCorsOrigins has '{origin}', which is not an origin (such as https://*.web-sandbox.oaiusercontent.com: scheme, host, optional port, no path).");
        foreach (var id in HostTargets.UnknownIds(options.Hosts))
            problems.Add($"Inlay:Hosts names '{id}', which is not a host Inlay knows: use {string.Join(", ", HostProfiles.All.Select(h => h.Id))}.");
        if (options.RateLimit.Window <= TimeSpan.Zero)
            problems.Add($"Inlay:RateLimit:Window '{options.RateLimit.Window}' must be a positive time span, such as 00:01:00.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Whether <paramref name="value"/> is an http(s) origin, with <c>*.</c> before the host allowed when <paramref name="wildcardSubdomain"/>.</summary>
    private static bool IsOrigin(string value, bool wildcardSubdomain)
    {
        var candidate = value.Trim().TrimEnd('/');
        if (wildcardSubdomain) candidate = candidate.Replace("://*.", "://wildcard.", StringComparison.Ordinal);
        return Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.UserInfo.Length == 0 && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0
            && candidate.Length == uri.GetLeftPart(UriPartial.Authority).Length;
    }

    /// <summary>A problem with <see cref="InlayOptions.PublicUrl"/>, or <see langword="null"/> when it is unset or fine.</summary>
    internal static string? PublicUrlProblem(string? configured) =>
        string.IsNullOrWhiteSpace(configured) || PublicUrlResolver.Normalize(configured) is not null
            ? null
            : $"Inlay:PublicUrl '{configured}' is not an absolute http(s) URL without query or fragment, such as https://myapp.example.com.";

    /// <summary>A problem with <see cref="InlayOptions.WidgetAssetBaseUrl"/>, or <see langword="null"/> when it is unset or fine.</summary>
    internal static string? AssetBaseUrlProblem(string? configured, bool isDevelopment)
    {
        if (string.IsNullOrWhiteSpace(configured)) return null;
        if (PublicUrlResolver.Normalize(configured) is not { } url)
            return $"Inlay:WidgetAssetBaseUrl '{configured}' is not an absolute http(s) URL without query or fragment, such as https://cdn.example.com/myapp/widgets.";
        if (!isDevelopment && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return $"Inlay:WidgetAssetBaseUrl '{configured}' must use https outside Development: hosts load widget assets only over https.";
        return null;
    }
}
