using Ingest.Index.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;

namespace Ingest.Index.Search;

/// <summary>One analysed query term: its index term, its position within the part, and whether it is a canonical synonym.</summary>
public readonly record struct ClauseItem(string Term, int Position, bool IsSynonym);

/// <summary>
/// A query part after analysis: the terms that must occur in order. A part whose words are a synonym name collapses to
/// the group's canonical term, so <c>J-LIS</c> and <c>地方公共団体情報システム機構</c> are the same clause.
/// </summary>
public sealed record QueryClause(QueryPart Part, IReadOnlyList<ClauseItem> Items)
{
    /// <summary>
    /// Positions a canonical synonym term may stand before the next term: a name covers as many positions as it has
    /// words, and the canonical term sits on the first.
    /// </summary>
    public const int SynonymSpan = 12;

    /// <summary>True when the clause contains a synonym and other terms, so it is matched in order with some slop.</summary>
    public bool IsLoose => Items.Count > 1 && Items.Any(item => item.IsSynonym);

    /// <summary>The labels a <c>label:term</c> part is limited to (snippets look for it only there); null for all text.</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>Analyses a part with the query analyzer (no document aliases).</summary>
    public static QueryClause Compile(QueryPart part, IndexAnalysis analysis)
    {
        var tokens = analysis.Tokenize(part.Text);
        var synonyms = tokens.Where(token => token.IsSynonym).ToList();
        var items = new List<ClauseItem>();
        var seenPositions = new HashSet<int>();
        foreach (var token in tokens)
        {
            if (token.IsSynonym)
            {
                if (!items.Any(item => item.IsSynonym && item.Position == token.Position && item.Term == token.Term))
                    items.Add(new ClauseItem(token.Term, token.Position, true));
                continue;
            }
            // Words a synonym covers are represented by the canonical term alone.
            if (synonyms.Any(synonym => synonym.Start <= token.Start && token.End <= synonym.End))
                continue;
            if (seenPositions.Add(token.Position))
                items.Add(new ClauseItem(token.Term, token.Position, false));
        }
        items.Sort((a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : b.IsSynonym.CompareTo(a.IsSynonym));
        return new QueryClause(part, items);
    }

    /// <summary>The Lucene query of this clause on <paramref name="field"/>, or null when the part analysed to nothing.</summary>
    public Query? ToQuery(string field)
    {
        if (Items.Count == 0)
            return null;
        if (Items.Count == 1)
            return new TermQuery(new Term(field, Items[0].Term));
        if (!IsLoose)
        {
            var phrase = new PhraseQuery();
            var first = Items[0].Position;
            foreach (var item in Items)
                phrase.Add(new Term(field, item.Term), item.Position - first);
            return phrase;
        }
        // Runs of ordinary words stay exact phrases; the canonical terms between them may span a name of any length.
        var spans = new List<SpanQuery>();
        var run = new List<SpanQuery>();
        foreach (var item in Items)
        {
            if (item.IsSynonym)
            {
                FlushRun(spans, run);
                spans.Add(new SpanTermQuery(new Term(field, item.Term)));
                continue;
            }
            run.Add(new SpanTermQuery(new Term(field, item.Term)));
        }
        FlushRun(spans, run);
        var slop = SynonymSpan * Items.Count(item => item.IsSynonym);
        return new SpanNearQuery([.. spans], slop, inOrder: true);
    }

    private static void FlushRun(List<SpanQuery> spans, List<SpanQuery> run)
    {
        if (run.Count == 1)
            spans.Add(run[0]);
        else if (run.Count > 1)
            spans.Add(new SpanNearQuery([.. run], 0, inOrder: true));
        run.Clear();
    }
}
