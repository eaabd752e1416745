using Ingest.Core.Normalisation;
using Ingest.Index.Analysis;
using Ingest.Index.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Ingest.Index.Search;

/// <summary>
/// A query ready to run: the Lucene query of what must match (null: everything), the queries whose submissions are left
/// out whole (the top-level <c>-term</c>s), the positive clauses (for snippets), and how the text was read.
/// </summary>
public sealed record CompiledQuery(Query? Main, IReadOnlyList<Query> Excluded, IReadOnlyList<QueryClause> Clauses, ParsedQuery Parsed, string Reading);

/// <summary>
/// Turns a <see cref="ParsedQuery"/> into Lucene queries over the index's fields. Each word or phrase is analysed as
/// before (<see cref="QueryClause"/>: a synonym name is its group's canonical term); <c>label:</c> names the label fields
/// whose label is the typed one or contains it (<c>相手方</c> → 相手方, 結合の相手方), or a canonical name from
/// <see cref="FieldNames"/>; a prefix is expanded to the indexed terms that start with it (at most
/// <see cref="MaxPrefixTerms"/>, the most frequent first), so it is highlighted like any term.
/// A top-level exclusion leaves out a whole submission when any of its sheets, in any of its files, matches: a submission
/// is what a user means to exclude, and its documents are per sheet. Exclusions inside brackets act per sheet.
/// </summary>
public sealed class QueryCompiler(IndexReader reader, IndexAnalysis analysis)
{
    /// <summary>Most indexed terms one prefix expands to.</summary>
    public const int MaxPrefixTerms = 64;

    /// <summary>Canonical names accepted before a colon besides the labels themselves (English field names of the record contract).</summary>
    public static IReadOnlyDictionary<string, string> FieldNames { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = RecordTexts.Title,
        ["partner"] = "相手方",
        ["department"] = RecordTexts.Department,
        ["section"] = "保有課",
        ["measures"] = "対策",
        ["items"] = "情報項目",
        ["period"] = "期間",
        ["reason"] = "理由",
        ["type"] = RecordTexts.SheetType,
    };

    public CompiledQuery Compile(string? text, string? onlyLabel = null)
    {
        var parsed = QuerySyntax.Parse(text);
        var defaultFields = new[] { string.IsNullOrWhiteSpace(onlyLabel) ? IndexFields.AllText : IndexFields.ForLabel(onlyLabel.Trim()) };
        var clauses = new List<QueryClause>();
        var notes = new List<string>();
        var excluded = new List<Query>();
        Query? main = null;
        if (parsed.Root is { } root)
        {
            // Top-level exclusions are applied per submission, by the caller.
            var children = root is AndNode and ? and.Children : [root];
            var positives = new List<Query>();
            foreach (var child in children)
            {
                if (child is NotNode not)
                {
                    if (Build(not.Child, defaultFields, null, notes) is { } query)
                        excluded.Add(query);
                }
                else if (Build(child, defaultFields, clauses, notes) is { } query)
                    positives.Add(query);
            }
            if (positives.Count == 1)
                main = positives[0];
            else if (positives.Count > 1)
            {
                var all = new BooleanQuery();
                foreach (var query in positives)
                    all.Add(query, Occur.MUST);
                main = all;
            }
        }
        var reading = QuerySyntax.Describe(parsed.Root);
        if (parsed.Problem is { } problem)
            reading = $"{reading}（{problem}。語として検索しました）";
        if (notes.Count > 0)
            reading += "　" + string.Join("　", notes.Distinct());
        return new CompiledQuery(main, excluded, clauses, parsed, reading);
    }

    /// <summary>The query of a node, or null when it analysed to nothing; positive clauses go to <paramref name="clauses"/> (null under a NOT).</summary>
    private Query? Build(QueryNode node, string[] fields, List<QueryClause>? clauses, List<string> notes)
    {
        switch (node)
        {
            case TermNode term:
                return BuildTerm(term, fields, clauses, notes);
            case NotNode not:
            {
                var inner = Build(not.Child, fields, null, notes);
                if (inner is null)
                    return null;
                return new BooleanQuery { { new MatchAllDocsQuery(), Occur.MUST }, { inner, Occur.MUST_NOT } };
            }
            case AndNode and:
            {
                var query = new BooleanQuery();
                foreach (var child in and.Children)
                {
                    if (child is NotNode not && Build(not.Child, fields, null, notes) is { } excluded)
                        query.Add(excluded, Occur.MUST_NOT);
                    else if (child is not NotNode && Build(child, fields, clauses, notes) is { } included)
                        query.Add(included, Occur.MUST);
                }
                if (query.Clauses.Count == 0)
                    return null;
                if (query.Clauses.All(clause => clause.Occur == Occur.MUST_NOT))
                    query.Add(new MatchAllDocsQuery(), Occur.MUST);
                return query;
            }
            case OrNode or:
            {
                var query = new BooleanQuery();
                foreach (var child in or.Children)
                {
                    if (Build(child, fields, clauses, notes) is { } included)
                        query.Add(included, Occur.SHOULD);
                }
                return query.Clauses.Count == 0 ? null : query;
            }
            default:
                return null;
        }
    }

    private Query? BuildTerm(TermNode term, string[] fields, List<QueryClause>? clauses, List<string> notes)
    {
        if (term.Label is { } label)
        {
            fields = FieldsOf(label);
            if (fields.Length == 0)
            {
                notes.Add($"「{label}」という項目はありません");
                // Nothing can match a field no document has: the term then matches nothing, as asked.
                fields = [IndexFields.ForLabel(label)];
            }
        }
        var clause = QueryClause.Compile(term.Part, analysis);
        if (clause.Items.Count == 0)
            return null;
        if (term.Label is not null)
            clause = clause with { Labels = [.. fields.Select(field => field[IndexFields.LabelPrefix.Length..])] };
        var variants = term.Prefix ? ExpandPrefix(clause, notes) : [clause];
        if (variants.Count == 0)
            return new TermQuery(new Term(fields[0], clause.Items[^1].Term + "\u0000nothing"));
        var query = new BooleanQuery();
        foreach (var variant in variants)
        {
            clauses?.Add(variant);
            foreach (var field in fields)
            {
                if (variant.ToQuery(field) is { } fieldQuery)
                    query.Add(fieldQuery, Occur.SHOULD);
            }
        }
        return query.Clauses.Count == 1 ? query.Clauses[0].Query : query;
    }

    /// <summary>The clause with its last term replaced by each indexed term starting with it, most frequent first.</summary>
    private List<QueryClause> ExpandPrefix(QueryClause clause, List<string> notes)
    {
        var last = clause.Items[^1];
        var found = new List<(string Term, int Frequency)>();
        var terms = MultiFields.GetTerms(reader, IndexFields.AllText);
        if (terms is not null)
        {
            var termsEnum = terms.GetEnumerator();
            if (termsEnum.SeekCeil(new BytesRef(last.Term)) != TermsEnum.SeekStatus.END)
            {
                do
                {
                    var indexed = termsEnum.Term.Utf8ToString();
                    if (!indexed.StartsWith(last.Term, StringComparison.Ordinal))
                        break;
                    found.Add((indexed, termsEnum.DocFreq));
                }
                while (termsEnum.MoveNext());
            }
        }
        if (found.Count > MaxPrefixTerms)
            notes.Add($"「{last.Term}*」は多く出る{MaxPrefixTerms}語に限りました");
        return found
            .OrderByDescending(pair => pair.Frequency).ThenBy(pair => pair.Term, StringComparer.Ordinal)
            .Take(MaxPrefixTerms)
            .Select(pair => clause with { Items = [.. clause.Items.Take(clause.Items.Count - 1), last with { Term = pair.Term }] })
            .ToList();
    }

    /// <summary>The label fields a typed label names: every indexed label that is it or contains it, compared folded (相手方 → 相手方, 結合の相手方).</summary>
    public string[] FieldsOf(string typed)
    {
        var wanted = TextNormaliser.FoldKey(FieldNames.GetValueOrDefault(typed.Trim()) ?? typed.Trim());
        if (wanted.Length == 0)
            return [];
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            foreach (var field in leaf.AtomicReader.FieldInfos)
            {
                if (field.Name.StartsWith(IndexFields.LabelPrefix, StringComparison.Ordinal))
                    labels.Add(field.Name);
            }
        }
        return labels.Where(name => TextNormaliser.FoldKey(name[IndexFields.LabelPrefix.Length..]).Contains(wanted, StringComparison.Ordinal)).ToArray();
    }
}
