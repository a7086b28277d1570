namespace Inlay;

/// <summary>Set once start-up validation has passed and the server listens.</summary>
internal sealed class InlayReadiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
