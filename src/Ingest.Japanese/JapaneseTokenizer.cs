using System.Runtime.CompilerServices;
using Ingest.Japanese.Dictionary;
using Ingest.Japanese.Tokenization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Ingest.Japanese;

/// <summary>
/// Morphological tokenizer for Japanese, behaving like Lucene's Kuromoji <c>JapaneseTokenizer</c> over IPADIC:
/// terms are the surface text, offsets point into the original text (through any char filter), compounds split
/// in search mode are stacked over their parts (position increment 0, position length = number of parts), and
/// base form, part of speech, reading and inflection attributes are set. Long input is streamed.
/// </summary>
public sealed class JapaneseTokenizer : Tokenizer
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly IPositionLengthAttribute _positionLength;
    private readonly IBaseFormAttribute _baseForm;
    private readonly IPartOfSpeechAttribute _partOfSpeech;
    private readonly IReadingAttribute _reading;
    private readonly IInflectionAttribute _inflection;
    private readonly ViterbiSegmenter _segmenter;
    private int _lastTokenStart = -1;

    /// <param name="input">Text to tokenize.</param>
    /// <param name="userDictionary">Phrases taking priority over IPADIC, or null.</param>
    /// <param name="discardPunctuation">Drop tokens starting with punctuation, symbols or spaces (Kuromoji's default).</param>
    /// <param name="mode">Segmentation mode; search mode by default, as Kuromoji's analyzer.</param>
    /// <param name="discardCompoundToken">In search mode, emit only a compound's parts, not the compound itself
    /// (stacked tokens trip up synonym filters).</param>
    public JapaneseTokenizer(TextReader input, UserDictionary? userDictionary = null, bool discardPunctuation = true,
        JapaneseTokenizerMode mode = JapaneseTokenizerMode.Search, bool discardCompoundToken = false)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
        _positionLength = AddAttribute<IPositionLengthAttribute>();
        _baseForm = AddAttribute<IBaseFormAttribute>();
        _partOfSpeech = AddAttribute<IPartOfSpeechAttribute>();
        _reading = AddAttribute<IReadingAttribute>();
        _inflection = AddAttribute<IInflectionAttribute>();
        _segmenter = new ViterbiSegmenter(DictionaryResources.System, userDictionary, mode, discardPunctuation, discardCompoundToken);
    }

    /// <summary>Milliseconds the one-time load of the embedded IPADIC took in this process (0 before the first tokenizer).</summary>
    public static long DictionaryLoadMilliseconds => DictionaryResources.LoadMilliseconds;

    /// <summary>Loads the embedded dictionary, feature strings included, now rather than on first use.</summary>
    public static void Preload() => _ = DictionaryResources.System.FeatureTable.Value;

    /// <summary>Characters of input currently buffered (bounded on long input).</summary>
    internal int InputCapacity => _segmenter.InputCapacity;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool IncrementToken()
    {
        if (!_segmenter.TryNext(out var token))
        {
            return false;
        }

        ClearAttributes();
        var surface = _segmenter.SurfaceSpan(token);
        surface.CopyTo(_term.ResizeBuffer(surface.Length));
        _term.Length = surface.Length;
        _offset.SetOffset(CorrectOffset(token.Start), CorrectOffset(token.Start + token.Length));
        if (token.Start == _lastTokenStart)
        {
            // A compound stacked over its first part.
            _positionIncrement.PositionIncrement = 0;
            _positionLength.PositionLength = token.PositionLength;
        }
        else
        {
            _positionIncrement.PositionIncrement = 1;
            _positionLength.PositionLength = 1;
        }

        _lastTokenStart = token.Start;
        SetFeatures(_segmenter.SourceOf(token), token.WordId);
        return true;
    }

    /// <summary>Points the feature attributes at the word; our own implementations look the strings up only when read.</summary>
    private void SetFeatures(IWordSource source, int wordId)
    {
        if (_baseForm is BaseFormAttribute baseForm)
        {
            baseForm.SetWord(source, wordId);
        }
        else
        {
            _baseForm.BaseForm = source.GetBaseForm(wordId);
        }

        if (_partOfSpeech is PartOfSpeechAttribute partOfSpeech)
        {
            partOfSpeech.SetWord(source, wordId);
        }
        else
        {
            _partOfSpeech.PartOfSpeech = source.GetPartOfSpeech(wordId);
        }

        if (_reading is ReadingAttribute reading)
        {
            reading.SetWord(source, wordId);
        }
        else
        {
            _reading.Reading = source.GetReading(wordId);
            _reading.Pronunciation = source.GetPronunciation(wordId);
        }

        if (_inflection is InflectionAttribute inflection)
        {
            inflection.SetWord(source, wordId);
        }
        else
        {
            _inflection.InflectionType = source.GetInflectionType(wordId);
            _inflection.InflectionForm = source.GetInflectionForm(wordId);
        }
    }

    public override void Reset()
    {
        base.Reset();
        _segmenter.Reset(m_input);
        _lastTokenStart = -1;
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(_segmenter.Position);
        _offset.SetOffset(final, final);
    }
}
