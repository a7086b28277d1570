using System.Text.Json;
using System.Text.RegularExpressions;

namespace Inlay;

/// <summary>
/// Compiles a JSON Schema into a <see cref="SchemaNode"/> tree once, resolving local <c>$ref</c>s. Covers the keywords the
/// SDK's schema generator (Microsoft.Extensions.AI's <c>AIJsonUtilities</c>) and hand-written tool schemas use: <c>type</c>,
/// <c>properties</c>, <c>required</c>, <c>additionalProperties</c>, <c>items</c>, <c>enum</c>, <c>const</c>, the number
/// ranges, string lengths, <c>pattern</c>, <c>format</c>, array sizes, <c>uniqueItems</c>, <c>allOf</c>, <c>anyOf</c>,
/// <c>oneOf</c> and <c>$ref</c>. Other keywords (<c>description</c>, <c>default</c>, and anything unknown) are ignored.
/// </summary>
internal sealed class SchemaCompiler
{
    /// <summary>A pattern gets this long to match one value before the value is refused.</summary>
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    private readonly JsonElement _root;
    private readonly Dictionary<string, SchemaNode> _byPointer = new(StringComparer.Ordinal);
    private readonly List<SchemaNode> _all = [];
    private readonly List<ReferenceCheck> _references = [];

    private SchemaCompiler(JsonElement root) => _root = root;

    public static SchemaNode Compile(JsonElement schema)
    {
        var compiler = new SchemaCompiler(schema);
        var root = compiler.CompileAt(schema, "#");
        compiler.ResolveReferences();
        compiler.CutReferenceCycles();
        return root;
    }

    private SchemaNode CompileAt(JsonElement schema, string pointer)
    {
        var node = new SchemaNode();
        _byPointer[pointer] = node;
        _all.Add(node);
        if (schema.ValueKind == JsonValueKind.False)
        {
            node.IsNever = true;
            node.Checks = [NeverCheck.Instance];
            return node;
        }
        if (schema.ValueKind != JsonValueKind.Object) return node;

        var types = JsonTypes.Any;
        var nullable = false;
        SchemaCheck? values = null;
        int? minLength = null, maxLength = null, minItems = null, maxItems = null;
        Regex? pattern = null;
        string? patternText = null;
        StringFormat? format = null;
        double? minimum = null, maximum = null, exclusiveMinimum = null, exclusiveMaximum = null;
        bool exclusiveMinimumFlag = false, exclusiveMaximumFlag = false, uniqueItems = false, hasArrayKeywords = false;
        SchemaNode? items = null;
        List<(string Name, SchemaNode Schema)>? properties = null;
        List<string>? required = null;
        var extras = ExtraProperties.Allowed;
        SchemaNode? extraSchema = null;
        var hasPatternProperties = false;
        ReferenceCheck? reference = null;
        SchemaNode[]? allOf = null, anyOf = null, oneOf = null;

        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            var at = pointer + "/" + Escape(keyword.Name);
            switch (keyword.Name)
            {
                case "type": types = ParseTypes(value); break;
                case "nullable": nullable = value.ValueKind == JsonValueKind.True; break;
                case "enum" when value.ValueKind == JsonValueKind.Array: values = ValueSetCheck.Enum([.. value.EnumerateArray().Select(v => v.Clone())]); break;
                case "const": values = ValueSetCheck.Const(value.Clone()); break;
                case "minLength": minLength = Int(value); break;
                case "maxLength": maxLength = Int(value); break;
                case "pattern" when value.ValueKind == JsonValueKind.String:
                    patternText = value.GetString()!;
                    pattern = CompilePattern(patternText);
                    break;
                case "format" when value.ValueKind == JsonValueKind.String: format = StringFormats.Parse(value.GetString()); break;
                case "minimum": minimum = Double(value); break;
                case "maximum": maximum = Double(value); break;
                // Draft 4 wrote these as booleans that make minimum/maximum exclusive.
                case "exclusiveMinimum" when value.ValueKind == JsonValueKind.True: exclusiveMinimumFlag = true; break;
                case "exclusiveMaximum" when value.ValueKind == JsonValueKind.True: exclusiveMaximumFlag = true; break;
                case "exclusiveMinimum": exclusiveMinimum = Double(value); break;
                case "exclusiveMaximum": exclusiveMaximum = Double(value); break;
                case "items" when value.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False:
                    items = CompileAt(value, at);
                    hasArrayKeywords = true;
                    break;
                case "minItems": minItems = Int(value); hasArrayKeywords = true; break;
                case "maxItems": maxItems = Int(value); hasArrayKeywords = true; break;
                case "uniqueItems": uniqueItems = value.ValueKind == JsonValueKind.True; hasArrayKeywords = true; break;
                case "properties" when value.ValueKind == JsonValueKind.Object:
                    properties = [.. value.EnumerateObject().Select(p => (p.Name, CompileAt(p.Value, at + "/" + Escape(p.Name))))];
                    break;
                case "required" when value.ValueKind == JsonValueKind.Array:
                    required = [.. value.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).Distinct()];
                    break;
                case "additionalProperties" when value.ValueKind == JsonValueKind.False: extras = ExtraProperties.Forbidden; break;
                case "additionalProperties" when value.ValueKind == JsonValueKind.Object:
                    extras = ExtraProperties.Checked;
                    extraSchema = CompileAt(value, at);
                    break;
                case "patternProperties": hasPatternProperties = true; break;
                case "$ref" when value.ValueKind == JsonValueKind.String:
                    reference = new ReferenceCheck(Canonical(value.GetString()!));
                    _references.Add(reference);
                    break;
                case "allOf" when value.ValueKind == JsonValueKind.Array: allOf = CompileAll(value, at); break;
                case "anyOf" when value.ValueKind == JsonValueKind.Array: anyOf = CompileAll(value, at); break;
                case "oneOf" when value.ValueKind == JsonValueKind.Array: oneOf = CompileAll(value, at); break;
                case "$defs" or "definitions" when value.ValueKind == JsonValueKind.Object:
                    foreach (var definition in value.EnumerateObject()) CompileAt(definition.Value, at + "/" + Escape(definition.Name));
                    break;
            }
        }

        if (exclusiveMinimumFlag && minimum is not null) (exclusiveMinimum, minimum) = (minimum, null);
        if (exclusiveMaximumFlag && maximum is not null) (exclusiveMaximum, maximum) = (maximum, null);
        if (nullable && types != JsonTypes.Any) types |= JsonTypes.Null;
        // Without the list of pattern-named properties, an extra property cannot be told from a pattern-matched one.
        if (hasPatternProperties && extras != ExtraProperties.Allowed) (extras, extraSchema) = (ExtraProperties.Allowed, null);

        var checks = new List<SchemaCheck>();
        node.Types = types;
        if (types != JsonTypes.Any) checks.Add(new TypeCheck(types));
        if (values is not null) checks.Add(values);
        if (minLength is not null || maxLength is not null || pattern is not null || format is not null)
            checks.Add(new StringCheck(minLength, maxLength, pattern, patternText, format));
        if (minimum is not null || maximum is not null || exclusiveMinimum is not null || exclusiveMaximum is not null)
            checks.Add(new NumberCheck(minimum, maximum, exclusiveMinimum, exclusiveMaximum, types));
        if (hasArrayKeywords) checks.Add(new ArrayCheck(items, minItems, maxItems, uniqueItems));
        if (properties is not null || required is not null || extras != ExtraProperties.Allowed)
            checks.Add(CompileObject(properties ?? [], required ?? [], extras, extraSchema));
        if (reference is not null)
        {
            node.Reference = reference;
            checks.Add(reference);
        }
        if (allOf is not null) checks.Add(new AllOfCheck(allOf));
        if (anyOf is not null) checks.Add(new AnyOfCheck(anyOf, exactlyOne: false));
        if (oneOf is not null) checks.Add(new AnyOfCheck(oneOf, exactlyOne: true));
        node.Checks = [.. checks];
        return node;
    }

    private SchemaNode[] CompileAll(JsonElement array, string at) => [.. array.EnumerateArray().Select((s, i) => CompileAt(s, $"{at}/{i}"))];

    private static ObjectCheck CompileObject(List<(string Name, SchemaNode Schema)> properties, List<string> required, ExtraProperties extras, SchemaNode? extraSchema)
    {
        var requiredSet = new HashSet<string>(required, StringComparer.Ordinal);
        var named = new HashSet<string>(StringComparer.Ordinal);
        var rules = new List<PropertyRule>();
        foreach (var (name, schema) in properties)
        {
            if (named.Add(name)) rules.Add(new PropertyRule(name, schema, requiredSet.Contains(name)));
        }
        foreach (var name in required)
        {
            if (!named.Contains(name)) rules.Add(new PropertyRule(name, null, Required: true));
        }
        return new ObjectCheck([.. rules], named, extras, extraSchema);
    }

    private static Regex? CompilePattern(string pattern)
    {
        try
        {
            // Linear-time matching where the pattern allows it; the timeout still guards the backtracking fallback.
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, PatternTimeout);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException)
        {
            // A pattern .NET cannot read is not enforced rather than failing every call of the tool.
            return null;
        }
    }

    private void ResolveReferences()
    {
        // Resolving can compile new subtrees that hold references of their own, so loop until none are left.
        for (var i = 0; i < _references.Count; i++)
        {
            var reference = _references[i];
            if (!_byPointer.TryGetValue(reference.Pointer, out var target))
                target = Resolve(reference.Pointer) is { } element ? CompileAt(element, reference.Pointer) : null;
            reference.Target = target;
        }
    }

    /// <summary>
    /// Cuts <c>$ref</c> loops that never step into the value (such as <c>{"$ref": "#"}</c> at the root), which would recurse
    /// forever; the cut reference accepts anything. Loops through properties or items are fine and stay, since each
    /// step goes one level deeper into the value and <see cref="SchemaNode.MaxDepth"/> bounds that.
    /// </summary>
    private void CutReferenceCycles()
    {
        var state = new Dictionary<SchemaNode, bool>(ReferenceEqualityComparer.Instance); // false: on the current path; true: done
        var path = new Stack<ReferenceCheck>();
        foreach (var node in _all) Visit(node);

        void Visit(SchemaNode node)
        {
            if (state.ContainsKey(node)) return;
            state[node] = false;
            foreach (var check in node.Checks)
            {
                switch (check)
                {
                    case ReferenceCheck { Target: { } target } reference:
                        path.Push(reference);
                        Follow(target);
                        path.Pop();
                        break;
                    case AllOfCheck all:
                        foreach (var part in all.Parts) Follow(part);
                        break;
                    case AnyOfCheck any:
                        foreach (var option in any.Options) Follow(option);
                        break;
                }
            }
            state[node] = true;
        }

        void Follow(SchemaNode next)
        {
            if (state.TryGetValue(next, out var done) && !done)
            {
                // Every loop passes through a reference (the rest of the schema is a tree), so the latest one is in it.
                if (path.Count > 0) path.Peek().Target = null;
                return;
            }
            Visit(next);
        }
    }

    private JsonElement? Resolve(string pointer)
    {
        if (!pointer.StartsWith('#')) return null;
        var current = _root;
        foreach (var raw in pointer[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/").Replace("~0", "~");
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child)) current = child;
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index) && index >= 0 && index < current.GetArrayLength()) current = current[index];
            else return null;
        }
        return current;
    }

    /// <summary>A local reference written the way pointers are keyed here: percent-escapes decoded, <c>~0</c>/<c>~1</c> kept.</summary>
    private static string Canonical(string reference)
    {
        if (!reference.StartsWith('#') || !reference.Contains('%')) return reference;
        try
        {
            return Uri.UnescapeDataString(reference);
        }
        catch (UriFormatException)
        {
            return reference;
        }
    }

    private static JsonTypes ParseTypes(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String) return ParseType(value.GetString());
        if (value.ValueKind != JsonValueKind.Array) return JsonTypes.Any;
        var types = JsonTypes.Any;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String) types |= ParseType(item.GetString());
        }
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

    /// <summary>A count keyword's value; JSON Schema counts <c>2.0</c> as the integer 2, so it is read as one.</summary>
    private static int? Int(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number) return null;
        if (value.TryGetInt32(out var i)) return i;
        return value.TryGetDouble(out var d) && Math.Floor(d) == d && d is >= int.MinValue and <= int.MaxValue ? (int)d : null;
    }

    private static double? Double(JsonElement value) => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) ? d : null;
}
