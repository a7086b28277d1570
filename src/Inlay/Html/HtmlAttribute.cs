namespace Inlay;

/// <summary>Where one attribute of a tag found by <see cref="HtmlScanner"/> is in the document.</summary>
/// <param name="NameStart">The index of the name's first character.</param>
/// <param name="NameEnd">The index just after the name.</param>
/// <param name="ValueStart">The index of the value's first character, inside its quotes.</param>
/// <param name="ValueEnd">The index just after the value, before its closing quote.</param>
/// <param name="Quote">The value's quote character, or <c>'\0'</c> for an unquoted value.</param>
/// <param name="HasValue">Whether the attribute has a value (<c>src="x"</c>) rather than none (<c>defer</c>).</param>
internal readonly record struct HtmlAttribute(int NameStart, int NameEnd, int ValueStart, int ValueEnd, char Quote, bool HasValue);
