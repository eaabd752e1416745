using Ingest.Core.Diagnostics;
using Ingest.Core.Records;
using Ingest.Core.Records.Renditions;
using Ingest.Index.Analysis;
using Ingest.Index.Documents;
using Ingest.Index.Store;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Ingest.Index.Search;

/// <summary>
/// Runs one <see cref="SearchRequest"/> against a searcher: parses and analyses the query, applies filters, ranks with
/// BM25, groups sheets by submission, counts facets over every match and builds snippets for the returned hits.
/// </summary>
public sealed class IndexSearch(IndexSearcher searcher, IndexAnalysis analysis)
{
    private static readonly HashSet<string> _sheetFields = [IndexFields.SheetIndex];
    private static readonly HashSet<string> _recordFields = [IndexFields.Record];

    /// <summary>The positive clauses a query text compiles to (empty parts dropped), as snippets use them.</summary>
    public IReadOnlyList<QueryClause> Compile(string query) => Prepare(new SearchRequest { Query = query }).Clauses;

    /// <summary>The request's query text parsed (<see cref="QuerySyntax"/>) and compiled against this index's fields.</summary>
    public CompiledQuery Prepare(SearchRequest request) =>
        new QueryCompiler(searcher.IndexReader, analysis).Compile(request.Query, string.IsNullOrWhiteSpace(request.Field) ? null : request.Field);

    /// <summary>The Lucene query of a request: the compiled query on the chosen field, filters that do not score.</summary>
    public Query BuildQuery(SearchRequest request, CompiledQuery compiled)
    {
        var main = compiled.Main ?? new MatchAllDocsQuery();
        var filters = new BooleanQuery();
        if (request.YearFrom is not null || request.YearTo is not null)
            filters.Add(NumericRangeQuery.NewInt32Range(IndexFields.FiscalYear, request.YearFrom, request.YearTo, true, true), Occur.MUST);
        if (!string.IsNullOrWhiteSpace(request.SheetType))
            filters.Add(new TermQuery(new Term(IndexFields.SheetType, request.SheetType.Trim())), Occur.MUST);
        if (!string.IsNullOrWhiteSpace(request.Partner))
            filters.Add(PartnerQuery(request.Partner.Trim()), Occur.MUST);
        if (!string.IsNullOrWhiteSpace(request.Department))
            filters.Add(DepartmentQuery(request.Department.Trim()), Occur.MUST);
        return filters.Clauses.Count == 0 ? main : new FilteredQuery(main, new QueryWrapperFilter(filters));
    }

    /// <summary>Runs only the collection of matches and facets (for profiling); returns the match count.</summary>
    public int CollectOnly(Query query)
    {
        var collector = new MatchCollector();
        searcher.Search(query, collector);
        collector.Facets();
        return collector.Matches.Count;
    }

    /// <summary>
    /// Runs the request: ranks every matching submission by its best sheet, returns the page
    /// [<see cref="SearchRequest.Offset"/>, offset + <see cref="SearchRequest.Limit"/>) of them, and counts totals and
    /// facets over all matches (not just the page), so a pager knows how many pages there are.
    /// </summary>
    public SearchResult Run(SearchRequest request)
    {
        StartupTrace.Mark("search: reader open");
        var compiled = Prepare(request);
        StartupTrace.Mark("search: query compiled");
        var clauses = compiled.Clauses;
        var query = BuildQuery(request, compiled);
        var collector = new MatchCollector(ExcludedSubmissions(compiled));
        searcher.Search(query, collector);
        StartupTrace.Mark("search: matches collected");

        // Best score per submission (files carrying one submission are one), and the file whose sheet scored it.
        var best = new Dictionary<int, float>();
        var bestHead = new Dictionary<int, int>();
        foreach (var match in collector.Matches)
        {
            if (!best.TryGetValue(match.Submission, out var score) || match.Score > score
                || (match.Score == score && match.Head < bestHead[match.Submission]))
            {
                best[match.Submission] = match.Score;
                bestHead[match.Submission] = match.Head;
            }
        }
        var limit = Math.Clamp(request.Limit, 0, SearchRequest.MaxLimit);
        var offset = Math.Max(request.Offset, 0);
        var snippets = new SnippetBuilder(analysis);
        var label = string.IsNullOrWhiteSpace(request.Field) ? null : request.Field.Trim();
        // The page is the tail of the best offset + limit: ranking is by group, so no fewer may be ranked.
        var top = offset >= best.Count ? [] : TopSubmissions(best, bestHead, (int)Math.Min((long)offset + limit, best.Count)).Skip(offset).ToList();
        var shownHeads = top.Select(submission => bestHead[submission]).ToHashSet();
        var sheetsByHead = collector.Matches
            .Where(match => shownHeads.Contains(match.Head))
            .GroupBy(match => match.Head)
            .ToDictionary(group => group.Key, group => group.OrderByDescending(match => match.Score).ThenBy(match => match.Doc).ToList());
        var weights = ClauseWeights(clauses);
        var queryTerms = clauses.SelectMany(clause => clause.Items).Select(item => item.Term).Distinct(StringComparer.Ordinal).ToList();
        var occurrences = TermOccurrences.Read(searcher.IndexReader, sheetsByHead.Values.SelectMany(list => list).Select(match => match.Doc), queryTerms);
        StartupTrace.Mark("search: term occurrences read");
        var hits = new List<SubmissionHit>();
        foreach (var submission in top)
        {
            var head = bestHead[submission];
            var record = LoadRecord(head);
            if (record is null)
                continue;
            // Only needed when the index has no offsets for a document (then its texts are analysed again).
            var analyzer = new Lazy<Lucene.Net.Analysis.Analyzer>(() => analysis.ForAliases(DefinedAliases.Find(record, analysis)));
            var sheets = new List<SheetHit>();
            var matches = sheetsByHead[head];
            foreach (var match in matches)
            {
                var sheetIndex = searcher.Doc(match.Doc, _sheetFields).GetField(IndexFields.SheetIndex)?.GetInt32Value() ?? -1;
                var sheet = sheetIndex >= 0 && sheetIndex < record.Sheets.Count ? record.Sheets[sheetIndex] : null;
                // A document without any occurrence matched through a field this reader has no offsets for: analyse it again.
                var found = snippets.Build(record, sheetIndex, clauses, label, occurrences.GetValueOrDefault(match.Doc), () => analyzer.Value, weights);
                sheets.Add(new SheetHit
                {
                    SheetIndex = sheet is null ? -1 : sheetIndex,
                    SheetType = sheet?.Type,
                    SheetTitle = sheet?.Title,
                    Field = found.Field,
                    MatchedFields = found.MatchedFields,
                    Snippet = found.Snippet,
                    Passages = found.Passages,
                    Score = match.Score,
                });
            }
            var key = collector.RenditionKeyOf(submission);
            hits.Add(new SubmissionHit
            {
                Record = record,
                Score = matches[0].Score,
                Sheets = sheets,
                Renditions = key is null ? [record] : RenditionsOf(key),
            });
        }

        StartupTrace.Mark("search: hits and snippets built");
        return new SearchResult
        {
            TotalSheets = collector.CountedSheets,
            TotalSubmissions = best.Count,
            Offset = offset,
            Submissions = hits,
            Facets = collector.Facets(),
            Reading = compiled.Reading,
            ReadAsPlainWords = compiled.Parsed.ReadAsPlainWords,
        };
    }

    /// <summary>
    /// The submissions a top-level <c>-term</c> leaves out: every one with a document (a sheet, in any of its files) that
    /// matches an excluded query; null when nothing is excluded.
    /// </summary>
    private HashSet<string>? ExcludedSubmissions(CompiledQuery compiled)
    {
        if (compiled.Excluded.Count == 0)
            return null;
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var query in compiled.Excluded)
        {
            var collector = new MatchCollector();
            searcher.Search(query, collector);
            excluded.UnionWith(collector.SubmissionLookups);
        }
        return excluded;
    }

    /// <summary>
    /// Partner filter: any name of the partner's synonym group, and any indexed partner whose name contains one of them
    /// (出入国在留管理庁 finds 出入国在留管理庁長官), compared after folding.
    /// </summary>
    private Query PartnerQuery(string partner)
    {
        var names = (analysis.GroupOf(partner)?.Names ?? []).Append(partner).Select(analysis.FoldKey).Distinct(StringComparer.Ordinal).ToList();
        return IndexedTermsQuery(IndexFields.Partner, partner, key => names.Any(name => key.Contains(name, StringComparison.Ordinal)));
    }

    /// <summary>
    /// Department filter: every indexed department name that is the department or contains it as whole units
    /// (<see cref="DepartmentMatch"/>), compared as fold keys.
    /// </summary>
    private Query DepartmentQuery(string department)
    {
        var wanted = analysis.FoldKey(department);
        return IndexedTermsQuery(IndexFields.Department, department, key => DepartmentMatch.Matches(key, wanted));
    }

    /// <summary>
    /// Any of the keyword terms of <paramref name="field"/> whose fold key <paramref name="keep"/> accepts; when none does, a
    /// query that matches nothing (the filter value itself as a term), rather than no filter. Resolved against the terms of
    /// the index, which are few for partners and departments (one per name), instead of wildcard automata.
    /// </summary>
    private BooleanQuery IndexedTermsQuery(string field, string value, Func<string, bool> keep)
    {
        var query = new BooleanQuery();
        var terms = MultiFields.GetTerms(searcher.IndexReader, field);
        if (terms is not null)
        {
            var termsEnum = terms.GetEnumerator();
            while (termsEnum.MoveNext())
            {
                var indexed = termsEnum.Term.Utf8ToString();
                if (keep(analysis.FoldKey(indexed)))
                    query.Add(new TermQuery(new Term(field, indexed)), Occur.SHOULD);
            }
        }
        if (query.Clauses.Count == 0)
            query.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        return query;
    }

    /// <summary>Each clause's rarity in the all-text field (the inverse document frequency of its most common term), for choosing snippets.</summary>
    public IReadOnlyList<double> ClauseWeights(IReadOnlyList<QueryClause> clauses)
    {
        var reader = searcher.IndexReader;
        return clauses.Select(clause =>
        {
            var frequency = clause.Items.Max(item => reader.DocFreq(new Term(IndexFields.AllText, item.Term)));
            return Math.Log(1 + (reader.NumDocs + 1.0) / (frequency + 1.0));
        }).ToList();
    }

    /// <summary>
    /// The <paramref name="limit"/> best submissions, best first (ties: the one whose best file is earlier in the index
    /// first), without sorting them all.
    /// </summary>
    private static List<int> TopSubmissions(Dictionary<int, float> best, Dictionary<int, int> bestHead, int limit)
    {
        // A min-heap of the best so far: its root is the weakest kept (lowest score, then the later document).
        var heap = new PriorityQueue<int, (float Score, int Head)>(Comparer<(float Score, int Head)>.Create(
            static (a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Head.CompareTo(a.Head)));
        if (limit == 0)
            return [];
        foreach (var (submission, score) in best)
        {
            var head = bestHead[submission];
            if (heap.Count < limit)
                heap.Enqueue(submission, (score, head));
            else
                heap.EnqueueDequeue(submission, (score, head));
        }
        var top = new List<int>(heap.Count);
        while (heap.Count > 0)
            top.Add(heap.Dequeue());
        top.Reverse();
        return top;
    }

    /// <summary>Every file's record of the submission with rendition key <paramref name="key"/>, the most faithful first.</summary>
    private IReadOnlyList<SubmissionRecord> RenditionsOf(string key) =>
        RenditionRule.Order(RecordLookup.Records(searcher, new TermQuery(new Term(IndexFields.Rendition, key))));

    private SubmissionRecord? LoadRecord(int head)
    {
        var json = searcher.Doc(head, _recordFields).Get(IndexFields.Record);
        return json is null ? null : RecordJson.Deserialize<SubmissionRecord>(json);
    }
}
