namespace Inlay;

/// <summary>Browser permissions a widget asks its host to grant to the sandboxed iframe (<c>_meta.ui.permissions</c>).</summary>
[Flags]
public enum WidgetPermissions
{
    /// <summary>No extra permission.</summary>
    None = 0,

    /// <summary>Camera access.</summary>
    Camera = 1,

    /// <summary>Microphone access.</summary>
    Microphone = 2,

    /// <summary>Geolocation access.</summary>
    Geolocation = 4,

    /// <summary>Writing to the clipboard.</summary>
    ClipboardWrite = 8,
}
