using Ingest.Japanese.Dictionary;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Ingest.Japanese;

/// <summary>Options of <see cref="JapaneseAnalyzer"/>; the defaults give Lucene's JapaneseAnalyzer chain.</summary>
public sealed record JapaneseAnalyzerOptions
{
    /// <summary>User dictionary for the tokenizer (none by default; <see cref="Japanese.UserDictionary.Domain"/> for the product).</summary>
    public UserDictionary? UserDictionary { get; init; }

    public JapaneseTokenizerMode Mode { get; init; } = JapaneseTokenizerMode.Search;

    /// <summary>In search mode, drop the compound token and keep its parts (for synonym filters).</summary>
    public bool DiscardCompoundToken { get; init; }

    /// <summary>Stop words; Kuromoji's stopwords.txt when null.</summary>
    public IReadOnlyCollection<string>? StopWords { get; init; }

    /// <summary>Part-of-speech stop tags; Kuromoji's stoptags.txt when null.</summary>
    public IReadOnlyCollection<string>? StopTags { get; init; }

    public LuceneVersion Version { get; init; } = LuceneVersion.LUCENE_48;

    /// <summary>Fold full-width digits and letters before the tokenizer (<see cref="JapaneseCharFilters"/>); off in Kuromoji's chain.</summary>
    public bool FoldFullWidthBeforeTokenizer { get; init; }
}

/// <summary>
/// Analyzer equal to Lucene's Kuromoji JapaneseAnalyzer: search-mode <see cref="JapaneseTokenizer"/>, base form,
/// part-of-speech stop tags, CJK width folding, stop words, katakana stemming, lower case.
/// </summary>
public sealed class JapaneseAnalyzer : Analyzer
{
    private static readonly Lazy<IReadOnlyList<string>> s_stopWords = new(() => DictionaryResources.ReadWordList("Ingest.Japanese.stopwords.txt"));
    private static readonly Lazy<IReadOnlyList<string>> s_stopTags = new(() => DictionaryResources.ReadWordList("Ingest.Japanese.stoptags.txt"));

    private readonly JapaneseAnalyzerOptions _options;
    private readonly CharArraySet _stopWords;
    private readonly ISet<string> _stopTags;

    public JapaneseAnalyzer(JapaneseAnalyzerOptions? options = null)
    {
        _options = options ?? new JapaneseAnalyzerOptions();
        _stopWords = new CharArraySet(_options.Version, _options.StopWords ?? DefaultStopWords, ignoreCase: true);
        _stopTags = new HashSet<string>(_options.StopTags ?? DefaultStopTags, StringComparer.Ordinal);
    }

    /// <summary>Kuromoji's default stop words (stopwords.txt).</summary>
    public static IReadOnlyList<string> DefaultStopWords => s_stopWords.Value;

    /// <summary>Kuromoji's default part-of-speech stop tags (stoptags.txt).</summary>
    public static IReadOnlyList<string> DefaultStopTags => s_stopTags.Value;

    /// <summary>Kuromoji's filter chain with the default stop words and stop tags, over any tokenizer (for analyzers built elsewhere).</summary>
    public static TokenStream BuildDefaultChain(Tokenizer source, LuceneVersion version) =>
        BuildChain(source, version,
            new CharArraySet(version, DefaultStopWords, ignoreCase: true),
            new HashSet<string>(DefaultStopTags, StringComparer.Ordinal));

    /// <summary>Kuromoji's filter chain with the given stop words and stop tags.</summary>
    public static TokenStream BuildChain(Tokenizer source, LuceneVersion version, CharArraySet stopWords, ISet<string> stopTags)
    {
        TokenStream stream = new JapaneseBaseFormFilter(source);
        stream = new JapanesePartOfSpeechStopFilter(version, stream, stopTags);
        stream = new CJKWidthFilter(stream);
        stream = new StopFilter(version, stream, stopWords);
        stream = new JapaneseKatakanaStemFilter(stream);
        return new LowerCaseFilter(version, stream);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        _options.FoldFullWidthBeforeTokenizer ? JapaneseCharFilters.FoldFullWidthAlphanumerics(reader) : reader;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new JapaneseTokenizer(reader, _options.UserDictionary, discardPunctuation: true, _options.Mode, _options.DiscardCompoundToken);
        return new TokenStreamComponents(tokenizer, BuildChain(tokenizer, _options.Version, _stopWords, _stopTags));
    }
}
