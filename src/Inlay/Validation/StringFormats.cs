using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;

namespace Inlay;

/// <summary>
/// The string formats the SDK's schemas declare, checked the way the serializer will read them when binding
/// (<c>date-time</c> by <see cref="JsonElement.TryGetDateTimeOffset"/>, <c>uuid</c> by <see cref="JsonElement.TryGetGuid"/>,
/// <c>date</c> as <c>yyyy-MM-dd</c> like the <see cref="DateOnly"/> converter, <c>time</c> by the <see cref="TimeOnly"/>
/// converter itself), so a value that passes here also binds. A <c>uri</c> must be absolute: it names its scheme.
/// </summary>
internal static class StringFormats
{
    public static StringFormat? Parse(string? name) => name switch
    {
        "date-time" => StringFormat.DateTime,
        "date" => StringFormat.Date,
        "time" => StringFormat.Time,
        "uuid" or "guid" => StringFormat.Uuid,
        "uri" => StringFormat.Uri,
        "email" => StringFormat.Email,
        _ => null,
    };

    /// <summary>Why <paramref name="value"/> (a JSON string) does not fit <paramref name="format"/>, or <see langword="null"/>.</summary>
    public static string? Check(StringFormat format, JsonElement value)
    {
        switch (format)
        {
            case StringFormat.DateTime:
                return value.TryGetDateTimeOffset(out _) ? null : "must be a date and time such as 2026-01-31T09:30:00Z";
            case StringFormat.Uuid:
                return value.TryGetGuid(out _) ? null : "must be a UUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301";
            case StringFormat.Uri:
                return IsAbsoluteUri(value.GetString()!) ? null : "must be an absolute URI";
            case StringFormat.Time:
                return BindsAsTime(value) ? null : "must be a time such as 09:30:00";
        }

        Span<char> buffer = stackalloc char[JsonStrings.StackLimit];
        var text = JsonStrings.TryDecode(value, buffer, out var chars) ? chars : value.GetString().AsSpan();
        return format switch
        {
            StringFormat.Date => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "must be a date such as 2026-01-31",
            // Loosely: something before and after a single '@' with no spaces; the mail server is the real judge.
            StringFormat.Email => IsEmail(text) ? null : "must be an email address",
            _ => null,
        };
    }

    /// <summary>
    /// Whether the text is an absolute URI. It must start with a scheme (RFC 3986: a letter, then letters, digits, <c>+</c>,
    /// <c>-</c> or <c>.</c>, then <c>:</c>), because <see cref="Uri"/> also reads <c>/abc</c> and <c>\\server\share</c> as
    /// absolute file URIs on some platforms.
    /// </summary>
    private static bool IsAbsoluteUri(string text)
    {
        var colon = text.IndexOf(':');
        if (colon < 1 || !char.IsAsciiLetter(text[0])) return false;
        foreach (var c in text.AsSpan(1, colon - 1))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.')) return false;
        }
        return Uri.TryCreate(text, UriKind.Absolute, out _);
    }

    /// <summary>Whether the <see cref="TimeOnly"/> converter the binder uses reads the string; it refuses offsets and 24:00.</summary>
    private static bool BindsAsTime(JsonElement value)
    {
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(value));
        reader.Read();
        try
        {
            JsonMetadataServices.TimeOnlyConverter.Read(ref reader, typeof(TimeOnly), McpJsonUtilities.DefaultOptions);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }

    private static bool IsEmail(ReadOnlySpan<char> text) =>
        text.IndexOf('@') is > 0 and var at && at < text.Length - 1 && text[(at + 1)..].IndexOf('@') < 0 && text.IndexOf(' ') < 0;
}
