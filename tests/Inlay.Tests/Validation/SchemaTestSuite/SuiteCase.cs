using System.Text.Json;

namespace Inlay.Tests.Validation.SchemaTestSuite;

/// <summary>One test of the JSON-Schema-Test-Suite: a schema, an instance, and whether the instance is valid.</summary>
/// <param name="File">The case file, such as <c>type.json</c> or <c>optional/format/date.json</c>.</param>
/// <param name="Group">The description of the schema the test belongs to.</param>
/// <param name="Test">The description of the test.</param>
/// <param name="Schema">The schema.</param>
/// <param name="Data">The instance.</param>
/// <param name="Valid">What the suite says the verdict is.</param>
public sealed record SuiteCase(string File, string Group, string Test, JsonElement Schema, JsonElement Data, bool Valid)
{
    /// <summary>A name for the case that is unique in the suite and readable in a test run.</summary>
    public string Id => $"{File} | {Group} | {Test}";

    /// <summary>Whether the suite expects formats to be asserted (its optional format files), not only annotated.</summary>
    public bool AssertsFormats => File.StartsWith("optional/format/", StringComparison.Ordinal);
}
