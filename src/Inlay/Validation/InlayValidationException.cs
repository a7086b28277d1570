namespace Inlay;

/// <summary>Thrown at start-up when widget or tool declarations break a rule; the message lists every problem.</summary>
public sealed class InlayValidationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">One line per problem, each naming the widget or tool and the rule.</param>
    public InlayValidationException(IReadOnlyList<string> problems)
        : base(Format(problems))
    {
        Problems = problems;
    }

    /// <summary>One line per problem, each naming the widget or tool and the rule it breaks.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Format(IReadOnlyList<string> problems) =>
        $"Inlay found {problems.Count} problem{(problems.Count == 1 ? "" : "s")} in the app's widget and tool declarations:"
        + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p));
}
