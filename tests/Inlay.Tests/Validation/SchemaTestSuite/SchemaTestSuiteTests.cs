using System.Text.Json;

namespace Inlay.Tests.Validation.SchemaTestSuite;

/// <summary>
/// Inlay's argument validator against the official JSON-Schema-Test-Suite (draft 2020-12), with JsonSchema.Net as the
/// oracle: every case that uses only implemented keywords must get the suite's verdict, or the documented deviation.
/// </summary>
public sealed class SchemaTestSuiteTests
{
    public static TheoryData<string> RunCases => [.. SuiteCases.All.Where(c => ValidatorKeywords.FirstNotImplemented(c.Schema) is null).Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(RunCases))]
    public void The_validator_gives_the_suite_verdict_or_its_documented_deviation(string id)
    {
        var suiteCase = SuiteCases.Get(id);
        var deviation = IntendedDeviations.ByCase.GetValueOrDefault(id);
        var oracle = SchemaOracle.IsValid(suiteCase.Schema, suiteCase.Data, suiteCase.AssertsFormats);
        Assert.True(oracle == suiteCase.Valid == (deviation?.OracleAgrees ?? true),
            $"{id}: JsonSchema.Net says {Verdict(oracle)}, the suite {Verdict(suiteCase.Valid)}{(deviation is { OracleAgrees: false } ? ", but the deviation says they disagree" : "")}.");

        var inlay = InlayAccepts(suiteCase.Schema, suiteCase.Data);
        if (deviation is not null)
            Assert.True(inlay != suiteCase.Valid, $"{id}: the documented deviation '{deviation.Reason}' no longer happens: remove the case from IntendedDeviations and the doc.");
        else
            Assert.True(inlay == suiteCase.Valid, $"{id}: Inlay says {Verdict(inlay)}, the suite {Verdict(suiteCase.Valid)}.");
    }

    [Fact]
    public void Every_documented_deviation_is_a_case_that_runs()
    {
        foreach (var id in IntendedDeviations.ByCase.Keys)
        {
            Assert.True(SuiteCases.Exists(id), $"No suite case '{id}'.");
            Assert.Null(ValidatorKeywords.FirstNotImplemented(SuiteCases.Get(id).Schema));
        }
    }

    private static string Verdict(bool valid) => valid ? "valid" : "invalid";

    /// <summary>
    /// The validator's verdict: the compiled schema applied to the instance, and, for an object instance (the shape of
    /// tool arguments), the same through <see cref="ToolArgumentValidator"/>, which must agree.
    /// </summary>
    private static bool InlayAccepts(JsonElement schema, JsonElement data)
    {
        var root = SchemaCompiler.Compile(schema);
        var context = ValidationContext.Rent(limit: 3);
        bool accepts;
        try
        {
            accepts = root.Check(data, context);
        }
        finally
        {
            ValidationContext.Return(context);
        }

        if (data.ValueKind == JsonValueKind.Object)
        {
            var arguments = data.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
            Assert.True(accepts == ToolArgumentValidator.Compile(schema).Validate(arguments) is null, "The schema and the tool-arguments paths disagree.");
        }
        return accepts;
    }
}
