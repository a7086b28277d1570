using System.ComponentModel;
using Inlay;
using ModelContextProtocol.Server;

namespace Hello;

/// <summary>
/// The greeting widget and the tool that shows it. The widget is a React app (web/widgets/hello) that the build
/// writes to widgets/greeting/dist; Inlay serves that folder and reads the entry from its Vite manifest.
/// </summary>
[Widget("ui://widget/greeting.html",
    AssetFolder = "widgets/greeting/dist",
    Title = "Greeting",
    Description = "A card that greets someone by name.",
    ModelDescription = "Shows the greeting and when it was made; no need to repeat it.",
    PrefersBorder = true)]
public sealed class GreetingTools(TimeProvider clock)
{
    /// <summary>Greets someone; the widget shows the greeting and its timestamp.</summary>
    [McpServerTool(Name = "greet_user", Title = "Greet a user", ReadOnly = true, Destructive = false, OpenWorld = false, Idempotent = true)]
    [Description("Greets a person by name and shows the greeting in a card.")]
    [WidgetTool(Invoking = "Writing a greeting…", Invoked = "Greeting ready")]
    public WidgetResult<Greeting> Greet(
        [Description("The name of the person to greet.")] string name,
        ClientHints hints)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > 100)
            throw new ModelContextProtocol.McpException("The name must be between 1 and 100 characters.");

        var greeting = new Greeting($"Hello, {trimmed}!", trimmed, clock.GetUtcNow(), hints.Locale);
        return new WidgetResult<Greeting>(greeting, $"Greeted {trimmed}. The widget shows the greeting and when it was made.");
    }
}

/// <summary>The structured result of <c>greet_user</c>.</summary>
/// <param name="Message">The greeting text.</param>
/// <param name="Name">Who was greeted.</param>
/// <param name="GreetedAt">When, in UTC (ISO 8601 on the wire).</param>
/// <param name="Locale">The locale the client asked for, if any.</param>
public sealed record Greeting(string Message, string Name, DateTimeOffset GreetedAt, string? Locale);
