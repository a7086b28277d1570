using System.Text.Json;
using System.Text.RegularExpressions;

namespace Inlay;

/// <summary>
/// One compiled JSON Schema (a subset: the keywords the SDK's schema generator and hand-written tool schemas use).
/// Validation walks a tree of these; paths are built only when a value fails, so a valid call allocates nothing.
/// </summary>
internal sealed class SchemaNode
{
    /// <summary>Validation stops descending past this depth so hostile input cannot exhaust the stack.</summary>
    public const int MaxDepth = 64;

    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    public JsonTypes Types { get; set; } = JsonTypes.Any;
    public JsonElement[]? Enum { get; set; }
    public JsonElement? Const { get; set; }
    public Dictionary<string, SchemaNode>? Properties { get; set; }
    public string[] Required { get; set; } = [];
    public bool AllowsAdditionalProperties { get; set; } = true;
    public SchemaNode? AdditionalProperties { get; set; }
    public SchemaNode? Items { get; set; }
    public int? MinItems { get; set; }
    public int? MaxItems { get; set; }
    public bool UniqueItems { get; set; }
    public int? MinLength { get; set; }
    public int? MaxLength { get; set; }
    public double? Minimum { get; set; }
    public double? Maximum { get; set; }
    public double? ExclusiveMinimum { get; set; }
    public double? ExclusiveMaximum { get; set; }
    public Regex? Pattern { get; set; }
    public string? PatternText { get; set; }
    public string? Format { get; set; }
    public SchemaNode[]? AnyOf { get; set; }
    public SchemaNode[]? AllOf { get; set; }

    /// <summary>Set for a <c>$ref</c>; resolved after the whole schema is compiled, so recursive schemas work.</summary>
    public SchemaNode? Reference { get; set; }

    /// <summary>The first problem with <paramref name="value"/>, or <see langword="null"/> when it fits.</summary>
    public ArgumentProblem? Check(JsonElement value, int depth)
    {
        if (Reference is not null) return Reference.Check(value, depth);
        if (depth > MaxDepth) return new ArgumentProblem($"is nested more than {MaxDepth} levels deep");

        if (Types != JsonTypes.Any && !MatchesType(value, Types))
            return new ArgumentProblem($"must be {JsonTypeNames.Describe(Types)}, but got {JsonTypeNames.Of(value)}");
        if (Enum is not null && !Enum.Any(e => JsonElement.DeepEquals(e, value)))
            return new ArgumentProblem($"must be one of: {string.Join(", ", Enum.Select(JsonTypeNames.Display))}");
        if (Const is { } constant && !JsonElement.DeepEquals(constant, value))
            return new ArgumentProblem($"must be {JsonTypeNames.Display(constant)}");

        var problem = value.ValueKind switch
        {
            JsonValueKind.String => CheckString(value),
            JsonValueKind.Number => CheckNumber(value.GetDouble()),
            JsonValueKind.Array => CheckArray(value, depth),
            JsonValueKind.Object => CheckObject(value, depth),
            _ => null,
        };
        if (problem is not null) return problem;

        if (AllOf is not null)
        {
            foreach (var part in AllOf)
                if (part.Check(value, depth + 1) is { } partProblem) return partProblem;
        }
        if (AnyOf is not null)
        {
            ArgumentProblem? last = null;
            foreach (var option in AnyOf)
            {
                last = option.Check(value, depth + 1);
                if (last is null) return null;
            }
            return last;
        }
        return null;
    }

    private static bool MatchesType(JsonElement value, JsonTypes types) => value.ValueKind switch
    {
        JsonValueKind.Null => types.HasFlag(JsonTypes.Null),
        JsonValueKind.True or JsonValueKind.False => types.HasFlag(JsonTypes.Boolean),
        JsonValueKind.String => types.HasFlag(JsonTypes.String) || (types & (JsonTypes.Number | JsonTypes.Integer)) != 0 && IsNumericString(value, types),
        JsonValueKind.Number => types.HasFlag(JsonTypes.Number) || types.HasFlag(JsonTypes.Integer) && IsInteger(value),
        JsonValueKind.Array => types.HasFlag(JsonTypes.Array),
        JsonValueKind.Object => types.HasFlag(JsonTypes.Object),
        _ => false,
    };

    // The SDK reads numbers from strings too (its serializer allows it), so "5" binds to an int parameter.
    private static bool IsNumericString(JsonElement value, JsonTypes types)
    {
        var text = value.GetString();
        if (types.HasFlag(JsonTypes.Integer) && long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _)) return true;
        return types.HasFlag(JsonTypes.Number) && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && double.IsFinite(d);
    }

    private static bool IsInteger(JsonElement value) =>
        value.TryGetInt64(out _) || value.TryGetDouble(out var d) && double.IsFinite(d) && Math.Floor(d) == d;

    private ArgumentProblem? CheckString(JsonElement value)
    {
        if (MinLength is null && MaxLength is null && Pattern is null && Format is null) return null;
        var text = value.GetString()!;
        var length = text.EnumerateRunes().Count();
        if (MinLength is { } min && length < min) return new ArgumentProblem(min == 1 ? "must not be empty" : $"must be at least {min} characters long");
        if (MaxLength is { } max && length > max) return new ArgumentProblem($"must be at most {max} characters long, but has {length}");
        if (Pattern is not null)
        {
            try
            {
                if (!Pattern.IsMatch(text)) return new ArgumentProblem($"must match the pattern {PatternText}");
            }
            catch (RegexMatchTimeoutException)
            {
                return new ArgumentProblem($"could not be checked against the pattern {PatternText} in time");
            }
        }
        return Format is null ? null : StringFormats.Check(Format, value);
    }

    private ArgumentProblem? CheckNumber(double number)
    {
        if (Minimum is { } min && number < min) return new ArgumentProblem($"must be at least {JsonTypeNames.Number(min)}");
        if (Maximum is { } max && number > max) return new ArgumentProblem($"must be at most {JsonTypeNames.Number(max)}");
        if (ExclusiveMinimum is { } xmin && number <= xmin) return new ArgumentProblem($"must be greater than {JsonTypeNames.Number(xmin)}");
        if (ExclusiveMaximum is { } xmax && number >= xmax) return new ArgumentProblem($"must be less than {JsonTypeNames.Number(xmax)}");
        return null;
    }

    private ArgumentProblem? CheckArray(JsonElement array, int depth)
    {
        var count = array.GetArrayLength();
        if (MinItems is { } min && count < min) return new ArgumentProblem($"must have at least {min} item{(min == 1 ? "" : "s")}");
        if (MaxItems is { } max && count > max) return new ArgumentProblem($"must have at most {max} item{(max == 1 ? "" : "s")}, but has {count}");
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (Items?.Check(item, depth + 1) is { } problem) return problem.Under($"[{index}]");
            index++;
        }
        if (UniqueItems)
        {
            var items = array.EnumerateArray().ToArray();
            for (var i = 1; i < items.Length; i++)
                for (var j = 0; j < i; j++)
                    if (JsonElement.DeepEquals(items[i], items[j])) return new ArgumentProblem($"must not repeat items, but items {j} and {i} are equal");
        }
        return null;
    }

    private ArgumentProblem? CheckObject(JsonElement obj, int depth)
    {
        foreach (var name in Required)
        {
            if (!obj.TryGetProperty(name, out _)) return new ArgumentProblem($"is missing", name);
        }
        foreach (var property in obj.EnumerateObject())
        {
            if (CheckProperty(property.Name, property.Value, depth) is { } problem) return problem;
        }
        return null;
    }

    /// <summary>Checks one named value of an object: a declared property, an additional one, or an unknown one.</summary>
    public ArgumentProblem? CheckProperty(string name, JsonElement value, int depth)
    {
        if (Properties is not null && Properties.TryGetValue(name, out var schema))
            return schema.Check(value, depth + 1)?.Under(name);
        if (!AllowsAdditionalProperties) return new ArgumentProblem("is not a known argument", name, isUnknown: true);
        return AdditionalProperties?.Check(value, depth + 1)?.Under(name);
    }
}
