using System.Text.Json;
using System.Text.RegularExpressions;

namespace Inlay;

/// <summary>The string keywords <c>minLength</c>, <c>maxLength</c>, <c>pattern</c> and <c>format</c>; other values pass.</summary>
internal sealed class StringCheck(int? minLength, int? maxLength, Regex? pattern, string? patternText, StringFormat? format) : SchemaCheck
{
    public override bool Check(JsonElement value, ValidationContext context)
    {
        if (value.ValueKind != JsonValueKind.String) return true;
        if (format is { } f && StringFormats.Check(f, value) is { } formatProblem)
        {
            context.Report(formatProblem);
            return false;
        }
        if (minLength is null && maxLength is null && pattern is null) return true;

        var text = value.GetString()!;
        var length = CountCharacters(text);
        if (minLength is { } min && length < min)
        {
            context.Report(min == 1 ? "must not be empty" : $"must be at least {min} characters long, but has {length}");
            return false;
        }
        if (maxLength is { } max && length > max)
        {
            context.Report($"must be at most {max} characters long, but has {length}");
            return false;
        }
        if (pattern is not null)
        {
            try
            {
                if (pattern.IsMatch(text)) return true;
                context.Report($"must match the pattern {patternText}");
            }
            catch (RegexMatchTimeoutException)
            {
                context.Report($"could not be checked against the pattern {patternText} in time");
            }
            return false;
        }
        return true;
    }

    /// <summary>JSON Schema counts characters as Unicode code points, so a surrogate pair is one.</summary>
    private static int CountCharacters(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0) return text.Length;
        var count = 0;
        foreach (var _ in text.EnumerateRunes()) count++;
        return count;
    }
}
