using System.Collections.Frozen;
using System.Text.Json;

namespace Inlay.Tests.Validation.SchemaTestSuite;

/// <summary>
/// Which draft 2020-12 keywords Inlay's argument validator implements, as docs/argument-validation.md tables them. A suite
/// case whose schema uses a keyword the validator does not implement is skipped, naming the keyword.
/// </summary>
public static class ValidatorKeywords
{
    /// <summary>Keywords the validator checks.</summary>
    public static readonly FrozenSet<string> Checked = FrozenSet.ToFrozenSet(
    [
        "type", "enum", "const",
        "minLength", "maxLength", "pattern", "format",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "items", "minItems", "maxItems", "uniqueItems",
        "properties", "required", "additionalProperties",
        "allOf", "anyOf", "oneOf", "$ref", "$defs",
    ], StringComparer.Ordinal);

    /// <summary>
    /// Keywords the validator does not implement. Being ignored, they accept what they should refuse, so cases that
    /// use them say nothing about the validator and are skipped.
    /// </summary>
    public static readonly FrozenSet<string> NotImplemented = FrozenSet.ToFrozenSet(
    [
        "not", "if", "then", "else", "multipleOf",
        "prefixItems", "contains", "minContains", "maxContains", "unevaluatedItems",
        "patternProperties", "propertyNames", "minProperties", "maxProperties",
        "dependentRequired", "dependentSchemas", "unevaluatedProperties",
        "$id", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary",
    ], StringComparer.Ordinal);

    /// <summary>What a <c>$ref</c> to anything but a JSON pointer into the same schema is skipped as.</summary>
    public const string NonLocalReference = "$ref (to a URI or an anchor)";

    /// <summary>The first keyword in <paramref name="schema"/> (or its subschemas) the validator does not implement, or <see langword="null"/>.</summary>
    public static string? FirstNotImplemented(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object) return null;
        foreach (var keyword in schema.EnumerateObject())
        {
            if (NotImplemented.Contains(keyword.Name)) return keyword.Name;
            var found = keyword.Name switch
            {
                "$ref" => keyword.Value.GetString() is "#" or ['#', '/', ..] ? null : NonLocalReference,
                "properties" or "$defs" => FirstIn(keyword.Value.EnumerateObject().Select(p => p.Value)),
                "items" or "additionalProperties" => FirstNotImplemented(keyword.Value),
                "allOf" or "anyOf" or "oneOf" => FirstIn(keyword.Value.EnumerateArray()),
                // Annotations and unknown keywords hold no subschema the validator would apply.
                _ => null,
            };
            if (found is not null) return found;
        }
        return null;
    }

    private static string? FirstIn(IEnumerable<JsonElement> schemas) => schemas.Select(FirstNotImplemented).FirstOrDefault(k => k is not null);
}
