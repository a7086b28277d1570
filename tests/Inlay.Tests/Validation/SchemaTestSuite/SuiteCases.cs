using System.Text.Json;

namespace Inlay.Tests.Validation.SchemaTestSuite;

/// <summary>The vendored draft 2020-12 case files (embedded in the test assembly), read once.</summary>
public static class SuiteCases
{
    private const string ResourcePrefix = "SchemaTestSuite/draft2020-12/";

    private static readonly Lazy<IReadOnlyDictionary<string, SuiteCase>> ById = new(Load);

    /// <summary>Every case of every vendored file.</summary>
    public static IEnumerable<SuiteCase> All => ById.Value.Values;

    /// <summary>The case with the given <see cref="SuiteCase.Id"/>.</summary>
    public static SuiteCase Get(string id) => ById.Value[id];

    /// <summary>Whether a case with the given <see cref="SuiteCase.Id"/> exists.</summary>
    public static bool Exists(string id) => ById.Value.ContainsKey(id);

    private static IReadOnlyDictionary<string, SuiteCase> Load()
    {
        var assembly = typeof(SuiteCases).Assembly;
        var cases = new Dictionary<string, SuiteCase>(StringComparer.Ordinal);
        // Resource names carry the folder separator of the machine that built them.
        foreach (var resource in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            var name = resource.Replace('\\', '/');
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var document = JsonDocument.Parse(stream);
            foreach (var group in document.RootElement.EnumerateArray())
            {
                var schema = group.GetProperty("schema").Clone();
                var groupName = group.GetProperty("description").GetString()!;
                foreach (var test in group.GetProperty("tests").EnumerateArray())
                {
                    var suiteCase = new SuiteCase(name[ResourcePrefix.Length..], groupName, test.GetProperty("description").GetString()!,
                        schema, test.GetProperty("data").Clone(), test.GetProperty("valid").GetBoolean());
                    cases.Add(suiteCase.Id, suiteCase);
                }
            }
        }
        if (cases.Count == 0) throw new InvalidOperationException("No JSON-Schema-Test-Suite files are embedded in the test assembly.");
        return cases;
    }
}
