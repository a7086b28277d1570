using ModelContextProtocol.Protocol;

namespace Inlay.ConformanceServer;

/// <summary>Completions for the prompt arguments the suite asks about.</summary>
internal static class ConformanceCompletions
{
    private static readonly string[] Suggestions = ["test", "testing", "test_value", "example"];

    public static CompleteResult Complete(CompleteRequestParams? request)
    {
        var prefix = request?.Argument.Value ?? "";
        var values = Suggestions.Where(s => s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList();
        return new CompleteResult { Completion = new Completion { Values = values, Total = values.Count, HasMore = false } };
    }
}
