using Microsoft.Extensions.Primitives;

namespace Inlay;

/// <summary>
/// The content versions Inlay advertises widgets at (<c>ui://widget/greeting.html?v=3f2a9c1b7e0d</c>), the files they
/// are computed from, and a way to compute them again. Registered by <c>WithInlay()</c>. For development tools that
/// serve a rebuilt widget without a restart, such as the widget watching of <c>Inlay.DevHost</c>.
/// </summary>
public interface IWidgetVersions
{
    /// <summary>
    /// The version the widget declared at <paramref name="widgetUri"/> is advertised with, or <see langword="null"/>
    /// when its URI carries none (versioning off, a page of the app, or not computed yet).
    /// </summary>
    /// <param name="widgetUri">The widget's declared URI, such as <c>ui://widget/greeting.html</c>.</param>
    string? Current(string widgetUri);

    /// <summary>The full paths of the asset folders and HTML files widgets are read from: what a rebuild changes.</summary>
    IReadOnlyList<string> SourcePaths { get; }

    /// <summary>A token that fires once, after the next <see cref="RefreshAsync"/> that changed any widget's version.</summary>
    IChangeToken GetChangeToken();

    /// <summary>
    /// Reads every widget's files again: a widget whose files changed gets a new version, and its cached document is
    /// read again on the next <c>resources/read</c>. A widget whose files cannot be read keeps its version.
    /// </summary>
    /// <param name="cancellationToken">Cancels the reading.</param>
    Task RefreshAsync(CancellationToken cancellationToken = default);
}
