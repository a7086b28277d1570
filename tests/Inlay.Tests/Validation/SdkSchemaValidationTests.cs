using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Server;

namespace Inlay.Tests.Validation;

/// <summary>
/// The validator against schemas the SDK really generates (through Microsoft.Extensions.AI) for C# parameters:
/// numbers of each width, enums, nullable values, records, collections, dictionaries, polymorphic types and the
/// constraints data annotations add.
/// </summary>
public sealed class SdkSchemaValidationTests
{
    public enum Size { Small, Medium, Large }

    public sealed record Address(string Street, int Zip);

    [JsonPolymorphic]
    [JsonDerivedType(typeof(Circle), "circle")]
    [JsonDerivedType(typeof(Square), "square")]
    public abstract record Shape;

    public sealed record Circle(double Radius) : Shape;

    public sealed record Square(double Side) : Shape;

    private static readonly ToolArgumentValidator Kinds = Validator(McpServerTool.Create(
        (long big, byte small, uint unsigned, decimal money, float single, Size? maybeSize, char letter, DateOnly day, TimeOnly at, TimeSpan span,
         Uri link, int[][] grid, Dictionary<string, Address> book, JsonElement anything, Shape shape, Size size = Size.Medium) => "ok").ProtocolTool.InputSchema);

    private const string ValidKinds = """
        {"big":9007199254740993,"small":255,"unsigned":4000000000,"money":12.34,"single":1.5,"maybeSize":null,"letter":"x",
         "day":"2026-01-31","at":"09:30:00","span":"00:01:30","link":"https://example.com/a","grid":[[1,2],[3]],
         "book":{"home":{"street":"Main","zip":1}},"anything":{"deep":[1,"two",null]},"shape":{"$type":"circle","radius":2}}
        """;

    private static ToolArgumentValidator Validator(JsonElement schema) => ToolArgumentValidator.Compile(schema);

    private static Dictionary<string, JsonElement> Parse(string json) => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    private static string? WithChange(string property, string valueJson)
    {
        var args = Parse(ValidKinds);
        if (valueJson == "<remove>") args.Remove(property);
        else args[property] = JsonDocument.Parse(valueJson).RootElement;
        return Kinds.Validate(args);
    }

    [Fact]
    public void A_valid_call_with_every_kind_passes() => Assert.Null(Kinds.Validate(Parse(ValidKinds)));

    [Theory]
    [InlineData("big", "-9223372036854775808")]
    [InlineData("big", "\"-42\"")]
    [InlineData("small", "\"+7\"")]
    [InlineData("small", "\"05\"")]
    [InlineData("money", "\"12.5\"")]
    [InlineData("money", "\".5\"")]
    [InlineData("single", "\"1e5\"")]
    [InlineData("single", "-0")]
    [InlineData("maybeSize", "\"Large\"")]
    [InlineData("size", "\"Small\"")]
    [InlineData("size", "<remove>")]
    [InlineData("letter", "\"\U0001F600\"")]
    [InlineData("at", "\"09:30\"")]
    [InlineData("span", "\"1.02:03:04.5\"")]
    [InlineData("grid", "[]")]
    [InlineData("grid", "[[]]")]
    [InlineData("book", "{}")]
    [InlineData("anything", "null")]
    [InlineData("anything", "[[[[\"whatever\"]]]]")]
    [InlineData("shape", "{\"$type\":\"square\",\"side\":3}")]
    public void Values_the_binder_reads_are_accepted(string property, string value) => Assert.Null(WithChange(property, value));

    [Theory]
    [InlineData("big", "5.0", "Argument 'big' must be an integer written without a decimal point or exponent, but got 5.0.")]
    [InlineData("big", "1e2", "Argument 'big' must be an integer written without a decimal point or exponent, but got 1e2.")]
    [InlineData("big", "2.5", "Argument 'big' must be an integer, but got a number.")]
    [InlineData("small", "\" 5\"", "Argument 'small' must be an integer, but got a string.")]
    [InlineData("small", "\"5.0\"", "Argument 'small' must be an integer, but got a string.")]
    [InlineData("small", "\"\"", "Argument 'small' must be an integer, but got a string.")]
    [InlineData("money", "\"NaN\"", "Argument 'money' must be a number, but got a string.")]
    [InlineData("money", "\"1,5\"", "Argument 'money' must be a number, but got a string.")]
    [InlineData("money", "true", "Argument 'money' must be a number, but got a boolean.")]
    [InlineData("maybeSize", "\"Huge\"", "Argument 'maybeSize' must be one of: Small, Medium, Large, null.")]
    [InlineData("maybeSize", "<remove>", "Missing required argument 'maybeSize'.")]
    [InlineData("size", "\"small\"", "Argument 'size' must be one of: Small, Medium, Large.")]
    [InlineData("size", "null", "Argument 'size' must be a string, but got null.")]
    [InlineData("letter", "\"ab\"", "Argument 'letter' must be at most 1 character long, but has 2.")]
    [InlineData("letter", "\"\"", "Argument 'letter' must not be empty.")]
    [InlineData("day", "\"2026-1-31\"", "Argument 'day' must be a date such as 2026-01-31.")]
    [InlineData("day", "\"2026-01-31T00:00:00\"", "Argument 'day' must be a date such as 2026-01-31.")]
    [InlineData("at", "\"half past nine\"", "Argument 'at' must be a time such as 09:30:00.")]
    [InlineData("link", "\"not a uri\"", "Argument 'link' must be an absolute URI.")]
    [InlineData("grid", "[[1],[2,\"three\"]]", "Argument 'grid[1][1]' must be an integer, but got a string.")]
    [InlineData("grid", "[1]", "Argument 'grid[0]' must be an array, but got an integer.")]
    [InlineData("book", "{\"home\":{\"street\":\"Main\",\"zip\":1},\"work\":{\"zip\":2}}", "Argument 'book.work.street' is required but missing.")]
    [InlineData("book", "{\"home\":[]}", "Argument 'book.home' must be an object, but got an array.")]
    [InlineData("shape", "{\"$type\":\"square\"}", "Argument 'shape.side' is required but missing.")]
    [InlineData("shape", "{\"$type\":\"circle\",\"radius\":\"big\"}", "Argument 'shape.radius' must be a number, but got a string.")]
    [InlineData("shape", "{\"radius\":2}", "Argument 'shape.$type' is required but missing.")]
    [InlineData("shape", "\"circle\"", "Argument 'shape' must be an object, but got a string.")]
    public void Misfits_name_the_argument_and_the_reason(string property, string value, string expected) =>
        Assert.Equal(expected, WithChange(property, value));

    [Fact]
    public void The_span_pattern_the_sdk_writes_for_a_TimeSpan_is_enforced()
    {
        var message = WithChange("span", "\"soon\"");
        Assert.NotNull(message);
        Assert.StartsWith("Argument 'span' must match the pattern ", message);
    }

    [Fact]
    public void An_unknown_subtype_is_told_which_discriminator_it_got_wrong() =>
        Assert.StartsWith("Argument 'shape.$type' must be ", WithChange("shape", """{"$type":"triangle","radius":1}"""));

    [Fact]
    public void Problems_come_in_schema_order_whatever_order_the_caller_sent()
    {
        var args = new Dictionary<string, JsonElement>();
        foreach (var (name, value) in Parse(ValidKinds).Reverse()) args[name] = value;
        args["shape"] = JsonDocument.Parse("1").RootElement;
        args["big"] = JsonDocument.Parse("\"x\"").RootElement;
        args.Remove("letter");
        Assert.Equal(
            "Argument 'big' must be an integer, but got a string. Missing required argument 'letter'. Argument 'shape' must be an object, but got an integer.",
            Kinds.Validate(args));
    }

    [Fact]
    public void At_most_three_problems_are_reported_even_when_they_are_nested()
    {
        var message = WithChange("grid", """[["a","b"],["c","d"]]""");
        Assert.Equal("Argument 'grid[0][0]' must be an integer, but got a string. Argument 'grid[0][1]' must be an integer, but got a string. " +
            "Argument 'grid[1][0]' must be an integer, but got a string.", message);
    }

    public static int Annotated([Range(1, 10)] int rating, [StringLength(8, MinimumLength = 2)] string code, [RegularExpression("^[a-z]+$")] string slug,
        [EmailAddress] string mail, [MinLength(1)] string[] tags, [MaxLength(2)] List<int> picks) => rating;

    private static readonly ToolArgumentValidator AnnotatedTool = Validator(
        AIJsonUtilities.CreateFunctionJsonSchema(typeof(SdkSchemaValidationTests).GetMethod(nameof(Annotated))!));

    private const string ValidAnnotated = """{"rating":5,"code":"ab","slug":"tea","mail":"ada@example.com","tags":["x"],"picks":[1,2]}""";

    [Theory]
    [InlineData("rating", "11", "Argument 'rating' must be at most 10.")]
    [InlineData("rating", "0", "Argument 'rating' must be at least 1.")]
    [InlineData("rating", "\"11\"", "Argument 'rating' must be at most 10.")]
    [InlineData("code", "\"a\"", "Argument 'code' must be at least 2 characters long, but has 1.")]
    [InlineData("code", "\"abcdefghi\"", "Argument 'code' must be at most 8 characters long, but has 9.")]
    [InlineData("slug", "\"Tea\"", "Argument 'slug' must match the pattern ^[a-z]+$.")]
    [InlineData("mail", "\"ada\"", "Argument 'mail' must be an email address.")]
    [InlineData("mail", "\"a@b@c\"", "Argument 'mail' must be an email address.")]
    [InlineData("tags", "[]", "Argument 'tags' must have at least 1 item.")]
    [InlineData("picks", "[1,2,3]", "Argument 'picks' must have at most 2 items, but has 3.")]
    public void Data_annotation_constraints_are_enforced(string property, string value, string expected)
    {
        var args = Parse(ValidAnnotated);
        args[property] = JsonDocument.Parse(value).RootElement;
        Assert.Null(AnnotatedTool.Validate(Parse(ValidAnnotated)));
        Assert.Equal(expected, AnnotatedTool.Validate(args));
    }

    [Fact]
    public void A_tool_without_parameters_accepts_no_arguments_null_or_empty()
    {
        var none = Validator(McpServerTool.Create(() => "ok").ProtocolTool.InputSchema);
        Assert.Null(none.Validate(null));
        Assert.Null(none.Validate(new Dictionary<string, JsonElement>()));
        Assert.Null(none.Validate(Parse("""{"stray":1}""")));
    }

    [Fact]
    public void Only_optional_parameters_means_null_arguments_are_fine()
    {
        var optional = Validator(McpServerTool.Create((string? query = null, int page = 1) => "ok").ProtocolTool.InputSchema);
        Assert.Null(optional.Validate(null));
        Assert.Equal("Argument 'page' must be an integer, but got null.", optional.Validate(Parse("""{"page":null}""")));
    }

    [Fact]
    public void A_call_that_fits_allocates_nothing()
    {
        var args = Parse(ValidKinds);
        args.Remove("day");
        args.Remove("at");
        args.Remove("link");
        var validator = Validator(McpServerTool.Create(
            (long big, byte small, decimal money, Size? maybeSize, char letter, int[][] grid, Dictionary<string, Address> book, Shape shape, Size size = Size.Medium) => "ok")
            .ProtocolTool.InputSchema);
        Assert.Null(validator.Validate(args));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) validator.Validate(args);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
