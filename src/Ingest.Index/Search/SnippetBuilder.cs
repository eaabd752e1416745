using Ingest.Core.Records;
using Ingest.Index.Analysis;
using Ingest.Index.Documents;
using Lucene.Net.Analysis;

namespace Ingest.Index.Search;

/// <summary>
/// Where a sheet matched: the best label, every label with a match, a snippet of the best one, and the passages that
/// together cover the query's terms (the first is the best label's snippet).
/// </summary>
public sealed record SnippetMatch(string? Field, IReadOnlyList<string> MatchedFields, Snippet? Snippet)
{
    public IReadOnlyList<Passage> Passages { get; init; } = [];
}

/// <summary>One passage of a field: its label, the snippet, and the query terms (as typed) highlighted in it.</summary>
public sealed record Passage(string Label, Snippet Snippet, IReadOnlyList<string> Terms);

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

    /// <summary>Most passages shown for one sheet.</summary>
    public const int MaxPassages = 3;

    /// <summary>
    /// Passages are chosen to cover the query's distinct terms (a term is a query part as typed; a part matched through a
    /// synonym, J-LIS as 機構, counts as that part), greedily: first the entry whose matched terms weigh most (a term's
    /// weight is its rarity, so a field holding the rare 顔写真 beats one holding only the common 外部結合), then, while
    /// some term is not yet shown, the entry whose terms not yet shown weigh most, up to <see cref="MaxPassages"/>. Ties go
    /// to the earlier entry (sheet fields come first). Each passage is cut around the first term it adds.
    /// </summary>
    private static SnippetMatch Choose(List<TextEntry> entries, IReadOnlyList<QueryClause> clauses, IReadOnlyList<double>? weights, string? onlyLabel,
        Func<int, IReadOnlyList<AnalyzedToken>> tokensOf)
    {
        var candidates = Enumerable.Range(0, entries.Count).Where(index => onlyLabel is null || entries[index].Label == onlyLabel).ToList();
        if (clauses.Count == 0)
            return new SnippetMatch(null, [], candidates.Count == 0 ? null : Cut(entries[candidates[0]].Text, [], null).Snippet);

        var weightOf = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var c = 0; c < clauses.Count; c++)
        {
            var weight = weights is not null && c < weights.Count ? weights[c] : 1.0;
            weightOf[clauses[c].Part.Text] = Math.Max(weightOf.GetValueOrDefault(clauses[c].Part.Text), weight);
        }
        var matched = new List<string>();
        var found = new List<(TextEntry Entry, Dictionary<string, List<(int Start, int End)>> RangesByTerm)>();
        foreach (var index in candidates)
        {
            var entry = entries[index];
            var tokens = tokensOf(index);
            if (tokens.Count == 0)
                continue;
            var byTerm = new Dictionary<string, List<(int Start, int End)>>(StringComparer.Ordinal);
            foreach (var clause in clauses)
            {
                if (clause.Labels is { } labels && !labels.Contains(entry.Label))
                    continue;
                var ranges = Find(tokens, clause);
                if (ranges.Count == 0)
                    continue;
                if (!byTerm.TryGetValue(clause.Part.Text, out var list))
                    byTerm[clause.Part.Text] = list = [];
                list.AddRange(ranges);
            }
            if (byTerm.Count == 0)
                continue;
            if (!matched.Contains(entry.Label))
                matched.Add(entry.Label);
            found.Add((entry, byTerm));
        }
        if (found.Count == 0)
            return new SnippetMatch(null, matched, null);

        var shown = new HashSet<string>(StringComparer.Ordinal);
        var used = new HashSet<int>();
        var passages = new List<Passage>();
        while (passages.Count < MaxPassages)
        {
            var best = -1;
            var bestGain = 0.0;
            for (var i = 0; i < found.Count; i++)
            {
                if (used.Contains(i))
                    continue;
                var gain = found[i].RangesByTerm.Keys.Where(term => !shown.Contains(term)).Sum(term => weightOf.GetValueOrDefault(term, 1.0));
                if (gain > bestGain)
                    (best, bestGain) = (i, gain);
            }
            if (best < 0)
                break;
            used.Add(best);
            var (entry, byTerm) = found[best];
            var added = byTerm.Where(pair => !shown.Contains(pair.Key)).SelectMany(pair => pair.Value).Min(range => range.Start);
            var (snippet, from, to) = Cut(entry.Text, byTerm.Values.SelectMany(list => list).ToList(), added);
            var inWindow = byTerm.Where(pair => pair.Value.Any(range => range.Start >= from && range.End <= to)).Select(pair => pair.Key).ToList();
            shown.UnionWith(inWindow);
            passages.Add(new Passage(entry.Label, snippet, clauses.Select(clause => clause.Part.Text).Distinct(StringComparer.Ordinal).Where(inWindow.Contains).ToList()));
        }
        return new SnippetMatch(passages[0].Label, matched, passages[0].Snippet) { Passages = passages };
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

    /// <summary>
    /// A window of the text around the matches, starting <see cref="ContextBefore"/> characters before
    /// <paramref name="anchor"/> (the first match when null), with every match inside it highlighted. The window is widened
    /// rather than cut inside a match, so a highlighted word is always whole. Returns the window's bounds in the text.
    /// </summary>
    private static (Snippet Snippet, int From, int To) Cut(string text, List<(int Start, int End)> ranges, int? anchor)
    {
        var ordered = ranges.Where(range => range.End > range.Start).OrderBy(range => range.Start).ToList();
        var first = anchor ?? (ordered.Count == 0 ? 0 : ordered[0].Start);
        var from = ordered.Count == 0 ? 0 : Math.Max(0, first - ContextBefore);
        var to = Math.Min(text.Length, from + MaxSnippetChars);
        foreach (var (start, end) in ordered)
        {
            if (start < from && from < end)
                from = start;
            if (start < to && to < end)
                to = Math.Min(text.Length, end);
        }
        // Do not split a surrogate pair at the window's edges.
        if (from > 0 && char.IsLowSurrogate(text[from]))
            from--;
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
            // Only whole matches are highlighted: one reaching outside the window is not marked in part.
            if (start < from || end > to || start < last)
                continue;
            highlights.Add(new Highlight(prefix.Length + start - from, end - start));
            last = end;
        }
        return (new Snippet(prefix + body + suffix, highlights), from, to);
    }
}
