namespace Inlay;

/// <summary>Flag tests for <see cref="JsonTypes"/> on the validation path.</summary>
internal static class JsonTypesExtensions
{
    /// <summary>Whether any of <paramref name="flags"/> is set; unlike <see cref="Enum.HasFlag"/>, never boxes, even in unoptimized code.</summary>
    public static bool Has(this JsonTypes types, JsonTypes flags) => (types & flags) != 0;
}
