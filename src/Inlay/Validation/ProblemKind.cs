namespace Inlay;

/// <summary>What kind of problem an argument has; missing and unknown properties get their own sentences.</summary>
internal enum ProblemKind
{
    Other,
    Missing,
    Unknown,
}
