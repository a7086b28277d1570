using System.Text;
using System.Text.Json;

namespace Inlay;

/// <summary>
/// The state of one validation: where in the arguments the check is (for messages), how deep it has gone, and the
/// problems found so far. One instance is reused per thread, so a call that fits allocates nothing for its check.
/// </summary>
internal sealed class ValidationContext
{
    [ThreadStatic] private static ValidationContext? t_cached;

    /// <summary>How many times a failed <c>anyOf</c>/<c>oneOf</c> may re-check alternatives to explain itself; bounds the work on hostile input.</summary>
    private const int ExplainBudget = 256;

    private readonly PathSegment[] _path = new PathSegment[SchemaNode.MaxDepth];
    private List<Problem>? _problems;
    private int _limit;
    private int _explainBudget;

    /// <summary>How many values deep the check is; 0 for the arguments object itself.</summary>
    public int Depth { get; private set; }

    /// <summary>When false the check only wants to know whether a value fits, so no messages are built.</summary>
    public bool Recording { get; set; } = true;

    /// <summary>True once as many problems as will be reported have been found; checks stop early then.</summary>
    public bool IsFull => _problems is not null && _problems.Count >= _limit;

    public static ValidationContext Rent(int limit)
    {
        var context = t_cached ?? new ValidationContext();
        t_cached = null;
        context._limit = limit;
        context._explainBudget = ExplainBudget;
        return context;
    }

    public static void Return(ValidationContext context)
    {
        context.Depth = 0;
        context.Recording = true;
        context._problems?.Clear();
        Array.Clear(context._path);
        t_cached = context;
    }

    /// <summary>Steps into a property; false (with a problem recorded) when that would go deeper than <see cref="SchemaNode.MaxDepth"/>.</summary>
    public bool TryEnter(string name) => TryEnter(new PathSegment(name, 0, default));

    /// <summary>Steps into a property of a JSON object, reading its name only if a message needs it.</summary>
    public bool TryEnter(JsonProperty property) => TryEnter(new PathSegment(null, -1, property));

    /// <summary>Steps into an array item; false (with a problem recorded) when that would go deeper than <see cref="SchemaNode.MaxDepth"/>.</summary>
    public bool TryEnter(int index) => TryEnter(new PathSegment(null, index, default));

    private bool TryEnter(PathSegment segment)
    {
        if (Depth >= SchemaNode.MaxDepth)
        {
            // Naming the full 64-level path would only bury the point; name the argument the caller sent.
            if (Recording && !IsFull) Add(ProblemKind.Other, $"is nested more than {SchemaNode.MaxDepth} levels deep", pathLength: 1);
            return false;
        }
        _path[Depth++] = segment;
        return true;
    }

    public void Leave() => Depth--;

    /// <summary>Records that the value at the current path does not fit, for <paramref name="reason"/> (such as <c>must be a string</c>).</summary>
    public void Report(string reason) => Report(ProblemKind.Other, reason);

    public void Report(ProblemKind kind, string reason)
    {
        if (Recording && !IsFull) Add(kind, reason, Depth);
    }

    /// <summary>Records a problem with the property <paramref name="name"/> of the current object (missing or unknown).</summary>
    public void ReportProperty(string name, ProblemKind kind)
    {
        if (!Recording || IsFull) return;
        if (!TryEnter(name)) return;
        Add(kind, "", Depth);
        Leave();
    }

    /// <summary>Takes whether the next explanation may compare several alternatives; false once the budget is spent.</summary>
    public bool TrySpendExplanation() => _explainBudget-- > 0;

    /// <summary>Starts collecting problems aside, so alternatives can be compared before one is chosen to report.</summary>
    public List<Problem>? BeginCapture()
    {
        var outer = _problems;
        _problems = [];
        return outer;
    }

    /// <summary>Stops collecting aside and returns what was collected.</summary>
    public List<Problem> EndCapture(List<Problem>? outer)
    {
        var captured = _problems!;
        _problems = outer;
        return captured;
    }

    /// <summary>Adds problems collected aside to the ones to report.</summary>
    public void AddAll(List<Problem> problems)
    {
        foreach (var problem in problems)
        {
            if (IsFull) return;
            (_problems ??= []).Add(problem);
        }
    }

    /// <summary>The problems as sentences joined by spaces, or <see langword="null"/> when none were found.</summary>
    public string? Message() => _problems is { Count: > 0 } problems ? string.Join(" ", problems.Select(p => p.Message)) : null;

    private void Add(ProblemKind kind, string reason, int pathLength) =>
        (_problems ??= []).Add(new Problem(Describe(kind, reason, pathLength), pathLength));

    private string Describe(ProblemKind kind, string reason, int pathLength)
    {
        if (pathLength == 0) return $"The arguments {reason}.";
        var path = new StringBuilder();
        for (var i = 0; i < pathLength; i++)
        {
            var segment = _path[i];
            if (segment.Index >= 0 && segment.Name is null) path.Append('[').Append(segment.Index).Append(']');
            else (i == 0 ? path : path.Append('.')).Append(segment.Name ?? segment.Property.Name);
        }
        return (kind, pathLength) switch
        {
            (ProblemKind.Missing, 1) => $"Missing required argument '{path}'.",
            (ProblemKind.Missing, _) => $"Argument '{path}' is required but missing.",
            (ProblemKind.Unknown, 1) => $"Unknown argument '{path}'.",
            (ProblemKind.Unknown, _) => $"Argument '{path}' is not a known property.",
            _ => $"Argument '{path}' {reason}.",
        };
    }

    /// <summary>A property by <see cref="Name"/> or by <see cref="Property"/> (when <see cref="Index"/> is -1), or an array item by <see cref="Index"/>.</summary>
    private readonly record struct PathSegment(string? Name, int Index, JsonProperty Property);
}
