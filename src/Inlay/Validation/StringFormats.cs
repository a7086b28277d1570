using System.Text.Json;

namespace Inlay;

/// <summary>
/// The string formats the SDK's schemas declare, checked the way the serializer will read them when binding,
/// so a value that passes here also binds.
/// </summary>
internal static class StringFormats
{
    public static ArgumentProblem? Check(string format, JsonElement value) => format switch
    {
        "date-time" => value.TryGetDateTimeOffset(out _) ? null : new ArgumentProblem("must be a date and time such as 2026-01-31T09:30:00Z"),
        "date" => DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", out _) ? null : new ArgumentProblem("must be a date such as 2026-01-31"),
        "time" => TimeOnly.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out _) ? null : new ArgumentProblem("must be a time such as 09:30:00"),
        "uuid" => value.TryGetGuid(out _) ? null : new ArgumentProblem("must be a UUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
        "uri" => Uri.TryCreate(value.GetString(), UriKind.Absolute, out _) ? null : new ArgumentProblem("must be an absolute URI"),
        "email" => value.GetString() is { } email && email.IndexOf('@') is > 0 and var at && at < email.Length - 1 ? null : new ArgumentProblem("must be an email address"),
        _ => null,
    };
}
