namespace Inlay;

/// <summary>Makes relative asset URLs in a widget document absolute on the app's public URL.</summary>
internal static class WidgetHtmlRewriter
{
    /// <summary>Returns <paramref name="html"/> with every relative asset URL resolved against <paramref name="publicBaseUrl"/> + <paramref name="assetBasePath"/>.</summary>
    /// <param name="html">The widget document.</param>
    /// <param name="publicBaseUrl">The app's public base URL without a trailing slash, such as <c>https://app.example.com</c>.</param>
    /// <param name="assetBasePath">The URL path relative URLs resolve against, starting and ending with <c>/</c>.</param>
    public static string Rewrite(string html, string publicBaseUrl, string assetBasePath) => html;
}
