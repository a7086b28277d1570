using System.Text;

namespace Inlay;

/// <summary>
/// Builds a copy of a string with some spans replaced, copying the rest unchanged; replacements must come in order.
/// Returns the source itself when nothing changed.
/// </summary>
internal sealed class TextSplicer(string source)
{
    private StringBuilder? _builder;
    private int _copied;

    /// <summary>Whether any span was replaced with different text.</summary>
    public bool Changed => _builder is not null;

    /// <summary>Replaces the span from <paramref name="start"/> to <paramref name="end"/> (exclusive) of the source.</summary>
    public void Replace(int start, int end, string replacement)
    {
        if (end - start == replacement.Length && string.CompareOrdinal(source, start, replacement, 0, replacement.Length) == 0) return;
        _builder ??= new StringBuilder(source.Length + 256);
        _builder.Append(source, _copied, start - _copied).Append(replacement);
        _copied = end;
    }

    /// <inheritdoc />
    public override string ToString() => _builder is null ? source : string.Concat(_builder.ToString(), source.AsSpan(_copied));
}
