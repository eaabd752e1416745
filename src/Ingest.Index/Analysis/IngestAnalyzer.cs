using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Util;

namespace Ingest.Index.Analysis;

/// <summary>
/// The product analyzer: folding char filter → tokenizer (profile) → lower case → synonyms (each name collapses to
/// one canonical token stacked over the words it covers) → profile filters (base form, stop tags).
/// </summary>
public sealed class IngestAnalyzer : Analyzer
{
    /// <summary>Positions between two values of a multi-valued field, so a phrase never spans two cells.</summary>
    public const int ValueGap = 100;

    /// <summary>
    /// Longest token kept (chars). Longer runs (a base64 blob, a line of dashes) are dropped: nobody searches for them,
    /// and Lucene refuses terms over 32,766 bytes, which would fail the whole file.
    /// </summary>
    public const int MaxTokenChars = 255;

    private readonly TokenizerProfile _profile;
    private readonly ITextFolder _folder;
    private readonly SynonymMap? _synonyms;
    private readonly bool _stopBeforeSynonyms;

    /// <summary>Creates the analyzer; <paramref name="stopBeforeSynonyms"/> gives the chain up to lower case only (used to parse synonym entries).</summary>
    public IngestAnalyzer(TokenizerProfile profile, ITextFolder folder, SynonymMap? synonyms, bool stopBeforeSynonyms = false)
    {
        _profile = profile;
        _folder = folder;
        _synonyms = synonyms;
        _stopBeforeSynonyms = stopBeforeSynonyms;
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var (source, stream) = _profile.Create(reader);
        stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, new LengthFilter(LuceneVersion.LUCENE_48, stream, 1, MaxTokenChars));
        if (_stopBeforeSynonyms)
            return new TokenStreamComponents(source, stream);
        if (_synonyms?.Fst is not null)
            stream = new SynonymKeywordFilter(new SynonymFilter(stream, _synonyms, ignoreCase: false));
        stream = _profile.AfterSynonyms(stream);
        return new TokenStreamComponents(source, stream);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => new FoldingCharFilter(reader, _folder);

    public override int GetPositionIncrementGap(string fieldName) => ValueGap;
}
