using System.Reflection;

namespace Inlay;

/// <summary>
/// Binds a <c>[WidgetTool]</c> without a URI to the widget its class declares with <c>[Widget]</c>, so a class with one
/// widget says its URI once.
/// </summary>
internal static class ClassWidgetBinding
{
    /// <summary>
    /// The options with the class's widget URI filled in; throws <see cref="InlayValidationException"/> when the class
    /// declares no widget or several, since the tool cannot tell which one it shows.
    /// </summary>
    /// <param name="method">The tool method, as found on the class that was registered.</param>
    /// <param name="toolName">The tool's name, for the message.</param>
    /// <param name="widget">The options read from the attribute.</param>
    public static WidgetToolOptions Bind(MethodInfo method, string toolName, WidgetToolOptions widget)
    {
        // ReflectedType is the registered class (WithWidgetTools<T>), whose widgets include inherited ones.
        var type = method.ReflectedType ?? method.DeclaringType!;
        var uris = type.GetCustomAttributes<WidgetAttribute>().Select(w => w.Uri).ToList();
        if (uris.Count == 1) return widget.WithWidget(uris[0]);

        var where = $"tool '{toolName}': [WidgetTool] on {type.Name}.{method.Name} names no widget URI";
        throw new InlayValidationException([uris.Count == 0
            ? $"{where}, and {type.Name} declares no [Widget]; declare the widget on the class or name its URI in [WidgetTool(\"ui://…\")]."
            : $"{where}, and {type.Name} declares {uris.Count} widgets ({string.Join(", ", uris)}); name the one it shows, such as [WidgetTool(\"{uris[0]}\")]."]);
    }
}
