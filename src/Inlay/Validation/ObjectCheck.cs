using System.Text.Json;

namespace Inlay;

/// <summary>
/// The object keywords <c>properties</c>, <c>required</c> and <c>additionalProperties</c>. Properties are checked in the
/// schema's order (so problems come in a fixed order, whatever order the caller sent), then properties it does not name.
/// </summary>
internal sealed class ObjectCheck : SchemaCheck
{
    private readonly PropertyRule[] _rules;
    private readonly HashSet<string> _named;
    private readonly ExtraProperties _extras;
    private readonly SchemaNode? _extraSchema;

    /// <param name="rules">The named properties in schema order, then required names the schema gives no schema for.</param>
    /// <param name="named">The names under <c>properties</c>; anything else is an extra property.</param>
    /// <param name="extras">What to do with extra properties.</param>
    /// <param name="extraSchema">The schema extra properties must fit, for <see cref="ExtraProperties.Checked"/>.</param>
    public ObjectCheck(PropertyRule[] rules, HashSet<string> named, ExtraProperties extras, SchemaNode? extraSchema)
    {
        _rules = rules;
        _named = named;
        _extraSchema = extraSchema;
        _extras = extras == ExtraProperties.Checked && extraSchema is null or { AcceptsAnything: true } ? ExtraProperties.Allowed : extras;
    }

    public override bool Check(JsonElement value, ValidationContext context)
    {
        if (value.ValueKind != JsonValueKind.Object) return true;
        var fits = true;
        foreach (var rule in _rules)
        {
            var present = value.TryGetProperty(rule.Name, out var property);
            if (CheckNamed(rule, present, property, context)) continue;
            fits = false;
            if (!context.Recording || context.IsFull) return false;
        }
        if (_extras == ExtraProperties.Allowed) return fits;
        foreach (var property in value.EnumerateObject())
        {
            if (IsNamed(property) || CheckExtra(property, context)) continue;
            fits = false;
            if (!context.Recording || context.IsFull) return false;
        }
        return fits;
    }

    /// <summary>The same check for the top-level arguments, which the SDK hands over as a dictionary rather than a JSON object.</summary>
    public bool CheckArguments(IDictionary<string, JsonElement>? arguments, ValidationContext context)
    {
        var fits = true;
        foreach (var rule in _rules)
        {
            JsonElement property = default;
            var present = arguments is not null && arguments.TryGetValue(rule.Name, out property);
            if (CheckNamed(rule, present, property, context)) continue;
            fits = false;
            if (context.IsFull) return false;
        }
        if (_extras == ExtraProperties.Allowed || arguments is null) return fits;
        foreach (var (name, property) in arguments)
        {
            if (_named.Contains(name) || CheckExtra(name, property, context)) continue;
            fits = false;
            if (context.IsFull) return false;
        }
        return fits;
    }

    private static bool CheckNamed(in PropertyRule rule, bool present, JsonElement value, ValidationContext context)
    {
        if (!present)
        {
            if (!rule.Required) return true;
            context.ReportProperty(rule.Name, ProblemKind.Missing);
            return false;
        }
        return rule.Schema is null or { AcceptsAnything: true } || CheckIn(rule.Name, rule.Schema, value, context);
    }

    /// <summary>Up to this many named properties are matched by comparing UTF-8 names, which reads no name into a string.</summary>
    private const int CompareNamesLimit = 8;

    private bool IsNamed(JsonProperty property)
    {
        if (_named.Count == 0) return false;
        if (_named.Count > CompareNamesLimit) return _named.Contains(property.Name);
        foreach (var rule in _rules)
        {
            if (rule.Schema is not null && property.NameEquals(rule.Name)) return true;
        }
        return false;
    }

    private bool CheckExtra(JsonProperty property, ValidationContext context)
    {
        if (_extras == ExtraProperties.Checked)
        {
            if (!context.TryEnter(property)) return false;
            var fits = _extraSchema!.Check(property.Value, context);
            context.Leave();
            return fits;
        }
        context.ReportProperty(property.Name, ProblemKind.Unknown);
        return false;
    }

    private bool CheckExtra(string name, JsonElement value, ValidationContext context)
    {
        if (_extras == ExtraProperties.Checked) return CheckIn(name, _extraSchema!, value, context);
        context.ReportProperty(name, ProblemKind.Unknown);
        return false;
    }

    private static bool CheckIn(string name, SchemaNode schema, JsonElement value, ValidationContext context)
    {
        if (!context.TryEnter(name)) return false;
        var fits = schema.Check(value, context);
        context.Leave();
        return fits;
    }
}
