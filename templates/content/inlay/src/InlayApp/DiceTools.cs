using System.ComponentModel;
using Inlay;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace InlayApp;

/// <summary>
/// The dice widget and the tool that shows it. The widget is a React app (web/widgets/dice) that dotnet build
/// writes to widgets/dice/dist; Inlay serves that folder and reads the entry document from its Vite manifest.
/// </summary>
[Widget("ui://widget/dice.html",
    AssetFolder = "widgets/dice/dist",
    Title = "Dice",
    Description = "Dice that were rolled, with their total.",
    ModelDescription = "Shows every die and the total; no need to repeat them.",
    PrefersBorder = true)]
public sealed class DiceTools
{
    /// <summary>Rolls dice; the widget shows each die and the total, and can roll again.</summary>
    [McpServerTool(Name = "roll_dice", Title = "Roll dice", ReadOnly = true, Destructive = false, OpenWorld = false)]
    [Description("Rolls dice and shows them in a widget.")]
    [WidgetTool(Invoking = "Rolling the dice…", Invoked = "Dice rolled")]
    public WidgetResult<DiceRoll> RollDice(
        [Description("How many dice to roll, 1 to 10.")] int count = 2,
        [Description("How many faces each die has, 2 to 100.")] int sides = 6)
    {
        if (count is < 1 or > 10) throw new McpException("count must be between 1 and 10.");
        if (sides is < 2 or > 100) throw new McpException("sides must be between 2 and 100.");

        var values = new int[count];
        for (var i = 0; i < count; i++) values[i] = Random.Shared.Next(1, sides + 1);
        var roll = new DiceRoll(sides, values, values.Sum());
        return new WidgetResult<DiceRoll>(roll, $"Rolled {count}d{sides}: {string.Join(", ", values)} (total {roll.Total}).");
    }
}

/// <summary>The structured result of <c>roll_dice</c>, what the widget reads.</summary>
/// <param name="Sides">How many faces each die has.</param>
/// <param name="Values">Each die's value.</param>
/// <param name="Total">The sum of the values.</param>
public sealed record DiceRoll(int Sides, int[] Values, int Total);
