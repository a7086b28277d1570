using System.Globalization;
using System.Text.Json;

namespace Inlay;

/// <summary>Plain-English names of JSON types and values for argument error messages.</summary>
internal static class JsonTypeNames
{
    public static string Of(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => JsonNumbers.IsIntegerLiteral(value) ? "an integer" : "a number",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "nothing",
    };

    public static string Describe(JsonTypes types)
    {
        var names = new List<string>(4);
        if (types.HasFlag(JsonTypes.String)) names.Add("a string");
        if (types.HasFlag(JsonTypes.Integer) && !types.HasFlag(JsonTypes.Number)) names.Add("an integer");
        if (types.HasFlag(JsonTypes.Number)) names.Add("a number");
        if (types.HasFlag(JsonTypes.Boolean)) names.Add("a boolean");
        if (types.HasFlag(JsonTypes.Array)) names.Add("an array");
        if (types.HasFlag(JsonTypes.Object)) names.Add("an object");
        if (types.HasFlag(JsonTypes.Null)) names.Add("null");
        return names.Count switch
        {
            0 => "nothing",
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1],
        };
    }

    /// <summary>A schema value (from <c>enum</c> or <c>const</c>) as the model should write it: strings bare, the rest as JSON.</summary>
    public static string Display(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    public static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
