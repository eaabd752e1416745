using Lucene.Net.Analysis;

namespace Ingest.Index.Analysis;

/// <summary>
/// A char filter that folds the whole input with an <see cref="ITextFolder"/> before the tokenizer sees it and corrects
/// offsets back to the source, so highlights point at the original characters.
/// </summary>
public sealed class FoldingCharFilter : CharFilter
{
    /// <summary>Longest input folded (chars); a field longer than this is cut, so one hostile cell cannot exhaust memory.</summary>
    public const int MaxInputChars = 4 * 1024 * 1024;

    private readonly ITextFolder _folder;
    private FoldedText? _folded;
    private int _position;

    public FoldingCharFilter(TextReader input, ITextFolder folder)
        : base(input)
    {
        _folder = folder;
    }

    protected override int Correct(int currentOff) => Fold().ToSource(currentOff);

    public override int Read(char[] buffer, int index, int count)
    {
        var text = Fold().Text;
        if (_position >= text.Length)
            return count == 0 ? 0 : -1;
        var n = Math.Min(count, text.Length - _position);
        text.CopyTo(_position, buffer, index, n);
        _position += n;
        return n;
    }

    public override int Read()
    {
        var text = Fold().Text;
        return _position < text.Length ? text[_position++] : -1;
    }

    public override int Peek()
    {
        var text = Fold().Text;
        return _position < text.Length ? text[_position] : -1;
    }

    private FoldedText Fold()
    {
        if (_folded is not null)
            return _folded;
        var buffer = new char[8192];
        var builder = new System.Text.StringBuilder();
        int read;
        while (builder.Length < MaxInputChars && (read = m_input.Read(buffer, 0, buffer.Length)) > 0)
            builder.Append(buffer, 0, Math.Min(read, MaxInputChars - builder.Length));
        _folded = _folder.Fold(builder.ToString());
        return _folded;
    }
}
