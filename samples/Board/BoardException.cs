namespace Board;

/// <summary>A request the board refuses, with a message the widget and the model can show as it is.</summary>
public sealed class BoardException(string message) : Exception(message);
