using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Inlay;

/// <summary>The <c>type</c> keyword, including <c>"null"</c> in a type array for nullable values.</summary>
internal sealed class TypeCheck(JsonTypes types) : SchemaCheck
{
    private readonly string _expected = JsonTypeNames.Describe(types);

    public override bool Check(JsonElement value, ValidationContext context)
    {
        if (Matches(value, types)) return true;
        if (context.Recording) context.Report(Reason(value));
        return false;
    }

    private string Reason(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && types.Has(JsonTypes.Integer) && JsonNumbers.IsWhole(value))
            return $"must be an integer written without a decimal point or exponent, but got {Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(value))}";
        return $"must be {_expected}, but got {JsonTypeNames.Of(value)}";
    }

    /// <summary>Whether the value has one of the types, reading numbers written as strings the way the binder does (see <see cref="JsonNumbers"/>).</summary>
    public static bool Matches(JsonElement value, JsonTypes types) => value.ValueKind switch
    {
        JsonValueKind.Null => types.Has(JsonTypes.Null),
        JsonValueKind.True or JsonValueKind.False => types.Has(JsonTypes.Boolean),
        JsonValueKind.String => types.Has(JsonTypes.String)
            || types.Has(JsonTypes.Number) && JsonNumbers.TryReadNumberString(value, out _)
            || types.Has(JsonTypes.Integer) && JsonNumbers.TryReadIntegerString(value, out _),
        JsonValueKind.Number => types.Has(JsonTypes.Number) || types.Has(JsonTypes.Integer) && JsonNumbers.IsIntegerLiteral(value),
        JsonValueKind.Array => types.Has(JsonTypes.Array),
        JsonValueKind.Object => types.Has(JsonTypes.Object),
        _ => false,
    };

    /// <summary>Whether the value is broadly of one of the types: any number for integer or number, only strings for string.</summary>
    public static bool KindFits(JsonElement value, JsonTypes types) => value.ValueKind switch
    {
        JsonValueKind.Null => types.Has(JsonTypes.Null),
        JsonValueKind.True or JsonValueKind.False => types.Has(JsonTypes.Boolean),
        JsonValueKind.String => types.Has(JsonTypes.String),
        JsonValueKind.Number => (types & (JsonTypes.Number | JsonTypes.Integer)) != 0,
        JsonValueKind.Array => types.Has(JsonTypes.Array),
        JsonValueKind.Object => types.Has(JsonTypes.Object),
        _ => false,
    };
}
