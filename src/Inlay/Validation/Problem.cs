namespace Inlay;

/// <summary>One problem as a sentence, with how deep in the arguments it was found (deeper means a closer match).</summary>
internal readonly record struct Problem(string Message, int Depth);
