using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Ingest.Index.Analysis;

/// <summary>The tokenizer stage of the analyzer and the filters that run after synonyms; swappable so the index can run on either segmenter.</summary>
public sealed class TokenizerProfile
{
    /// <summary>A short name shown in diagnostics and benchmark reports.</summary>
    public required string Name { get; init; }

    /// <summary>Builds the tokenizer and any filters that must run before lower-casing and synonyms.</summary>
    public required Func<TextReader, (Tokenizer Source, TokenStream Stream)> Create { get; init; }

    /// <summary>Filters after synonyms (base form, part-of-speech stop); identity by default.</summary>
    public Func<TokenStream, TokenStream> AfterSynonyms { get; init; } = static stream => stream;

    /// <summary>
    /// Overlapping CJK bigrams over the standard tokenizer: no dictionary, but a compound matches wherever its
    /// characters occur in that order, so 暗号化 still matches 通信暗号化.
    /// </summary>
    public static TokenizerProfile CjkBigram { get; } = new()
    {
        Name = "cjk-bigram",
        Create = static reader =>
        {
            var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
            return (source, new CJKBigramFilter(source));
        },
    };
}
