using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Inlay;

/// <summary>Reading JSON strings in arguments without allocating a <see cref="string"/> where the check does not need one.</summary>
internal static class JsonStrings
{
    /// <summary>Strings up to this many UTF-8 bytes are decoded on the stack for format checks.</summary>
    public const int StackLimit = 256;

    /// <summary>A JSON string's content as UTF-8 without copying it; false when it has escapes, which need decoding first.</summary>
    public static bool TryGetUtf8(JsonElement text, out ReadOnlySpan<byte> utf8)
    {
        utf8 = JsonMarshal.GetRawUtf8Value(text);
        if (utf8.Length >= 2 && utf8[0] == (byte)'"' && utf8[^1] == (byte)'"') utf8 = utf8[1..^1];
        return utf8.IndexOf((byte)'\\') < 0;
    }

    /// <summary>The number of characters as JSON Schema counts them (Unicode code points, so a surrogate pair is one).</summary>
    public static int Length(JsonElement text)
    {
        if (TryGetUtf8(text, out var utf8))
        {
            // Every UTF-8 byte except continuation bytes (10xxxxxx) starts a code point.
            var count = 0;
            foreach (var b in utf8)
            {
                if ((b & 0xC0) != 0x80) count++;
            }
            return count;
        }
        return Length(text.GetString()!);
    }

    /// <inheritdoc cref="Length(JsonElement)"/>
    public static int Length(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0) return text.Length;
        var count = 0;
        foreach (var _ in text.EnumerateRunes()) count++;
        return count;
    }

    /// <summary>Decodes a short escape-free string onto <paramref name="buffer"/>; false (leave it to <see cref="JsonElement.GetString"/>) otherwise.</summary>
    public static bool TryDecode(JsonElement text, Span<char> buffer, out ReadOnlySpan<char> chars)
    {
        chars = default;
        if (!TryGetUtf8(text, out var utf8) || utf8.Length > buffer.Length) return false;
        if (!Encoding.UTF8.TryGetChars(utf8, buffer, out var written)) return false;
        chars = buffer[..written];
        return true;
    }
}
