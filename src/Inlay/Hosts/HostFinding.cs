namespace Inlay;

/// <summary>A declaration that cannot work (or may not work) in a targeted host.</summary>
/// <param name="Rule">The rule that found it.</param>
/// <param name="Host">The host it concerns.</param>
/// <param name="WidgetUri">The widget it concerns.</param>
/// <param name="Problem">What goes wrong there and what to do, as one sentence.</param>
internal sealed record HostFinding(HostRule Rule, HostProfile Host, string WidgetUri, string Problem);
