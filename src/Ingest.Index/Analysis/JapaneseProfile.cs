using Ingest.Japanese;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Ingest.Index.Analysis;

/// <summary>
/// The Japanese tokenizer in search mode with the domain user dictionary. Compound tokens are discarded (only their
/// parts are kept), so the stream is a simple chain the synonym filter and phrase queries can walk, and 暗号化 (暗号+化)
/// matches inside 通信暗号化 and 暗号化通信. After synonyms: base form (暗号化し → …する), then part-of-speech stop tags.
/// </summary>
public static class JapaneseProfile
{
    private static readonly Lazy<ISet<string>> _stopTags = new(() => new HashSet<string>(JapaneseAnalyzer.DefaultStopTags, StringComparer.Ordinal));

    /// <summary>The profile; the dictionary loads on first use.</summary>
    public static TokenizerProfile Search { get; } = new()
    {
        Name = "japanese-search",
        Create = static reader =>
        {
            var tokenizer = new JapaneseTokenizer(reader, UserDictionary.Domain, discardPunctuation: true, JapaneseTokenizerMode.Search, discardCompoundToken: true);
            return (tokenizer, tokenizer);
        },
        AfterSynonyms = static stream =>
            new JapanesePartOfSpeechStopFilter(LuceneVersion.LUCENE_48, new JapaneseBaseFormFilter(new SynonymPartOfSpeechFilter(stream)), _stopTags.Value),
    };

    /// <summary>
    /// A canonical synonym token inherits the part of speech of the first word it covers (J of J-LIS may be tagged as a
    /// symbol); names are proper nouns, so say so before the stop-tag filter judges the token.
    /// </summary>
    private sealed class SynonymPartOfSpeechFilter : TokenFilter
    {
        private const string ProperNoun = "名詞-固有名詞-組織";

        private readonly ITypeAttribute _type;
        private readonly IPartOfSpeechAttribute _partOfSpeech;

        public SynonymPartOfSpeechFilter(TokenStream input)
            : base(input)
        {
            _type = AddAttribute<ITypeAttribute>();
            _partOfSpeech = AddAttribute<IPartOfSpeechAttribute>();
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
                return false;
            if (_type.Type == SynonymFilter.TYPE_SYNONYM)
                _partOfSpeech.PartOfSpeech = ProperNoun;
            return true;
        }
    }
}
