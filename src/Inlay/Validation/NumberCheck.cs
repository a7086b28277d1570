using System.Text.Json;

namespace Inlay;

/// <summary>
/// The range keywords <c>minimum</c>, <c>maximum</c>, <c>exclusiveMinimum</c> and <c>exclusiveMaximum</c>. They apply to
/// numbers, and to numbers written as strings where the schema's type reads them (see <see cref="JsonNumbers"/>).
/// </summary>
internal sealed class NumberCheck(double? minimum, double? maximum, double? exclusiveMinimum, double? exclusiveMaximum, JsonTypes types) : SchemaCheck
{
    private readonly bool _readsStrings = !types.Has(JsonTypes.String) && (types & (JsonTypes.Integer | JsonTypes.Number)) != 0;

    public override bool Check(JsonElement value, ValidationContext context)
    {
        double number;
        if (value.ValueKind == JsonValueKind.Number) number = JsonNumbers.Value(value);
        else if (value.ValueKind != JsonValueKind.String || !_readsStrings) return true;
        else if (!(types.Has(JsonTypes.Number) ? JsonNumbers.TryReadNumberString(value, out number) : JsonNumbers.TryReadIntegerString(value, out number))) return true;

        if (minimum is { } min && number < min) return Fail(context, $"must be at least {JsonTypeNames.Number(min)}");
        if (maximum is { } max && number > max) return Fail(context, $"must be at most {JsonTypeNames.Number(max)}");
        if (exclusiveMinimum is { } xmin && number <= xmin) return Fail(context, $"must be greater than {JsonTypeNames.Number(xmin)}");
        if (exclusiveMaximum is { } xmax && number >= xmax) return Fail(context, $"must be less than {JsonTypeNames.Number(xmax)}");
        return true;
    }

    private static bool Fail(ValidationContext context, string reason)
    {
        context.Report(reason);
        return false;
    }
}
