namespace Inlay;

/// <summary>Why an argument does not fit, with the path to the offending value built as the check unwinds.</summary>
internal sealed class ArgumentProblem(string reason, string? name = null, bool isUnknown = false)
{
    private readonly List<string> _path = name is null ? [] : [name];

    public string Reason { get; } = reason;

    public bool IsUnknown { get; } = isUnknown;

    /// <summary>Adds the enclosing property name or <c>[index]</c> in front of the path.</summary>
    public ArgumentProblem Under(string segment)
    {
        _path.Insert(0, segment);
        return this;
    }

    /// <summary>The problem as a sentence, such as <c>Argument 'address.zip' must be an integer, but got a string.</c></summary>
    public override string ToString()
    {
        var path = string.Concat(_path.Select((segment, i) => i == 0 || segment.StartsWith('[') ? segment : "." + segment));
        if (path.Length == 0) return $"The arguments {Reason}.";
        if (Reason == "is missing")
            return _path.Count == 1 ? $"Missing required argument '{path}'." : $"Argument '{path}' is required but missing.";
        if (IsUnknown) return _path.Count == 1 ? $"Unknown argument '{path}'." : $"Argument '{path}' is not a known property.";
        return $"Argument '{path}' {Reason}.";
    }
}
