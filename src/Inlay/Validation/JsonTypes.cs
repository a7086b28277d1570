namespace Inlay;

/// <summary>The JSON Schema primitive types a value may have.</summary>
[Flags]
internal enum JsonTypes
{
    Any = 0,
    Null = 1,
    Boolean = 2,
    Integer = 4,
    Number = 8,
    String = 16,
    Array = 32,
    Object = 64,
}

/// <summary>Flag tests for <see cref="JsonTypes"/> on the validation path.</summary>
internal static class JsonTypesExtensions
{
    /// <summary>Whether any of <paramref name="flags"/> is set; unlike <see cref="Enum.HasFlag"/>, never boxes, even in unoptimized code.</summary>
    public static bool Has(this JsonTypes types, JsonTypes flags) => (types & flags) != 0;
}
