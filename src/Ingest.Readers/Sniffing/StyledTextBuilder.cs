using System.Text;
using Ingest.Core.Layout;

namespace Ingest.Readers.Sniffing;

/// <summary>
/// Accumulates text with bold/underline runs and produces a <see cref="StyledText"/> whose spans merge adjacent runs
/// of the same style, so a cell written as many small runs still reports one changed range.
/// </summary>
internal sealed class StyledTextBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<StyledSpan> _spans = [];

    public int Length => _text.Length;

    public bool EndsWithNewLine => _text.Length > 0 && _text[^1] == '\n';

    public StyledTextBuilder Append(string text, TextStyle style = TextStyle.None)
    {
        if (text.Length == 0)
            return this;
        if (style != TextStyle.None)
            AddSpan(new StyledSpan(_text.Length, text.Length, style));
        _text.Append(text);
        return this;
    }

    public StyledTextBuilder Append(StyledText text)
    {
        var offset = _text.Length;
        _text.Append(text.Text);
        foreach (var span in text.Spans)
            AddSpan(span with { Start = span.Start + offset });
        return this;
    }

    /// <summary>Adds a span, or lengthens the last one when it has the same style and ends where this one starts.</summary>
    private void AddSpan(StyledSpan span)
    {
        if (_spans.Count > 0 && _spans[^1].Style == span.Style && _spans[^1].Start + _spans[^1].Length == span.Start)
            _spans[^1] = _spans[^1] with { Length = _spans[^1].Length + span.Length };
        else
            _spans.Add(span);
    }

    /// <summary>The text with trailing white space removed (spans clipped to it).</summary>
    public StyledText Build()
    {
        var end = _text.Length;
        while (end > 0 && char.IsWhiteSpace(_text[end - 1]))
            end--;
        var text = _text.ToString(0, end);
        var spans = _spans
            .Where(s => s.Start < end)
            .Select(s => s with { Length = Math.Min(s.Length, end - s.Start) })
            .Where(s => s.Length > 0)
            .ToArray();
        return new StyledText(text, spans);
    }
}
