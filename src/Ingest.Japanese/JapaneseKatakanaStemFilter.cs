using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Ingest.Japanese;

/// <summary>
/// Normalises katakana spelling variants by dropping one final prolonged sound mark (ー) from all-katakana terms of
/// at least <see cref="DefaultMinimumLength"/> characters: サーバー → サーバ, while コピー stays.
/// </summary>
public sealed class JapaneseKatakanaStemFilter : TokenFilter
{
    /// <summary>Kuromoji's default minimum term length for stemming.</summary>
    public const int DefaultMinimumLength = 4;

    private const char ProlongedSoundMark = '\u30FC';

    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;
    private readonly int _minimumLength;

    public JapaneseKatakanaStemFilter(TokenStream input, int minimumLength = DefaultMinimumLength)
        : base(input)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumLength, 1);
        _minimumLength = minimumLength;
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (!_keyword.IsKeyword)
        {
            var length = _term.Length;
            if (length >= _minimumLength && _term.Buffer[length - 1] == ProlongedSoundMark && IsKatakana(_term.Buffer.AsSpan(0, length)))
            {
                _term.Length = length - 1;
            }
        }

        return true;
    }

    /// <summary>All characters in the Katakana Unicode block (U+30A0–U+30FF).</summary>
    private static bool IsKatakana(ReadOnlySpan<char> term)
    {
        foreach (var c in term)
        {
            if (c is < '\u30A0' or > '\u30FF')
            {
                return false;
            }
        }

        return true;
    }
}
