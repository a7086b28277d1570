using System.Text.Json;

namespace Inlay;

/// <summary>
/// The <c>anyOf</c> and <c>oneOf</c> keywords: hand-written nullable values (<c>anyOf: [{type: null}, …]</c>) and the
/// SDK's polymorphic types (one alternative per derived type, told apart by a <c>$type</c> constant).
/// </summary>
/// <remarks>
/// The alternatives are first tried quietly. When none fits, the message explains the closest one: among the
/// alternatives of the value's kind, the one with the fewest problems, then the deepest. When none is of the value's
/// kind, the message lists the kinds that would do (<c>must be an integer or null, but got a string</c>).
/// </remarks>
internal sealed class AnyOfCheck(SchemaNode[] options, bool exactlyOne) : SchemaCheck
{
    public SchemaNode[] Options => options;

    public override bool Check(JsonElement value, ValidationContext context)
    {
        var recording = context.Recording;
        context.Recording = false;
        var matches = 0;
        foreach (var option in options)
        {
            if (option.Check(value, context) && (++matches > 1 || !exactlyOne)) break;
        }
        context.Recording = recording;

        if (matches == 1 || matches > 1 && !exactlyOne) return true;
        if (!recording) return false;
        if (matches > 1)
        {
            context.Report("fits more than one of the allowed alternatives");
            return false;
        }
        Explain(value, context);
        return false;
    }

    private void Explain(JsonElement value, ValidationContext context)
    {
        SchemaNode? only = null;
        var candidates = 0;
        foreach (var option in options)
        {
            if (!option.MayAccept(value)) continue;
            only ??= option;
            candidates++;
        }

        if (candidates == 0)
        {
            var types = JsonTypes.Any;
            foreach (var option in options) types |= option.DeclaredTypes();
            context.Report($"must be {JsonTypeNames.Describe(types)}, but got {JsonTypeNames.Of(value)}");
            return;
        }
        if (candidates == 1 || !context.TrySpendExplanation())
        {
            only!.Check(value, context);
            return;
        }

        List<Problem>? best = null;
        foreach (var option in options)
        {
            if (!option.MayAccept(value)) continue;
            var outer = context.BeginCapture();
            option.Check(value, context);
            var problems = context.EndCapture(outer);
            if (best is null || IsCloser(problems, best)) best = problems;
        }
        context.AddAll(best!);
    }

    private static bool IsCloser(List<Problem> candidate, List<Problem> best)
    {
        if (candidate.Count == 0 || best.Count == 0) return best.Count == 0 && candidate.Count > 0;
        if (candidate.Count != best.Count) return candidate.Count < best.Count;
        return candidate[0].Depth > best[0].Depth;
    }
}
