using System.Text.Json;
using ModelContextProtocol.Server;

namespace Inlay.Tests.Validation;

public sealed class ToolArgumentValidatorTests
{
    public enum Size { Small, Medium, Large }

    public sealed record Address(string Street, int Zip);

    /// <summary>The schema the SDK really generates for a tool with these parameters.</summary>
    private static readonly ToolArgumentValidator Sdk = ToolArgumentValidator.Compile(McpServerTool.Create(
        (string name, int count, Size size, Address? address, string[] tags, DateTimeOffset when, Guid id, double? ratio, bool flag,
         List<Address> stops, Dictionary<string, int> scores, string? note = null, int limit = 5) => "ok").ProtocolTool.InputSchema);

    private const string Valid = """
        {"name":"Ada","count":2,"size":"Small","address":{"street":"Main","zip":1},"tags":["a"],"when":"2026-01-31T09:30:00Z",
         "id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","ratio":0.5,"flag":true,"stops":[],"scores":{"x":1}}
        """;

    private static string? Check(ToolArgumentValidator validator, string json) =>
        validator.Validate(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json));

    private static string? WithChange(string property, string valueJson)
    {
        var args = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Valid)!;
        if (valueJson == "<remove>") args.Remove(property);
        else args[property] = JsonDocument.Parse(valueJson).RootElement;
        return Sdk.Validate(args);
    }

    [Fact]
    public void A_valid_call_passes() => Assert.Null(Check(Sdk, Valid));

    [Fact]
    public void Optional_parameters_may_be_left_out_or_given()
    {
        Assert.Null(WithChange("note", "\"hi\""));
        Assert.Null(WithChange("note", "null"));
        Assert.Null(WithChange("limit", "9"));
    }

    [Theory]
    [InlineData("name", "<remove>", "Missing required argument 'name'.")]
    [InlineData("count", "<remove>", "Missing required argument 'count'.")]
    [InlineData("name", "42", "Argument 'name' must be a string, but got an integer.")]
    [InlineData("name", "null", "Argument 'name' must be a string, but got null.")]
    [InlineData("name", "[\"Ada\"]", "Argument 'name' must be a string, but got an array.")]
    [InlineData("count", "\"many\"", "Argument 'count' must be an integer, but got a string.")]
    [InlineData("count", "1.5", "Argument 'count' must be an integer, but got a number.")]
    [InlineData("count", "true", "Argument 'count' must be an integer, but got a boolean.")]
    [InlineData("count", "{}", "Argument 'count' must be an integer, but got an object.")]
    [InlineData("size", "\"Huge\"", "Argument 'size' must be one of: Small, Medium, Large.")]
    [InlineData("size", "1", "Argument 'size' must be a string, but got an integer.")]
    [InlineData("address", "{\"street\":\"Main\"}", "Argument 'address.zip' is required but missing.")]
    [InlineData("address", "{\"street\":\"Main\",\"zip\":\"x\"}", "Argument 'address.zip' must be an integer, but got a string.")]
    [InlineData("address", "\"Main street\"", "Argument 'address' must be an object or null, but got a string.")]
    [InlineData("tags", "[\"a\",\"b\",3]", "Argument 'tags[2]' must be a string, but got an integer.")]
    [InlineData("tags", "\"a\"", "Argument 'tags' must be an array, but got a string.")]
    [InlineData("when", "\"yesterday\"", "Argument 'when' must be a date and time such as 2026-01-31T09:30:00Z.")]
    [InlineData("id", "\"not-a-guid\"", "Argument 'id' must be a UUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301.")]
    [InlineData("ratio", "\"half\"", "Argument 'ratio' must be a number or null, but got a string.")]
    [InlineData("flag", "\"yes\"", "Argument 'flag' must be a boolean, but got a string.")]
    [InlineData("stops", "[{\"street\":\"A\",\"zip\":1},{\"street\":\"B\"}]", "Argument 'stops[1].zip' is required but missing.")]
    [InlineData("scores", "{\"x\":\"high\"}", "Argument 'scores.x' must be an integer, but got a string.")]
    [InlineData("limit", "2.5", "Argument 'limit' must be an integer, but got a number.")]
    public void Each_misfit_names_the_argument_and_the_reason(string property, string value, string expected) =>
        Assert.Equal(expected, WithChange(property, value));

    [Theory]
    [InlineData("count", "\"5\"")]
    [InlineData("ratio", "null")]
    [InlineData("ratio", "\"0.25\"")]
    [InlineData("address", "null")]
    [InlineData("when", "\"2026-01-31T09:30:00+02:00\"")]
    public void Values_the_tool_would_bind_are_accepted(string property, string value) => Assert.Null(WithChange(property, value));

    [Fact]
    public void Extra_arguments_are_allowed_unless_the_schema_forbids_them()
    {
        Assert.Null(WithChange("extra", "1"));
        var strict = Compile("""{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}""");
        Assert.Equal("Unknown argument 'b'.", Check(strict, """{"a":"x","b":1}"""));
    }

    [Fact]
    public void Several_problems_are_reported_together_up_to_three()
    {
        var message = Check(Sdk, "{}")!;
        Assert.StartsWith("Missing required argument 'name'. Missing required argument 'count'. Missing required argument 'size'.", message);
        Assert.DoesNotContain("'address'", message);
    }

    [Fact]
    public void No_arguments_at_all_is_fine_when_nothing_is_required()
    {
        var none = Compile("""{"type":"object","properties":{}}""");
        Assert.Null(none.Validate(null));
        Assert.Equal("Missing required argument 'q'.", Compile("""{"type":"object","properties":{"q":{"type":"string"}},"required":["q"]}""").Validate(null));
    }

    private static ToolArgumentValidator Compile(string schema) => ToolArgumentValidator.Compile(JsonDocument.Parse(schema).RootElement);

    [Theory]
    [InlineData("""{"type":"string","minLength":2}""", "\"a\"", "Argument 'v' must be at least 2 characters long, but has 1.")]
    [InlineData("""{"type":"string","minLength":1}""", "\"\"", "Argument 'v' must not be empty.")]
    [InlineData("""{"type":"string","maxLength":3}""", "\"abcd\"", "Argument 'v' must be at most 3 characters long, but has 4.")]
    [InlineData("""{"type":"string","pattern":"^[A-Z]+$"}""", "\"abc\"", "Argument 'v' must match the pattern ^[A-Z]+$.")]
    [InlineData("""{"type":"integer","minimum":1}""", "0", "Argument 'v' must be at least 1.")]
    [InlineData("""{"type":"integer","maximum":10}""", "11", "Argument 'v' must be at most 10.")]
    [InlineData("""{"type":"number","exclusiveMinimum":0}""", "0", "Argument 'v' must be greater than 0.")]
    [InlineData("""{"type":"number","exclusiveMaximum":1}""", "1", "Argument 'v' must be less than 1.")]
    [InlineData("""{"type":"array","minItems":1}""", "[]", "Argument 'v' must have at least 1 item.")]
    [InlineData("""{"type":"array","maxItems":2}""", "[1,2,3]", "Argument 'v' must have at most 2 items, but has 3.")]
    [InlineData("""{"type":"array","uniqueItems":true}""", "[1,2,1]", "Argument 'v' must not repeat items, but items 0 and 2 are equal.")]
    [InlineData("""{"const":"fixed"}""", "\"other\"", "Argument 'v' must be fixed.")]
    [InlineData("""{"type":"string","format":"date"}""", "\"31/01/2026\"", "Argument 'v' must be a date such as 2026-01-31.")]
    [InlineData("""{"type":"string","format":"uri"}""", "\"not a uri\"", "Argument 'v' must be an absolute URI.")]
    [InlineData("""{"type":"string","format":"email"}""", "\"ada\"", "Argument 'v' must be an email address.")]
    [InlineData("""{"anyOf":[{"type":"null"},{"type":"integer"}]}""", "\"x\"", "Argument 'v' must be an integer or null, but got a string.")]
    [InlineData("""{"allOf":[{"type":"integer"},{"minimum":5}]}""", "3", "Argument 'v' must be at least 5.")]
    public void Hand_written_schema_keywords_are_checked(string propertySchema, string value, string expected)
    {
        var validator = Compile("""{"type":"object","properties":{"v":SCHEMA}}""".Replace("SCHEMA", propertySchema));
        Assert.Equal(expected, Check(validator, """{"v":VALUE}""".Replace("VALUE", value)));
    }

    [Fact]
    public void Refs_to_defs_and_recursive_schemas_are_followed()
    {
        var validator = Compile("""
            {"type":"object","properties":{"tree":{"$ref":"#/$defs/node"}},
             "$defs":{"node":{"type":"object","properties":{"value":{"type":"integer"},"children":{"type":"array","items":{"$ref":"#/$defs/node"}}},"required":["value"]}}}
            """);
        Assert.Null(Check(validator, """{"tree":{"value":1,"children":[{"value":2,"children":[]}]}}"""));
        Assert.Equal("Argument 'tree.children[0].value' must be an integer, but got a string.",
            Check(validator, """{"tree":{"value":1,"children":[{"value":"two"}]}}"""));
    }

    [Fact]
    public void The_sdks_recursive_record_schema_with_json_pointer_refs_is_followed()
    {
        var recursive = ToolArgumentValidator.Compile(McpServerTool.Create((Node root) => "ok").ProtocolTool.InputSchema);
        Assert.Null(Check(recursive, """{"root":{"name":"a","next":{"name":"b","next":null}}}"""));
        Assert.Equal("Argument 'root.next.next.name' must be a string or null, but got an integer.",
            Check(recursive, """{"root":{"name":"a","next":{"name":"b","next":{"name":3,"next":null}}}}"""));
    }

    public sealed record Node(string? Name, Node? Next);

    [Fact]
    public void Hostile_nesting_stops_at_the_depth_limit_without_overflowing_the_stack()
    {
        var validator = Compile("""{"type":"object","properties":{"v":{"$ref":"#/$defs/any"}},"$defs":{"any":{"type":"array","items":{"$ref":"#/$defs/any"}}}}""");
        var deep = new string('[', 200) + new string(']', 200);
        var value = JsonDocument.Parse(deep, new JsonDocumentOptions { MaxDepth = 1000 }).RootElement;
        var message = validator.Validate(new Dictionary<string, JsonElement> { ["v"] = value });
        Assert.NotNull(message);
        Assert.Contains($"nested more than {SchemaNode.MaxDepth} levels deep", message);
    }
}
