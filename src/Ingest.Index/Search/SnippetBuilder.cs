using Ingest.Core.Records;
using Ingest.Index.Analysis;
using Ingest.Index.Documents;
using Lucene.Net.Analysis;

namespace Ingest.Index.Search;

/// <summary>Where a sheet matched: the best label, every label with a match, and a snippet of the best one.</summary>
public sealed record SnippetMatch(string? Field, IReadOnlyList<string> MatchedFields, Snippet? Snippet);

/// <summary>
/// Finds where a hit matched and cuts a snippet from the query terms' occurrences in the postings (<see cref="TermOccurrences"/>:
/// label fields index offsets, already corrected through the folding char filter, so highlights land on the original
/// characters). Only a document without offsets has the stored texts of its sheet and submission analysed again, with the
/// analyzer used at index time.
/// </summary>
public sealed class SnippetBuilder(IndexAnalysis analysis)
{
    /// <summary>Characters of context shown before the first match.</summary>
    public const int ContextBefore = 40;

    /// <summary>Longest snippet (chars).</summary>
    public const int MaxSnippetChars = 160;

    /// <summary>Longest text analysed for a snippet (chars); longer texts are cut for highlighting only.</summary>
    public const int MaxAnalysedChars = 20_000;

    /// <summary>Locates the clauses in the texts of <paramref name="record"/>'s sheet <paramref name="sheetIndex"/> by analysing them again.</summary>
    public SnippetMatch Build(SubmissionRecord record, int sheetIndex, IReadOnlyList<QueryClause> clauses, string? onlyLabel, Analyzer analyzer,
        IReadOnlyList<double>? weights = null)
    {
        var entries = RecordTexts.ForSheet(record, sheetIndex).ToList();
        return Choose(entries, clauses, weights, onlyLabel, index =>
        {
            var text = entries[index].Text;
            return analysis.Tokenize(text.Length > MaxAnalysedChars ? text[..MaxAnalysedChars] : text, analyzer);
        });
    }

    /// <summary>
    /// Locates the clauses from the query terms' occurrences read from the postings (<see cref="TermOccurrences"/>);
    /// analyses the texts again only when the index holds no offsets for the document (null).
    /// </summary>
    public SnippetMatch Build(SubmissionRecord record, int sheetIndex, IReadOnlyList<QueryClause> clauses, string? onlyLabel,
        IReadOnlyDictionary<string, List<TermOccurrence>>? occurrences, Func<Analyzer> fallbackAnalyzer, IReadOnlyList<double>? weights = null)
    {
        if (occurrences is null && clauses.Count > 0)
            return Build(record, sheetIndex, clauses, onlyLabel, fallbackAnalyzer(), weights);
        var entries = RecordTexts.ForSheet(record, sheetIndex).ToList();
        var tokens = TokensFromOccurrences(entries, occurrences ?? new Dictionary<string, List<TermOccurrence>>());
        return Choose(entries, clauses, weights, onlyLabel, index => tokens[index]);
    }

    /// <summary>
    /// The best entry is the one whose matched clauses weigh most (a clause's weight is its rarity, so a field holding the
    /// rare 顔写真 beats one holding only the common 外部結合); ties go to the earlier entry (sheet fields come first).
    /// </summary>
    private static SnippetMatch Choose(List<TextEntry> entries, IReadOnlyList<QueryClause> clauses, IReadOnlyList<double>? weights, string? onlyLabel,
        Func<int, IReadOnlyList<AnalyzedToken>> tokensOf)
    {
        var candidates = Enumerable.Range(0, entries.Count).Where(index => onlyLabel is null || entries[index].Label == onlyLabel).ToList();
        if (clauses.Count == 0)
            return new SnippetMatch(null, [], candidates.Count == 0 ? null : Cut(entries[candidates[0]].Text, []));

        var matched = new List<string>();
        (TextEntry Entry, List<(int Start, int End)> Ranges, double Weight)? best = null;
        foreach (var index in candidates)
        {
            var entry = entries[index];
            var tokens = tokensOf(index);
            if (tokens.Count == 0)
                continue;
            var ranges = new List<(int Start, int End)>();
            var weight = 0.0;
            for (var c = 0; c < clauses.Count; c++)
            {
                if (clauses[c].Labels is { } labels && !labels.Contains(entry.Label))
                    continue;
                var found = Find(tokens, clauses[c]);
                if (found.Count == 0)
                    continue;
                weight += weights is not null && c < weights.Count ? weights[c] : 1.0;
                ranges.AddRange(found);
            }
            if (ranges.Count == 0)
                continue;
            if (!matched.Contains(entry.Label))
                matched.Add(entry.Label);
            if (best is null || weight > best.Value.Weight)
                best = (entry, ranges, weight);
        }
        if (best is null)
            return new SnippetMatch(null, matched, null);
        return new SnippetMatch(best.Value.Entry.Label, matched, Cut(best.Value.Entry.Text, best.Value.Ranges));
    }

    /// <summary>
    /// The query terms' occurrences per entry. Values of one label sit in one field one after another: Lucene offsets of
    /// value k start after every earlier value's length plus the analyzer's offset gap (1), which is subtracted here.
    /// Positions stay global: values are <see cref="IngestAnalyzer.ValueGap"/> positions apart, so no match spans two.
    /// </summary>
    private static List<AnalyzedToken>[] TokensFromOccurrences(List<TextEntry> entries, IReadOnlyDictionary<string, List<TermOccurrence>> occurrences)
    {
        var result = entries.Select(_ => new List<AnalyzedToken>()).ToArray();
        foreach (var (label, list) in occurrences)
        {
            // (entry index, base offset, length) of each value of this label, in indexing order.
            var values = new List<(int Index, int Base, int Length)>();
            var offset = 0;
            for (var i = 0; i < entries.Count; i++)
            {
                if (entries[i].Label != label)
                    continue;
                values.Add((i, offset, entries[i].Text.Length));
                offset += entries[i].Text.Length + 1;
            }
            foreach (var occurrence in list)
            {
                foreach (var value in values)
                {
                    if (occurrence.Start < value.Base || occurrence.Start > value.Base + value.Length)
                        continue;
                    result[value.Index].Add(new AnalyzedToken(occurrence.Term, occurrence.Position, occurrence.Start - value.Base, Math.Min(occurrence.End - value.Base, value.Length), false));
                    break;
                }
            }
        }
        foreach (var list in result)
            list.Sort((a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : a.Start.CompareTo(b.Start));
        return result;
    }

    /// <summary>Source ranges where <paramref name="clause"/> matches in <paramref name="tokens"/> (sorted by position).</summary>
    internal static List<(int Start, int End)> Find(IReadOnlyList<AnalyzedToken> tokens, QueryClause clause)
    {
        var ranges = new List<(int Start, int End)>();
        if (clause.Items.Count == 0)
            return ranges;
        var first = clause.Items[0];
        foreach (var start in tokens)
        {
            if (start.Term != first.Term)
                continue;
            var last = start;
            var matched = true;
            for (var i = 1; i < clause.Items.Count && matched; i++)
            {
                var item = clause.Items[i];
                var prior = clause.Items[i - 1];
                // Exact phrases keep the query's position steps; around a canonical synonym term the next term may follow
                // anywhere within the span a name can cover (the same slop the span query allows).
                var (from, to) = clause.IsLoose
                    ? (last.Position + 1, last.Position + (prior.IsSynonym ? QueryClause.SynonymSpan : item.Position - prior.Position))
                    : (start.Position + item.Position - first.Position, start.Position + item.Position - first.Position);
                matched = TryFind(tokens, item.Term, from, to, out last);
            }
            if (matched)
                ranges.Add((start.Start, Math.Max(last.End, start.End)));
        }
        return ranges;
    }

    /// <summary>The first token <paramref name="term"/> at a position in [from, to]; tokens are in position order, so a binary search finds the start.</summary>
    private static bool TryFind(IReadOnlyList<AnalyzedToken> tokens, string term, int from, int to, out AnalyzedToken found)
    {
        int low = 0, high = tokens.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (tokens[middle].Position < from)
                low = middle + 1;
            else
                high = middle;
        }
        for (var i = low; i < tokens.Count && tokens[i].Position <= to; i++)
        {
            if (tokens[i].Term == term)
            {
                found = tokens[i];
                return true;
            }
        }
        found = default;
        return false;
    }

    private static Snippet Cut(string text, List<(int Start, int End)> ranges)
    {
        var ordered = ranges.Where(range => range.End > range.Start).OrderBy(range => range.Start).ToList();
        var from = ordered.Count == 0 ? 0 : Math.Max(0, ordered[0].Start - ContextBefore);
        // Do not split a surrogate pair at the window's edges.
        if (from > 0 && char.IsLowSurrogate(text[from]))
            from--;
        var to = Math.Min(text.Length, from + MaxSnippetChars);
        if (to < text.Length && to > 0 && char.IsHighSurrogate(text[to - 1]))
            to--;
        var prefix = from > 0 ? "…" : string.Empty;
        var suffix = to < text.Length ? "…" : string.Empty;
        // Line breaks and tabs become spaces one for one, so offsets stay valid.
        var body = string.Create(to - from, (text, from), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.text[state.from + i];
                span[i] = c is '\r' or '\n' or '\t' ? ' ' : c;
            }
        });
        var highlights = new List<Highlight>();
        var last = -1;
        foreach (var (start, end) in ordered)
        {
            var s = Math.Max(start, from);
            var e = Math.Min(end, to);
            if (e <= s || s < last)
                continue;
            highlights.Add(new Highlight(prefix.Length + s - from, e - s));
            last = e;
        }
        return new Snippet(prefix + body + suffix, highlights);
    }
}
