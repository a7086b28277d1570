using System.Text.Json;
using System.Text.RegularExpressions;

namespace Inlay;

/// <summary>Compiles a JSON Schema document into a <see cref="SchemaNode"/> tree once, resolving local <c>$ref</c>s.</summary>
internal sealed class SchemaCompiler
{
    private readonly JsonElement _root;
    private readonly Dictionary<string, SchemaNode> _byPointer = new(StringComparer.Ordinal);
    private readonly List<(SchemaNode Node, string Pointer)> _references = [];

    private SchemaCompiler(JsonElement root) => _root = root;

    public static SchemaNode Compile(JsonElement schema)
    {
        var compiler = new SchemaCompiler(schema);
        var root = compiler.CompileAt(schema, "#");
        compiler.ResolveReferences();
        return root;
    }

    private SchemaNode CompileAt(JsonElement schema, string pointer)
    {
        var node = new SchemaNode();
        _byPointer[pointer] = node;
        if (schema.ValueKind == JsonValueKind.False) node.AnyOf = [];
        if (schema.ValueKind != JsonValueKind.Object) return node;

        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            var at = pointer + "/" + Escape(keyword.Name);
            switch (keyword.Name)
            {
                case "$ref" when value.ValueKind == JsonValueKind.String:
                    _references.Add((node, value.GetString()!));
                    break;
                case "type":
                    node.Types = ParseTypes(value);
                    break;
                case "enum" when value.ValueKind == JsonValueKind.Array:
                    node.Enum = [.. value.EnumerateArray()];
                    break;
                case "const":
                    node.Const = value;
                    break;
                case "properties" when value.ValueKind == JsonValueKind.Object:
                    node.Properties = value.EnumerateObject().ToDictionary(p => p.Name, p => CompileAt(p.Value, at + "/" + Escape(p.Name)), StringComparer.Ordinal);
                    break;
                case "required" when value.ValueKind == JsonValueKind.Array:
                    node.Required = [.. value.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!)];
                    break;
                case "additionalProperties":
                    if (value.ValueKind == JsonValueKind.False) node.AllowsAdditionalProperties = false;
                    else if (value.ValueKind == JsonValueKind.Object) node.AdditionalProperties = CompileAt(value, at);
                    break;
                case "items" when value.ValueKind is JsonValueKind.Object or JsonValueKind.False:
                    node.Items = CompileAt(value, at);
                    break;
                case "minItems": node.MinItems = Int(value); break;
                case "maxItems": node.MaxItems = Int(value); break;
                case "uniqueItems": node.UniqueItems = value.ValueKind == JsonValueKind.True; break;
                case "minLength": node.MinLength = Int(value); break;
                case "maxLength": node.MaxLength = Int(value); break;
                case "minimum": node.Minimum = Double(value); break;
                case "maximum": node.Maximum = Double(value); break;
                case "exclusiveMinimum": node.ExclusiveMinimum = Double(value); break;
                case "exclusiveMaximum": node.ExclusiveMaximum = Double(value); break;
                case "pattern" when value.ValueKind == JsonValueKind.String:
                    node.PatternText = value.GetString();
                    node.Pattern = new Regex(node.PatternText!, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
                    break;
                case "format" when value.ValueKind == JsonValueKind.String:
                    node.Format = value.GetString();
                    break;
                case "anyOf" or "oneOf" when value.ValueKind == JsonValueKind.Array:
                    node.AnyOf = [.. value.EnumerateArray().Select((s, i) => CompileAt(s, $"{at}/{i}"))];
                    break;
                case "allOf" when value.ValueKind == JsonValueKind.Array:
                    node.AllOf = [.. value.EnumerateArray().Select((s, i) => CompileAt(s, $"{at}/{i}"))];
                    break;
                case "$defs" or "definitions" when value.ValueKind == JsonValueKind.Object:
                    foreach (var definition in value.EnumerateObject()) CompileAt(definition.Value, at + "/" + Escape(definition.Name));
                    break;
            }
        }
        return node;
    }

    private void ResolveReferences()
    {
        // Resolving can compile new subtrees that hold references of their own, so loop until none are left.
        for (var i = 0; i < _references.Count; i++)
        {
            var (node, pointer) = _references[i];
            if (!_byPointer.TryGetValue(pointer, out var target))
                target = Resolve(pointer) is { } element ? CompileAt(element, pointer) : null;
            // An unresolvable (remote or broken) reference accepts anything rather than rejecting valid calls.
            node.Reference = target;
        }
    }

    private JsonElement? Resolve(string pointer)
    {
        if (!pointer.StartsWith('#')) return null;
        var current = _root;
        foreach (var raw in pointer[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child)) current = child;
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index) && index < current.GetArrayLength()) current = current[index];
            else return null;
        }
        return current;
    }

    private static JsonTypes ParseTypes(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String) return ParseType(value.GetString());
        if (value.ValueKind != JsonValueKind.Array) return JsonTypes.Any;
        var types = JsonTypes.Any;
        foreach (var item in value.EnumerateArray()) types |= ParseType(item.GetString());
        return types;
    }

    private static JsonTypes ParseType(string? name) => name switch
    {
        "null" => JsonTypes.Null,
        "boolean" => JsonTypes.Boolean,
        "integer" => JsonTypes.Integer,
        "number" => JsonTypes.Number,
        "string" => JsonTypes.String,
        "array" => JsonTypes.Array,
        "object" => JsonTypes.Object,
        _ => JsonTypes.Any,
    };

    private static string Escape(string name) => name.Replace("~", "~0").Replace("/", "~1");

    private static int? Int(JsonElement value) => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) ? i : null;

    private static double? Double(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
