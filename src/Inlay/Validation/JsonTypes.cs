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
