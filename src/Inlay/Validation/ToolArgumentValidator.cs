using System.Text.Json;

namespace Inlay;

/// <summary>
/// Checks tool-call arguments against a tool's input schema before the tool runs, so a call that does not fit gets a
/// result naming the argument and the reason instead of a generic binding failure.
/// </summary>
internal sealed class ToolArgumentValidator
{
    /// <summary>At most this many problems are reported at once; the rest usually follow from the same mistake.</summary>
    private const int MaxReportedProblems = 3;

    private readonly SchemaNode _schema;

    private ToolArgumentValidator(SchemaNode schema) => _schema = schema;

    /// <summary>Builds a validator for one input schema.</summary>
    public static ToolArgumentValidator Compile(JsonElement inputSchema) => new(SchemaCompiler.Compile(inputSchema));

    /// <summary>Returns a message naming each argument that does not fit and why, or <see langword="null"/> when all fit.</summary>
    public string? Validate(IDictionary<string, JsonElement>? arguments)
    {
        List<ArgumentProblem>? problems = null;
        foreach (var name in _schema.Required)
        {
            if (arguments is null || !arguments.ContainsKey(name))
                Add(ref problems, new ArgumentProblem("is missing", name));
        }
        if (arguments is not null)
        {
            foreach (var (name, value) in arguments)
            {
                if (_schema.CheckProperty(name, value, depth: 0) is { } problem) Add(ref problems, problem);
            }
        }
        return problems is null ? null : string.Join(" ", problems.Take(MaxReportedProblems));
    }

    private static void Add(ref List<ArgumentProblem>? problems, ArgumentProblem problem) => (problems ??= []).Add(problem);
}
