namespace Inlay;

/// <summary>
/// A property an object schema names: its schema (<see langword="null"/> when it is only listed in <c>required</c>, not
/// under <c>properties</c>) and whether it is required.
/// </summary>
internal readonly record struct PropertyRule(string Name, SchemaNode? Schema, bool Required);
