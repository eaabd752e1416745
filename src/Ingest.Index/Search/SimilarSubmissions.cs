using Ingest.Core.Records;
using Ingest.Core.Records.Renditions;
using Ingest.Index.Documents;
using Ingest.Index.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Ingest.Index.Search;

/// <summary>A past submission like the one given, with its score and the words they share that weighed most.</summary>
public sealed record SimilarSubmission(SubmissionRecord Record, float Score, IReadOnlyList<string> SharedTerms);

/// <summary>
/// Finds the submissions most like a given one or a draft, as Lucene's MoreLikeThis does but with our own term choice
/// (no MoreLikeThis code): the text is analysed as the index analyses it (so J-LIS and 地方公共団体情報システム機構 are one
/// term), each term weighted by its frequency in the text times its rarity in the index, the
/// <see cref="MaxQueryTerms"/> heaviest become a query of optional terms, boosted by that weight, over all text, and BM25
/// ranks the sheets. Matches are grouped into submissions (renditions count once) and the given submission itself is
/// left out. Terms in more than half of the documents (of an index of at least <see cref="MinDocumentsForCommonTerms"/>)
/// say nothing of likeness and are skipped, as are one-letter terms
/// (particles and kana the analyzer kept).
/// </summary>
public sealed class SimilarSubmissions(IndexSearcher searcher, IndexAnalysis analysis)
{
    /// <summary>Most terms of the text that make up the query.</summary>
    public const int MaxQueryTerms = 40;

    /// <summary>Documents an index needs before a term in more than half of them is skipped as common (a small index has too few to tell).</summary>
    public const int MinDocumentsForCommonTerms = 20;

    /// <summary>Longest text read from a draft (chars).</summary>
    public const int MaxTextChars = 100_000;

    private static readonly HashSet<string> _recordField = [IndexFields.Record];

    /// <summary>The submissions most like <paramref name="record"/> (its other renditions left out), best first.</summary>
    public IReadOnlyList<SimilarSubmission> LikeRecord(SubmissionRecord record, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(record);
        return LikeText(string.Join("\n", RecordTexts.All(record).Select(entry => entry.Text)), limit, RenditionRule.KeyOf(record));
    }

    /// <summary>The submissions most like a text (a draft being written), best first, leaving out the submission with rendition key <paramref name="exclude"/>.</summary>
    public IReadOnlyList<SimilarSubmission> LikeText(string text, int limit = 10, string? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = ChooseTerms(text.Length > MaxTextChars ? text[..MaxTextChars] : text);
        if (terms.Count == 0 || limit <= 0)
            return [];
        var query = new BooleanQuery();
        foreach (var (term, weight) in terms)
            query.Add(new TermQuery(new Term(IndexFields.AllText, term)) { Boost = (float)weight }, Occur.SHOULD);
        var collector = new MatchCollector();
        searcher.Search(query, collector);

        var best = new Dictionary<int, Match>();
        foreach (var match in collector.Matches)
        {
            if (exclude is not null && collector.RenditionKeyOf(match.Submission) == exclude)
                continue;
            if (!best.TryGetValue(match.Submission, out var kept) || match.Score > kept.Score || (match.Score == kept.Score && match.Head < kept.Head))
                best[match.Submission] = match;
        }
        var chosen = terms.Select(pair => pair.Term).ToHashSet(StringComparer.Ordinal);
        var result = new List<SimilarSubmission>();
        foreach (var match in best.Values.OrderByDescending(match => match.Score).ThenBy(match => match.Head).Take(limit))
        {
            var json = searcher.Doc(match.Head, _recordField).Get(IndexFields.Record);
            if (json is null || RecordJson.Deserialize<SubmissionRecord>(json) is not { } found)
                continue;
            result.Add(new SimilarSubmission(found, match.Score, SharedTerms(match.Doc, terms)));
        }
        return result;
    }

    /// <summary>The text's terms worth asking for, heaviest first: frequency in the text × rarity in the index.</summary>
    private List<(string Term, double Weight)> ChooseTerms(string text)
    {
        var reader = searcher.IndexReader;
        var documents = Math.Max(reader.NumDocs, 1);
        return analysis.Tokenize(text)
            .Where(token => token.IsSynonym || token.Term.Length > 1)
            .GroupBy(token => token.Term, StringComparer.Ordinal)
            .Select(group =>
            {
                var frequency = reader.DocFreq(new Term(IndexFields.AllText, group.Key));
                var common = documents >= MinDocumentsForCommonTerms && frequency * 2 > documents;
                var weight = frequency == 0 || common ? 0 : group.Count() * Math.Log(1 + (documents + 1.0) / (frequency + 1.0));
                return (Term: group.Key, Weight: weight);
            })
            .Where(pair => pair.Weight > 0)
            .OrderByDescending(pair => pair.Weight).ThenBy(pair => pair.Term, StringComparer.Ordinal)
            .Take(MaxQueryTerms)
            .ToList();
    }

    /// <summary>The chosen terms the matching document holds, heaviest first (at most ten), to say why it is alike.</summary>
    private List<string> SharedTerms(int doc, List<(string Term, double Weight)> terms)
    {
        var shared = new List<string>();
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            if (doc < leaf.DocBase || doc >= leaf.DocBase + leaf.Reader.MaxDoc)
                continue;
            var fieldTerms = leaf.AtomicReader.GetTerms(IndexFields.AllText);
            if (fieldTerms is null)
                break;
            var termsEnum = fieldTerms.GetEnumerator();
            foreach (var (term, _) in terms)
            {
                if (!termsEnum.SeekExact(new Lucene.Net.Util.BytesRef(term)))
                    continue;
                var postings = termsEnum.Docs(null, null, DocsFlags.NONE);
                if (postings.Advance(doc - leaf.DocBase) == doc - leaf.DocBase)
                    shared.Add(term);
                if (shared.Count == 10)
                    break;
            }
        }
        return shared;
    }
}
