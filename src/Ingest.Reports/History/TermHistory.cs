using Ingest.Core.Normalisation;
using Ingest.Reports.Renewals;

namespace Ingest.Reports.History;

/// <summary>How a change between two terms was found.</summary>
public enum ChangeSource
{
    /// <summary>The later form marks the field as changed (bold underlined: the record's changedFields) and its text differs.</summary>
    MarkedAndText,
    /// <summary>The later form marks the field, but its text reads the same (the mark may cover layout or wording of a note).</summary>
    MarkedOnly,
    /// <summary>The form marks nothing here; the texts differ.</summary>
    TextOnly,
}

/// <summary>One field that changed from one term to the next, with its word-level difference.</summary>
public sealed record FieldChange
{
    public required string Label { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
    public required ChangeSource Source { get; init; }
    public required IReadOnlyList<DiffPiece> Diff { get; init; }
}

/// <summary>What changed from one term of an arrangement to the next.</summary>
public sealed record TermChange
{
    public required Arrangement Earlier { get; init; }
    public required Arrangement Later { get; init; }
    public IReadOnlyList<string> PartnersRemoved { get; init; } = [];
    public IReadOnlyList<string> PartnersAdded { get; init; } = [];
    public required IReadOnlyList<FieldChange> Fields { get; init; }
}

/// <summary>Every term of one arrangement, oldest first, and the changes between consecutive terms.</summary>
public sealed record TermHistory
{
    public required IReadOnlyList<Arrangement> Terms { get; init; }
    public required IReadOnlyList<TermChange> Changes { get; init; }

    /// <summary>Every field label that changed anywhere in the history, in the order the latest term lists its fields.</summary>
    public IReadOnlyList<string> ChangedLabels =>
        Changes.SelectMany(c => c.Fields.Select(f => f.Label)).Distinct(StringComparer.Ordinal)
            .OrderBy(l => Order(l)).ToList();

    private int Order(string label)
    {
        var keys = Terms[^1].Sheet.Fields.Keys.ToList();
        var at = keys.IndexOf(label);
        return at < 0 ? int.MaxValue : at;
    }
}

/// <summary>
/// The terms of an arrangement side by side (<see cref="HistoryLinker"/> links them) and what changed between each two:
/// partners replaced or added, and each field whose text differs or that the later form marks as changed, with a
/// word-level difference. Texts are compared after the normaliser's folding (widths, spaces), so a re-typed but equal
/// cell is no change. Pure.
/// </summary>
public static class TermHistories
{
    public static TermHistory Of(ArrangementHistory history, Arrangement arrangement)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(arrangement);
        var terms = history.ChainOf(arrangement);
        var changes = new List<TermChange>();
        for (var i = 1; i < terms.Count; i++)
            changes.Add(Compare(terms[i - 1], terms[i]));
        return new TermHistory { Terms = terms, Changes = changes };
    }

    /// <summary>What changed from <paramref name="earlier"/> to <paramref name="later"/>.</summary>
    public static TermChange Compare(Arrangement earlier, Arrangement later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        var before = earlier.Sheet.Fields;
        var after = later.Sheet.Fields;
        var marked = new HashSet<string>(later.Sheet.ChangedFields, StringComparer.Ordinal);
        var labels = after.Keys.Concat(before.Keys.Where(k => !after.ContainsKey(k))).ToList();
        var fields = new List<FieldChange>();
        foreach (var label in labels)
        {
            var was = before.GetValueOrDefault(label);
            var now = after.GetValueOrDefault(label);
            var differs = Fold(was) != Fold(now);
            if (!differs && !marked.Contains(label))
                continue;
            fields.Add(new FieldChange
            {
                Label = label,
                Before = was,
                After = now,
                Source = !marked.Contains(label) ? ChangeSource.TextOnly : differs ? ChangeSource.MarkedAndText : ChangeSource.MarkedOnly,
                Diff = WordDiff.Of(was, now),
            });
        }
        // A period known from elsewhere than a cell (a record written by another tool) is compared all the same.
        var periodBefore = earlier.Period?.Text;
        var periodAfter = later.Period?.Text;
        if (Fold(periodBefore) != Fold(periodAfter) && !fields.Any(f => Holds(f.After, periodAfter) || Holds(f.Before, periodBefore)))
        {
            fields.Add(new FieldChange
            {
                Label = PeriodLabel,
                Before = periodBefore,
                After = periodAfter,
                Source = ChangeSource.TextOnly,
                Diff = WordDiff.Of(periodBefore, periodAfter),
            });
        }
        var oldPartners = earlier.Partners.Select(Fold).ToHashSet(StringComparer.Ordinal);
        var newPartners = later.Partners.Select(Fold).ToHashSet(StringComparer.Ordinal);
        return new TermChange
        {
            Earlier = earlier,
            Later = later,
            PartnersRemoved = earlier.Partners.Where(p => !newPartners.Contains(Fold(p))).ToList(),
            PartnersAdded = later.Partners.Where(p => !oldPartners.Contains(Fold(p))).ToList(),
            Fields = fields,
        };
    }

    /// <summary>The label a period change is listed under when no cell of the sheet holds the period.</summary>
    public const string PeriodLabel = "開始時期と期間";

    /// <summary>What a term says under a label of its history: the cell, or the period for <see cref="PeriodLabel"/>.</summary>
    public static string? ValueOf(Arrangement term, string label)
    {
        ArgumentNullException.ThrowIfNull(term);
        return term.Sheet.Fields.TryGetValue(label, out var value) ? value : label == PeriodLabel ? term.Period?.Text : null;
    }

    private static bool Holds(string? cell, string? text) =>
        !string.IsNullOrEmpty(cell) && !string.IsNullOrEmpty(text) && cell.Contains(text, StringComparison.Ordinal);

    private static string Fold(string? text) => string.IsNullOrWhiteSpace(text) ? string.Empty : TextNormaliser.FoldKey(text);
}
