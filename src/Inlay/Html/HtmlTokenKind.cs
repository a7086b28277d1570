namespace Inlay;

/// <summary>What <see cref="HtmlScanner"/> found.</summary>
internal enum HtmlTokenKind
{
    /// <summary>A start tag, such as <c>&lt;script src="app.js"&gt;</c>.</summary>
    StartTag,

    /// <summary>An end tag, such as <c>&lt;/script&gt;</c>.</summary>
    EndTag,

    /// <summary>A comment, a CDATA section, or what browsers read as a comment (<c>&lt;?…&gt;</c>, <c>&lt;!…&gt;</c>).</summary>
    Comment,

    /// <summary>A doctype, such as <c>&lt;!doctype html&gt;</c>.</summary>
    Doctype,
}
