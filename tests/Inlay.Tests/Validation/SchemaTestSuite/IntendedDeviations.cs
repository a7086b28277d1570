using System.Collections.Frozen;

namespace Inlay.Tests.Validation.SchemaTestSuite;

/// <summary>Why Inlay's validator answers a suite case the other way, and whether JsonSchema.Net sides with the suite.</summary>
/// <param name="Reason">The deviation, as headed in docs/argument-validation.md.</param>
/// <param name="OracleAgrees">False where JsonSchema.Net shares the cause (.NET's regular expressions) and also deviates.</param>
public sealed record Deviation(string Reason, bool OracleAgrees = true);

/// <summary>
/// The suite cases where Inlay's validator answers the opposite of the suite on purpose, each with its reason, as listed
/// in docs/argument-validation.md. Most follow from the SDK's binder: the validator lets through what the binder binds
/// and stops what it would refuse.
/// </summary>
public static class IntendedDeviations
{
    private static readonly Deviation IntegerLiterals = new("Integers are written without a decimal point or exponent");
    private static readonly Deviation NumberStrings = new("Numbers written as strings are numbers");
    private static readonly Deviation DateTimeAsBinder = new("date-time is what DateTimeOffset reads");
    private static readonly Deviation TimeAsBinder = new("time is what TimeOnly reads");
    private static readonly Deviation LooseEmail = new("email is checked loosely");
    private static readonly Deviation Utf16Patterns = new("Patterns match UTF-16 code units", OracleAgrees: false);

    /// <summary>Each deviating case by <see cref="SuiteCase.Id"/>.</summary>
    public static readonly FrozenDictionary<string, Deviation> ByCase = new Dictionary<string, Deviation>(StringComparer.Ordinal)
    {
        ["items.json | nested items | nested array with invalid type"] = NumberStrings,
        ["optional/format/date-time.json | validation of date-time strings | a valid date-time with a leap second, UTC"] = DateTimeAsBinder,
        ["optional/format/date-time.json | validation of date-time strings | a valid date-time with a leap second, with minus offset"] = DateTimeAsBinder,
        ["optional/format/date-time.json | validation of date-time strings | case-insensitive T and Z"] = DateTimeAsBinder,
        ["optional/format/email.json | validation of e-mail addresses | a quoted string with a @ in the local part is valid"] = LooseEmail,
        ["optional/format/email.json | validation of e-mail addresses | a quoted string with a space in the local part is valid"] = LooseEmail,
        ["optional/format/email.json | validation of e-mail addresses | an invalid IPv4-address-literal"] = LooseEmail,
        ["optional/format/email.json | validation of e-mail addresses | an invalid domain"] = LooseEmail,
        ["optional/format/email.json | validation of e-mail addresses | dot after local part is not valid"] = LooseEmail,
        ["optional/format/email.json | validation of e-mail addresses | dot before local part is not valid"] = LooseEmail,
        ["optional/format/email.json | validation of e-mail addresses | two subsequent dots inside local part are not valid"] = LooseEmail,
        ["optional/format/time.json | validation of time strings | a valid time string"] = TimeAsBinder,
        ["optional/format/time.json | validation of time strings | a valid time string with case-insensitive Z"] = TimeAsBinder,
        ["optional/format/time.json | validation of time strings | a valid time string with leap second, Zulu"] = TimeAsBinder,
        ["optional/format/time.json | validation of time strings | a valid time string with minus offset"] = TimeAsBinder,
        ["optional/format/time.json | validation of time strings | a valid time string with plus offset"] = TimeAsBinder,
        ["optional/format/time.json | validation of time strings | a valid time string with precise second fraction"] = TimeAsBinder,
        ["optional/format/time.json | validation of time strings | a valid time string with second fraction"] = TimeAsBinder,
        ["optional/format/time.json | validation of time strings | no time offset"] = TimeAsBinder,
        ["optional/format/time.json | validation of time strings | no time offset with second fraction"] = TimeAsBinder,
        ["optional/format/time.json | validation of time strings | valid leap second, large negative time-offset"] = TimeAsBinder,
        ["optional/format/time.json | validation of time strings | valid leap second, large positive time-offset"] = TimeAsBinder,
        ["optional/format/time.json | validation of time strings | valid leap second, negative time-offset"] = TimeAsBinder,
        ["optional/format/time.json | validation of time strings | valid leap second, positive time-offset"] = TimeAsBinder,
        ["optional/format/time.json | validation of time strings | valid leap second, zero time-offset"] = TimeAsBinder,
        ["optional/non-bmp-regex.json | Proper UTF-16 surrogate pair handling: pattern | matches empty"] = Utf16Patterns,
        ["optional/non-bmp-regex.json | Proper UTF-16 surrogate pair handling: pattern | matches two"] = Utf16Patterns,
        ["properties.json | properties with escaped characters | object with strings is invalid"] = NumberStrings,
        ["ref.json | refs with quote | object with strings is invalid"] = NumberStrings,
        ["type.json | integer type matches integers | a float with zero fractional part is an integer"] = IntegerLiterals,
        ["type.json | integer type matches integers | a string is still not an integer, even if it looks like one"] = NumberStrings,
        ["type.json | number type matches numbers | a string is still not a number, even if it looks like one"] = NumberStrings,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
