namespace Inlay;

/// <summary>A declaration that cannot work (or may not work) in a targeted host.</summary>
/// <param name="Rule">The rule that found it.</param>
/// <param name="Host">The host it concerns.</param>
/// <param name="WidgetUri">The widget it concerns.</param>
/// <param name="Problem">What goes wrong there and what to do, as one sentence.</param>
internal sealed record HostFinding(HostRule Rule, HostProfile Host, string WidgetUri, string Problem)
{
    /// <summary>The finding as a start-up warning prints it: <c>[IH004] widget 'ui://…' in Claude: …</c>.</summary>
    public override string ToString() => $"[{Rule.Id}] widget '{WidgetUri}' in {Host.Name}: {Problem}";
}
