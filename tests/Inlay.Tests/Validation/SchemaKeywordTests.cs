using System.Text.Json;

namespace Inlay.Tests.Validation;

/// <summary>The validator against hand-written schemas: each keyword it supports, references, and hostile shapes.</summary>
public sealed class SchemaKeywordTests
{
    private const string Definitions = """{"small":{"type":"integer","maximum":5},"my small":{"type":"integer","maximum":5}}""";

    private static ToolArgumentValidator Compile(string schema) => ToolArgumentValidator.Compile(JsonDocument.Parse(schema).RootElement);

    private static string? Check(ToolArgumentValidator validator, string arguments) =>
        validator.Validate(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(arguments));

    /// <summary>Checks <paramref name="value"/> as the argument <c>v</c>, whose schema is <paramref name="propertySchema"/>, with shared definitions under <c>$defs</c> and <c>definitions</c>.</summary>
    private static string? CheckV(string propertySchema, string value) =>
        Check(Compile($$"""{"type":"object","properties":{"v":{{propertySchema}}},"$defs":{{Definitions}},"definitions":{{Definitions}}}"""), $$"""{"v":{{value}}}""");

    [Theory]
    [InlineData("""{"type":["string","integer"]}""", "[]", "Argument 'v' must be a string or an integer, but got an array.")]
    [InlineData("""{"anyOf":[{"type":"string"},{"type":"integer"}]}""", "true", "Argument 'v' must be a string or an integer, but got a boolean.")]
    [InlineData("""{"oneOf":[{"type":"integer"},{"type":"number"}]}""", "3", "Argument 'v' fits more than one of the allowed alternatives.")]
    [InlineData("""{"type":"integer","nullable":true,"maximum":3}""", "4", "Argument 'v' must be at most 3.")]
    [InlineData("""{"type":"integer","nullable":true}""", "\"x\"", "Argument 'v' must be an integer or null, but got a string.")]
    [InlineData("""{"type":"number","minimum":0,"exclusiveMinimum":true}""", "0", "Argument 'v' must be greater than 0.")]
    [InlineData("""{"type":"integer","exclusiveMaximum":10}""", "\"10\"", "Argument 'v' must be less than 10.")]
    [InlineData("""{"enum":[1,2,3]}""", "4", "Argument 'v' must be one of: 1, 2, 3.")]
    [InlineData("""{"type":"array","items":false}""", "[1]", "Argument 'v[0]' is not allowed.")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"object","properties":{"b":{}},"additionalProperties":false}}}""", """{"a":{"b":1,"zz":2}}""", "Argument 'v.a.zz' is not a known property.")]
    [InlineData("""{"type":"object","required":["id"]}""", "{}", "Argument 'v.id' is required but missing.")]
    [InlineData("""{"$ref":"#/$defs/small","minimum":1}""", "0", "Argument 'v' must be at least 1.")]
    [InlineData("""{"$ref":"#/$defs/small","minimum":1}""", "9", "Argument 'v' must be at most 5.")]
    [InlineData("""{"$ref":"#/definitions/small"}""", "9", "Argument 'v' must be at most 5.")]
    [InlineData("""{"$ref":"#/$defs/my%20small"}""", "9", "Argument 'v' must be at most 5.")]
    [InlineData("""{"type":"string","maxLength":1}""", "\"\\u00e9\\u00e9\"", "Argument 'v' must be at most 1 character long, but has 2.")]
    [InlineData("""{"type":"string","format":"guid"}""", "\"nope\"", "Argument 'v' must be a UUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301.")]
    [InlineData("""{"type":"string","format":"time"}""", "\"25:99\"", "Argument 'v' must be a time such as 09:30:00.")]
    [InlineData("""{"type":"string","format":"time"}""", "\"01:01:01,1111\"", "Argument 'v' must be a time such as 09:30:00.")]
    [InlineData("""{"type":"string","format":"uri"}""", "\"/abc\"", "Argument 'v' must be an absolute URI.")]
    [InlineData("""{"type":"string","format":"uri"}""", "\"\\\\\\\\server\\\\share\"", "Argument 'v' must be an absolute URI.")]
    [InlineData("""{"type":"string","minLength":2.0}""", "\"a\"", "Argument 'v' must be at least 2 characters long, but has 1.")]
    [InlineData("""{"type":"array","maxItems":1.0}""", "[1,2]", "Argument 'v' must have at most 1 item, but has 2.")]
    [InlineData("""{"type":"string","pattern":"^(?=.*\\d).+$"}""", "\"abc\"", "Argument 'v' must match the pattern ^(?=.*\\d).+$.")]
    [InlineData("""{"type":"array","uniqueItems":true}""", "[1,{\"a\":[1]},1.0]", "Argument 'v' must not repeat items, but items 0 and 2 are equal.")]
    [InlineData("""{"type":"array","uniqueItems":true}""", "[{\"a\":[1]},{\"a\":[1]}]", "Argument 'v' must not repeat items, but items 0 and 1 are equal.")]
    [InlineData("""{"type":"array","items":{"type":"integer"},"minItems":2}""", "[1]", "Argument 'v' must have at least 2 items.")]
    public void A_misfit_is_named_with_its_reason(string propertySchema, string value, string expected) =>
        Assert.Equal(expected, CheckV(propertySchema, value));

    [Theory]
    [InlineData("""{"oneOf":[{"type":"integer"},{"type":"string"}]}""", "3")]
    [InlineData("""{"anyOf":[{"type":"null"},{"$ref":"#/$defs/small"}]}""", "null")]
    [InlineData("""{"type":"integer","nullable":true}""", "null")]
    [InlineData("""{"const":1}""", "1.0")]
    [InlineData("""{"type":"string","maxLength":2}""", "\"\uD83D\uDE00\uD83D\uDE00\"")]
    [InlineData("""{"type":"string","minLength":2}""", "\"\\uD83D\\uDE00\\uD83D\\uDE00\"")]
    [InlineData("""{"type":"string","format":"colour"}""", "\"anything\"")]
    [InlineData("""{"type":"string","format":"email"}""", "\"ada@example.com\"")]
    [InlineData("""{"type":"string","pattern":"["}""", "\"an unreadable pattern is not enforced\"")]
    [InlineData("""{"type":"string","pattern":"^(?=.*\\d).+$"}""", "\"a1\"")]
    [InlineData("""{"type":"string","x-vendor":1,"contentEncoding":"base64","description":"d","default":"x"}""", "\"unknown keywords are ignored\"")]
    [InlineData("""{"type":"object","patternProperties":{"^x-":{}},"additionalProperties":false}""", """{"x-a":1}""")]
    [InlineData("""{"$ref":"https://example.com/remote.json"}""", "\"unresolvable references accept anything\"")]
    [InlineData("""true""", "{\"a\":[1]}")]
    [InlineData("""{}""", "null")]
    public void A_fit_passes(string propertySchema, string value) => Assert.Null(CheckV(propertySchema, value));

    [Fact]
    public void A_false_property_schema_forbids_the_argument()
    {
        var validator = Compile("""{"type":"object","properties":{"legacy":false,"q":{"type":"string"}}}""");
        Assert.Equal("Argument 'legacy' is not allowed.", Check(validator, """{"q":"x","legacy":1}"""));
        Assert.Null(Check(validator, """{"q":"x"}"""));
    }

    [Fact]
    public void Unknown_arguments_are_reported_after_the_named_ones_when_forbidden()
    {
        var strict = Compile("""{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"}},"required":["a"],"additionalProperties":false}""");
        Assert.Equal("Unknown argument 'nmae'. Unknown argument 'b2'.", Check(strict, """{"nmae":"x","a":"y","b2":1}"""));
        Assert.Equal("Missing required argument 'a'. Argument 'b' must be an integer, but got a string. Unknown argument 'nmae'.",
            Check(strict, """{"nmae":"x","b":"two"}"""));
    }

    [Fact]
    public void Extra_arguments_must_fit_an_additionalProperties_schema()
    {
        var map = Compile("""{"type":"object","properties":{"name":{"type":"string"}},"additionalProperties":{"type":"number"}}""");
        Assert.Null(Check(map, """{"name":"x","a":1,"b":2.5}"""));
        Assert.Equal("Argument 'b' must be a number, but got a string.", Check(map, """{"name":"x","a":1,"b":"y"}"""));
    }

    [Fact]
    public void A_root_schema_behind_a_ref_is_followed()
    {
        var validator = Compile("""{"$ref":"#/$defs/args","$defs":{"args":{"type":"object","properties":{"q":{"type":"string"}},"required":["q"]}}}""");
        Assert.Equal("Missing required argument 'q'.", validator.Validate(null));
        Assert.Equal("Argument 'q' must be a string, but got an integer.", Check(validator, """{"q":1}"""));
        Assert.Null(Check(validator, """{"q":"tea"}"""));
    }

    [Theory]
    [InlineData("""{"$ref":"#"}""")]
    [InlineData("""{"type":"object","properties":{"v":{"$ref":"#/$defs/a"}},"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}}}""")]
    [InlineData("""{"type":"object","properties":{"v":{"$ref":"#/$defs/a"}},"$defs":{"a":{"allOf":[{"$ref":"#/$defs/a"}]}}}""")]
    [InlineData("""{"type":"object","properties":{"v":{"$ref":"#/$defs/a"}},"$defs":{"a":{"anyOf":[{"type":"null"},{"$ref":"#/$defs/a"}]}}}""")]
    public void Reference_loops_that_never_step_into_the_value_do_not_recurse_forever(string schema) =>
        Assert.Null(Check(Compile(schema), """{"v":1}"""));

    [Fact]
    public void Hostile_object_nesting_is_cut_at_the_depth_limit_and_names_the_top_argument()
    {
        var validator = Compile("""{"type":"object","properties":{"v":{"$ref":"#/$defs/o"}},"$defs":{"o":{"type":"object","additionalProperties":{"$ref":"#/$defs/o"}}}}""");
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 500)) + "{}" + new string('}', 500);
        var value = JsonDocument.Parse(deep, new JsonDocumentOptions { MaxDepth = 2000 }).RootElement;
        Assert.Equal($"Argument 'v' is nested more than {SchemaNode.MaxDepth} levels deep.", validator.Validate(new Dictionary<string, JsonElement> { ["v"] = value }));

        var shallow = string.Concat(Enumerable.Repeat("{\"a\":", 10)) + "{}" + new string('}', 10);
        Assert.Null(Check(validator, $$"""{"v":{{shallow}}}"""));
    }

    [Fact]
    public void A_huge_array_is_checked_item_by_item_without_recursion()
    {
        var validator = Compile("""{"type":"object","properties":{"v":{"type":"array","items":{"type":"integer","minimum":0},"uniqueItems":true}}}""");
        var items = Enumerable.Range(0, 100_000).ToList();
        Assert.Null(Check(validator, $$"""{"v":[{{string.Join(",", items)}}]}"""));
        items.Add(4242);
        Assert.Equal("Argument 'v' must not repeat items, but items 4242 and 100000 are equal.", Check(validator, $$"""{"v":[{{string.Join(",", items)}}]}"""));
        items[99_999] = -1;
        Assert.Equal("Argument 'v[99999]' must be at least 0.", Check(validator, $$"""{"v":[{{string.Join(",", items)}}]}"""));
    }

    [Fact]
    public void Escaped_and_non_ascii_property_names_match()
    {
        var validator = Compile("""{"type":"object","properties":{"naïve":{"type":"integer"}},"required":["naïve"],"additionalProperties":false}""");
        Assert.Null(Check(validator, """{"naïve":1}"""));
        var nested = Compile("""{"type":"object","properties":{"o":{"type":"object","properties":{"naïve":{"type":"integer"}},"additionalProperties":false}}}""");
        Assert.Null(Check(nested, """{"o":{"na\u00efve":1}}"""));
        Assert.Equal("Argument 'o.na\"ve' is not a known property.", Check(nested, """{"o":{"na\"ve":1}}"""));
    }

    [Fact]
    public void Polymorphic_alternatives_explain_the_closest_one()
    {
        var validator = Compile("""
            {"type":"object","properties":{"pet":{"type":"object","required":["kind"],"anyOf":[
              {"properties":{"kind":{"const":"cat"},"lives":{"type":"integer"}},"required":["lives"]},
              {"properties":{"kind":{"const":"dog"},"good":{"type":"boolean"}},"required":["good"]}]}}}
            """);
        Assert.Null(Check(validator, """{"pet":{"kind":"dog","good":true}}"""));
        Assert.Equal("Argument 'pet.good' must be a boolean, but got a string.", Check(validator, """{"pet":{"kind":"dog","good":"very"}}"""));
        Assert.Equal("Argument 'pet.lives' is required but missing.", Check(validator, """{"pet":{"kind":"cat"}}"""));
    }
}
