namespace Inlay;

/// <summary>What a host does with origins a widget declares in its CSP lists.</summary>
public enum HostCspHandling
{
    /// <summary>The host adds them to the widget frame's Content Security Policy.</summary>
    Applied,

    /// <summary>Sources disagree: documented as applied, reported as ignored. Loads from those origins may be blocked.</summary>
    Disputed,

    /// <summary>The host leaves them out; loads from those origins are blocked.</summary>
    Ignored,
}
