using Inlay.Tests.Support;

namespace Inlay.Tests.Validation.SchemaTestSuite;

/// <summary>docs/argument-validation.md names every keyword the suite run skips and every deviation it allows.</summary>
public sealed class ArgumentValidationDocTests
{
    private static readonly Lazy<string> Doc = new(() => File.ReadAllText(Path.Combine(Repository.Root, "docs", "argument-validation.md")).ReplaceLineEndings("\n"));

    [Fact]
    public void Every_skipped_keyword_is_in_the_doc() =>
        Assert.All(ValidatorKeywords.NotImplemented, keyword => Assert.Contains($"`{keyword}`", Doc.Value, StringComparison.Ordinal));

    [Fact]
    public void Every_deviation_is_in_the_doc_under_its_reason()
    {
        foreach (var (id, deviation) in IntendedDeviations.ByCase)
        {
            var heading = Doc.Value.IndexOf($"### {deviation.Reason}\n", StringComparison.Ordinal);
            Assert.True(heading >= 0, $"The doc has no heading '### {deviation.Reason}'.");
            var next = Doc.Value.IndexOf("\n### ", heading + 1, StringComparison.Ordinal);
            var section = Doc.Value[heading..(next < 0 ? Doc.Value.Length : next)].Replace('\n', ' ');
            Assert.True(section.Contains($"\"{SuiteCases.Get(id).Test}\"", StringComparison.Ordinal), $"The doc's '{deviation.Reason}' section does not name the case '{id}'.");
        }
    }
}
