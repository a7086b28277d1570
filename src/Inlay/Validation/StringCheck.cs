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

        var length = minLength is null && maxLength is null ? 0 : JsonStrings.Length(value);
        if (minLength is { } min && length < min)
        {
            context.Report(min == 1 ? "must not be empty" : $"must be at least {Characters(min)} long, but has {length}");
            return false;
        }
        if (maxLength is { } max && length > max)
        {
            context.Report($"must be at most {Characters(max)} long, but has {length}");
            return false;
        }
        if (pattern is not null)
        {
            try
            {
                Span<char> buffer = stackalloc char[JsonStrings.StackLimit];
                var fits = JsonStrings.TryDecode(value, buffer, out var chars) ? pattern.IsMatch(chars) : pattern.IsMatch(value.GetString()!);
                if (fits) return true;
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

    private static string Characters(int count) => count == 1 ? "1 character" : $"{count} characters";
}
