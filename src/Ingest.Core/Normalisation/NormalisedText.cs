namespace Ingest.Core.Normalisation;

/// <summary>
/// Normalised text together with an exact map from every normalised index back to the source, so that a match found in
/// the normalised text can be shown or highlighted in the original. Immutable and thread-safe.
/// </summary>
public sealed class NormalisedText
{
    // _starts[i]/_ends[i]: the source range [start, end) the normalised character i came from. Both arrays are
    // non-decreasing; several normalised characters may share one source range (㍻ → 平成) and one normalised character
    // may cover several source characters (CRLF, ｶﾞ, a run of spaces).
    private readonly int[] _starts;
    private readonly int[] _ends;

    internal NormalisedText(string source, string text, int[] starts, int[] ends)
    {
        Source = source;
        Text = text;
        _starts = starts;
        _ends = ends;
    }

    /// <summary>The text as given.</summary>
    public string Source { get; }

    /// <summary>The normalised text.</summary>
    public string Text { get; }

    /// <summary>
    /// The source index a normalised index came from: the start of the source span that produced that character.
    /// <paramref name="normalisedIndex"/> may equal <c>Text.Length</c>, which maps to <c>Source.Length</c>.
    /// </summary>
    public int ToSourceOffset(int normalisedIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(normalisedIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(normalisedIndex, Text.Length);
        return normalisedIndex == Text.Length ? Source.Length : _starts[normalisedIndex];
    }

    /// <summary>
    /// The source range [Start, End) that produced the normalised range [<paramref name="start"/>, <paramref name="end"/>):
    /// from the start of the first character's source span to the end of the last one's. An empty range maps to an empty range.
    /// </summary>
    public (int Start, int End) ToSourceRange(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, Text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        if (start == end)
        {
            var at = ToSourceOffset(start);
            return (at, at);
        }
        return (_starts[start], _ends[end - 1]);
    }

    /// <summary>The source text that produced the normalised range [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public string SourceSlice(int start, int end)
    {
        var (s, e) = ToSourceRange(start, end);
        return Source[s..e];
    }

    public override string ToString() => Text;
}
