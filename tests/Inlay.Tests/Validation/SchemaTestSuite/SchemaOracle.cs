using System.Text.Json;
using Json.Schema;

namespace Inlay.Tests.Validation.SchemaTestSuite;

/// <summary>
/// A complete draft 2020-12 validator (JsonSchema.Net) that the suite's verdicts are checked against, so a deviation is
/// known to be Inlay's and not a misreading of the case.
/// </summary>
public static class SchemaOracle
{
    private static readonly Uri CaseUri = new("https://inlay.test/schema-test-suite/case.json");

    /// <summary>The oracle's verdict for <paramref name="data"/> under <paramref name="schema"/>.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="data">The instance.</param>
    /// <param name="assertFormats">Whether <c>format</c> is asserted rather than only annotated.</param>
    public static bool IsValid(JsonElement schema, JsonElement data, bool assertFormats)
    {
        // A registry per case: the suite reuses identifiers across cases.
        var build = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };
        var compiled = JsonSchema.Build(schema, build, CaseUri);
        var evaluation = new EvaluationOptions { OutputFormat = OutputFormat.Flag, RequireFormatValidation = assertFormats };
        return compiled.Evaluate(data, evaluation).IsValid;
    }
}
