using System.Text.Json;

namespace Inlay;

/// <summary>
/// The <c>enum</c> and <c>const</c> keywords: the value must equal one of a fixed set. The SDK writes a C# enum as its
/// member names (<c>"enum": ["Small", "Medium", "Large"]</c>, plus <c>null</c> when nullable); they are matched exactly
/// as advertised, although the binder would also take <c>"small"</c> or <c>1</c>, so the model learns the real names.
/// </summary>
internal sealed class ValueSetCheck : SchemaCheck
{
    private readonly JsonElement[] _values;
    private readonly string _reason;

    private ValueSetCheck(JsonElement[] values, string reason) => (_values, _reason) = (values, reason);

    public static ValueSetCheck Enum(JsonElement[] values) =>
        new(values, $"must be one of: {string.Join(", ", values.Select(JsonTypeNames.Display))}");

    public static ValueSetCheck Const(JsonElement value) => new([value], $"must be {JsonTypeNames.Display(value)}");

    public override bool Check(JsonElement value, ValidationContext context)
    {
        foreach (var allowed in _values)
        {
            if (JsonElement.DeepEquals(allowed, value)) return true;
        }
        context.Report(_reason);
        return false;
    }
}
