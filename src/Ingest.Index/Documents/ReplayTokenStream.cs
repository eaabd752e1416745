using Ingest.Index.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Ingest.Index.Documents;

/// <summary>
/// Replays tokens analysed once, so a text shared by several fields and documents (a submission's texts appear in every
/// sheet's document, in its label field and in the all-text field) is tokenised a single time.
/// </summary>
public sealed class ReplayTokenStream : TokenStream
{
    private readonly IReadOnlyList<AnalyzedToken> _tokens;
    private readonly int _finalOffset;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private int _next;

    /// <summary>Replays <paramref name="tokens"/> of a text of <paramref name="textLength"/> chars.</summary>
    public ReplayTokenStream(IReadOnlyList<AnalyzedToken> tokens, int textLength)
    {
        _tokens = tokens;
        _finalOffset = textLength;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next >= _tokens.Count)
            return false;
        ClearAttributes();
        var token = _tokens[_next];
        var previous = _next == 0 ? -1 : _tokens[_next - 1].Position;
        _term.SetEmpty().Append(token.Term);
        _offset.SetOffset(token.Start, token.End);
        _increment.PositionIncrement = Math.Max(0, token.Position - previous);
        _next++;
        return true;
    }

    public override void End()
    {
        base.End();
        _offset.SetOffset(_finalOffset, _finalOffset);
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }
}
