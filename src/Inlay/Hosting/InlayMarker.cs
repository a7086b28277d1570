namespace Inlay;

/// <summary>Marks a service collection that already has Inlay's services.</summary>
internal sealed class InlayMarker;
