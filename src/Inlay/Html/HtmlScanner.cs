// Why a focused tokenizer and not AngleSharp: AngleSharp builds a DOM and serializes it back, which normalizes the
// document (attribute quoting, character references, implied <html>/<head>/<body>, whitespace, void-element
// slashes), so the output could not stay byte-identical outside the spans a caller changes. This scanner follows the
// HTML tokenizer's rules only as far as needed to find tags and their attributes (quoted and unquoted attributes,
// comments, CDATA, raw-text and escapable raw-text elements, the script-data escape states) and reports positions in
// the source, so callers splice their changes in and leave every other byte alone. It uses no reflection, so it is
// trim/AOT safe.
using System.Net;

namespace Inlay;

/// <summary>
/// Walks the tags of an HTML document as a browser's tokenizer finds them: a tag inside a comment, a CDATA section, a
/// doctype or the text of a raw-text element (<c>script</c>, <c>style</c>, <c>textarea</c>, <c>title</c>…) is not a
/// tag. Used by everything that reads or changes a widget document's tags: <see cref="WidgetHtmlRewriter"/>,
/// <see cref="WidgetInliner"/> and <see cref="PageBootstrap"/>.
/// </summary>
/// <remarks>
/// Call <see cref="MoveNext"/> until it returns <see langword="false"/>; after each call the properties describe the
/// token found. Text between tokens is not reported. A start tag of a raw-text element also gives the span of its
/// text (<see cref="TextStart"/>, <see cref="TextEnd"/>); its end tag is the next token.
/// </remarks>
internal sealed class HtmlScanner(string html)
{
    private readonly List<HtmlAttribute> _attributes = [];
    private int _position;

    /// <summary>The document.</summary>
    public string Html { get; } = html;

    /// <summary>What the current token is.</summary>
    public HtmlTokenKind Kind { get; private set; }

    /// <summary>Where the current token starts: its <c>&lt;</c>.</summary>
    public int Start { get; private set; }

    /// <summary>Just after the current token's closing <c>&gt;</c>, or the end of the document.</summary>
    public int End { get; private set; }

    /// <summary>The tag's name as written, for start and end tags; empty for other tokens.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The tag's attributes in document order (an end tag's are parsed, and ignored by browsers).</summary>
    public IReadOnlyList<HtmlAttribute> Attributes => _attributes;

    /// <summary>
    /// Where the text of a raw-text element starts (just after its start tag), for a start tag of one; otherwise <see cref="End"/>.
    /// </summary>
    public int TextStart { get; private set; }

    /// <summary>Where that text ends: the <c>&lt;</c> of the element's end tag, or the end of the document.</summary>
    public int TextEnd { get; private set; }

    /// <summary>Whether the current token is a start tag named <paramref name="name"/> (ASCII case-insensitive).</summary>
    public bool IsStartTag(string name) => Kind == HtmlTokenKind.StartTag && Is(Name, name);

    /// <summary>Whether the current token is an end tag named <paramref name="name"/> (ASCII case-insensitive).</summary>
    public bool IsEndTag(string name) => Kind == HtmlTokenKind.EndTag && Is(Name, name);

    /// <summary>The attribute's name as written.</summary>
    public ReadOnlySpan<char> NameOf(HtmlAttribute attribute) => Html.AsSpan(attribute.NameStart, attribute.NameEnd - attribute.NameStart);

    /// <summary>The attribute's value as written (character references not decoded, no quotes).</summary>
    public ReadOnlySpan<char> RawValueOf(HtmlAttribute attribute) => Html.AsSpan(attribute.ValueStart, attribute.ValueEnd - attribute.ValueStart);

    /// <summary>
    /// The value of the current tag's first attribute named <paramref name="name"/>, character references decoded:
    /// empty for an attribute without a value, <see langword="null"/> when there is no such attribute.
    /// </summary>
    public string? AttributeValue(string name)
    {
        foreach (var attribute in _attributes)
        {
            if (!Is(NameOf(attribute), name)) continue;
            var raw = RawValueOf(attribute);
            return raw.Contains('&') ? WebUtility.HtmlDecode(raw.ToString()) : raw.ToString();
        }
        return null;
    }

    /// <summary>Finds the next token; returns <see langword="false"/> at the end of the document.</summary>
    public bool MoveNext()
    {
        var html = Html;
        var n = html.Length;
        _attributes.Clear();
        Name = "";
        while (_position < n)
        {
            var lt = html.IndexOf('<', _position);
            if (lt < 0 || lt + 1 >= n) break;
            var i = lt + 1;
            var c = html[i];
            Start = lt;
            if (c == '!')
            {
                if (At(html, i, "!--"))
                {
                    Kind = HtmlTokenKind.Comment;
                    i = SkipComment(html, i + 3);
                }
                else if (At(html, i, "![CDATA["))
                {
                    Kind = HtmlTokenKind.Comment;
                    i = After(html, "]]>", i + 8);
                }
                else
                {
                    Kind = At(html, i, "!doctype") ? HtmlTokenKind.Doctype : HtmlTokenKind.Comment;
                    i = After(html, ">", i);
                }
                return Found(i);
            }
            if (c == '?')
            {
                Kind = HtmlTokenKind.Comment; // a bogus comment, as browsers read it
                return Found(After(html, ">", i));
            }
            if (c == '/')
            {
                if (!char.IsAsciiLetter(At(html, i + 1)))
                {
                    Kind = HtmlTokenKind.Comment; // "</>" is dropped and "</ x>" is a bogus comment
                    return Found(After(html, ">", i));
                }
                // An end tag's attributes are parsed like a start tag's, so a quoted '>' does not end it.
                Kind = HtmlTokenKind.EndTag;
                return Found(ParseTag(html, i + 1));
            }
            if (char.IsAsciiLetter(c))
            {
                Kind = HtmlTokenKind.StartTag;
                var end = ParseTag(html, i);
                Found(end);
                if (end < n && RawTextKind(Name) is { } kind)
                {
                    TextEnd = kind switch
                    {
                        RawText.Script => ScriptEnd(html, end),
                        RawText.PlainText => n,
                        _ => RawTextEnd(html, end, Name),
                    };
                    _position = TextEnd;
                }
                return true;
            }
            _position = i; // a '<' that starts no tag is text
        }
        _position = n;
        return false;
    }

    private bool Found(int end)
    {
        End = end;
        TextStart = TextEnd = end;
        _position = end;
        return true;
    }

    private enum RawText { Script, PlainText, Other }

    private static RawText? RawTextKind(string name)
    {
        if (Is(name, "script")) return RawText.Script;
        if (Is(name, "plaintext")) return RawText.PlainText;
        if (Is(name, "style") || Is(name, "textarea") || Is(name, "title") || Is(name, "xmp") || Is(name, "iframe")
            || Is(name, "noembed") || Is(name, "noframes") || Is(name, "noscript"))
            return RawText.Other;
        return null;
    }

    /// <summary>Parses a tag from its name to just after its closing '>' (or the end of input); returns that position.</summary>
    private int ParseTag(string html, int i)
    {
        var n = html.Length;
        var nameStart = i;
        while (i < n && !IsHtmlSpace(html[i]) && html[i] != '/' && html[i] != '>') i++;
        Name = html[nameStart..i];
        while (true)
        {
            while (i < n && (IsHtmlSpace(html[i]) || html[i] == '/')) i++;
            if (i >= n) return n;
            if (html[i] == '>') return i + 1;
            var attrNameStart = i++; // the first character may be '=' (it then belongs to the name)
            while (i < n && !IsHtmlSpace(html[i]) && html[i] != '/' && html[i] != '>' && html[i] != '=') i++;
            var attrNameEnd = i;
            while (i < n && IsHtmlSpace(html[i])) i++;
            if (i >= n || html[i] != '=')
            {
                _attributes.Add(new HtmlAttribute(attrNameStart, attrNameEnd, i, i, '\0', false));
                continue;
            }
            i++;
            while (i < n && IsHtmlSpace(html[i])) i++;
            if (i < n && html[i] is '"' or '\'')
            {
                var quote = html[i];
                var close = html.IndexOf(quote, i + 1);
                var valueEnd = close < 0 ? n : close;
                _attributes.Add(new HtmlAttribute(attrNameStart, attrNameEnd, i + 1, valueEnd, quote, true));
                i = close < 0 ? n : close + 1;
            }
            else
            {
                var valueStart = i;
                while (i < n && !IsHtmlSpace(html[i]) && html[i] != '>') i++;
                _attributes.Add(new HtmlAttribute(attrNameStart, attrNameEnd, valueStart, i, '\0', true));
            }
        }
    }

    /// <summary>Skips a comment whose text starts at <paramref name="i"/> (just after <c>&lt;!--</c>).</summary>
    private static int SkipComment(string html, int i)
    {
        if (At(html, i) == '>') return i + 1; // <!-->
        if (At(html, i, "->")) return i + 2; // <!--->
        var close = html.IndexOf("--", i, StringComparison.Ordinal);
        while (close >= 0)
        {
            if (At(html, close + 2) == '>') return close + 3;
            if (At(html, close + 2, "!>")) return close + 4;
            close = html.IndexOf("--", close + 1, StringComparison.Ordinal);
        }
        return html.Length;
    }

    /// <summary>Where the raw text of a non-script raw-text element ends: the '&lt;' of its end tag, or the end of input.</summary>
    private static int RawTextEnd(string html, int i, string name)
    {
        while (true)
        {
            var lt = html.IndexOf("</", i, StringComparison.Ordinal);
            if (lt < 0) return html.Length;
            if (IsEndTagOf(html, lt, name)) return lt;
            i = lt + 2;
        }
    }

    /// <summary>
    /// Where a script's text ends, following the script-data states: inside <c>&lt;!--</c>, a nested
    /// <c>&lt;script&gt;</c> makes the next <c>&lt;/script&gt;</c> close it rather than the outer script.
    /// </summary>
    private static int ScriptEnd(string html, int i)
    {
        const int data = 0, escaped = 1, doubleEscaped = 2;
        var state = data;
        var n = html.Length;
        while (i < n)
        {
            var c = html[i];
            if (c == '<')
            {
                if (state != doubleEscaped && IsEndTagOf(html, i, "script")) return i;
                if (state == data && At(html, i + 1, "!--"))
                {
                    state = escaped;
                    i += 2; // stay on "--" so "<!-->" closes at once
                    continue;
                }
                if (state == escaped && IsTagOf(html, i + 1, "script"))
                {
                    state = doubleEscaped;
                    i += 7;
                    continue;
                }
                if (state == doubleEscaped && IsEndTagOf(html, i, "script"))
                {
                    state = escaped;
                    i += 8;
                    continue;
                }
            }
            else if (c == '-' && state != data && At(html, i, "-->"))
            {
                state = data;
                i += 3;
                continue;
            }
            i++;
        }
        return n;
    }

    private static bool IsEndTagOf(string html, int lt, string name) => At(html, lt + 1) == '/' && IsTagOf(html, lt + 2, name);

    private static bool IsTagOf(string html, int i, string name) =>
        i + name.Length <= html.Length
        && html.AsSpan(i, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
        && At(html, i + name.Length) is var next && (IsHtmlSpace(next) || next is '/' or '>');

    internal static bool Is(ReadOnlySpan<char> value, string expected) => value.Equals(expected, StringComparison.OrdinalIgnoreCase);

    private static bool At(string text, int i, string expected) =>
        i >= 0 && i + expected.Length <= text.Length && text.AsSpan(i, expected.Length).Equals(expected, StringComparison.OrdinalIgnoreCase);

    private static char At(string text, int i) => i < text.Length ? text[i] : '\0';

    private static int After(string text, string close, int from)
    {
        var index = text.IndexOf(close, from, StringComparison.Ordinal);
        return index < 0 ? text.Length : index + close.Length;
    }

    /// <summary>The HTML tokenizer's whitespace: space, tab, line feed, form feed, carriage return.</summary>
    internal static bool IsHtmlSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';
}
