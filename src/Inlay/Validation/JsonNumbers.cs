using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Inlay;

/// <summary>
/// How numbers in arguments are read, matching how the SDK binds them to C# parameters with System.Text.Json
/// (its serializer options set <see cref="System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString"/>).
/// </summary>
/// <remarks>
/// Two decisions follow from what the binder does, so a call that passes here also binds and one that would not bind
/// is told why:
/// <list type="bullet">
/// <item>A number written as a string (<c>"5"</c>, <c>"0.25"</c>) is accepted where the schema asks for an integer or a
/// number (and not for a string), because the binder reads it as that number. The range keywords apply to its value.
/// Strings the binder refuses (<c>" 5"</c>, <c>"5.0"</c> for an integer, <c>"NaN"</c>) are refused here too.</item>
/// <item>An integer is a number written without a decimal point or exponent. JSON Schema counts <c>5.0</c> and
/// <c>1e2</c> as integers, but System.Text.Json will not bind them to an <c>int</c> or <c>long</c>, so they get a
/// message saying how to write the value instead of the tool failing to bind.</item>
/// </list>
/// The SDK's schemas carry no range for C# integer types (an <c>int</c> parameter is just <c>"type": "integer"</c>), so
/// a value such as 3000000000 for an <c>int</c> passes here and fails in the binder; only a schema's own
/// <c>minimum</c>/<c>maximum</c> are checked.
/// </remarks>
internal static class JsonNumbers
{
    /// <summary>Whether the number token is written as a whole number (no <c>.</c>, <c>e</c> or <c>E</c>).</summary>
    public static bool IsIntegerLiteral(JsonElement number)
    {
        if (number.TryGetInt64(out _)) return true;
        return JsonMarshal.GetRawUtf8Value(number).IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0;
    }

    /// <summary>Whether the number token has no fractional part, however it is written (<c>5.0</c>, <c>1e2</c>).</summary>
    public static bool IsWhole(JsonElement number) => Value(number) is var d && (double.IsInfinity(d) || Math.Floor(d) == d);

    /// <summary>The number's value as a double; infinity when it is too large for one.</summary>
    public static double Value(JsonElement number)
    {
        if (number.TryGetDouble(out var value)) return value;
        return JsonMarshal.GetRawUtf8Value(number) is [(byte)'-', ..] ? double.NegativeInfinity : double.PositiveInfinity;
    }

    /// <summary>Reads a string the binder would read as an integer: an optional sign and digits.</summary>
    public static bool TryReadIntegerString(JsonElement text, out double value)
    {
        value = 0;
        if (!JsonStrings.TryGetUtf8(text, out var utf8)) return text.GetString() is { } s && TryReadInteger(System.Text.Encoding.UTF8.GetBytes(s), out value);
        return TryReadInteger(utf8, out value);
    }

    /// <summary>Reads a string the binder would read as a finite number, such as <c>"0.25"</c>, <c>".5"</c> or <c>"1e5"</c>.</summary>
    public static bool TryReadNumberString(JsonElement text, out double value)
    {
        value = 0;
        if (!JsonStrings.TryGetUtf8(text, out var utf8)) return text.GetString() is { } s && TryReadNumber(System.Text.Encoding.UTF8.GetBytes(s), out value);
        return TryReadNumber(utf8, out value);
    }

    private static bool TryReadInteger(ReadOnlySpan<byte> utf8, out double value)
    {
        value = 0;
        var digits = utf8 is [(byte)'-' or (byte)'+', .. var rest] ? rest : utf8;
        if (digits.IsEmpty || digits.ContainsAnyExceptInRange((byte)'0', (byte)'9')) return false;
        return double.TryParse(utf8, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryReadNumber(ReadOnlySpan<byte> utf8, out double value) =>
        double.TryParse(utf8, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
