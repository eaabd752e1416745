using Ingest.Core.Dates;
using Ingest.Core.Records;

namespace Ingest.Reports.Renewals;

/// <summary>One earlier or later submission about the same arrangement, as shown in a row's history.</summary>
public sealed record HistoryEntry
{
    public required string Path { get; init; }
    public int? FiscalYear { get; init; }
    public string? Title { get; init; }
}

/// <summary>One row of the renewal report: an arrangement, its period, its status on the report date and the evidence.</summary>
public sealed record RenewalRow
{
    public required string Path { get; init; }
    public string? Title { get; init; }
    public required string SheetType { get; init; }
    public string? OwningSection { get; init; }
    public string? BusinessName { get; init; }
    public IReadOnlyList<string> Partners { get; init; } = [];
    public string? PeriodText { get; init; }
    public DateOnly? Start { get; init; }
    public DateOnly? End { get; init; }
    public Recurrence Recurrence { get; init; }
    public DateOnly? FirstStarted { get; init; }
    public bool NeedsRenewal { get; init; }
    public DateOnly? NextDue { get; init; }
    public int? DaysLeft { get; init; }
    public ArrangementStatus Status { get; init; }
    /// <summary>Every submission about this arrangement, oldest first, this one included.</summary>
    public IReadOnlyList<HistoryEntry> History { get; init; } = [];
    /// <summary>The exact phrase that decided <see cref="Status"/>.</summary>
    public required string Evidence { get; init; }
    public int? FiscalYear { get; init; }
    /// <summary>The meeting (第5回 → 5) the archive's folders or manifest name for the submission, if any.</summary>
    public int? Meeting { get; init; }
    /// <summary>The submission's 資料 number (資料40), if it gives one.</summary>
    public string? DocumentNumber { get; init; }
    /// <summary>The file of the later submission that replaced this one, if any.</summary>
    public string? ReplacedBy { get; init; }
}

/// <summary>The renewal report: which arrangements need renewal for a fiscal year, which continue, ended, or were replaced.</summary>
public sealed record RenewalReport
{
    public required DateOnly AsOf { get; init; }
    public required FiscalYear FiscalYear { get; init; }
    public string? SheetType { get; init; }
    /// <summary>Rows in report order: needs renewal (soonest due first), needs review, upcoming, active, unknown, ended, replaced.</summary>
    public required IReadOnlyList<RenewalRow> Rows { get; init; }

    /// <summary>The rows that need renewal.</summary>
    public IEnumerable<RenewalRow> NeedingRenewal => Rows.Where(r => r.NeedsRenewal);

    /// <summary>The rows a person must read: no partner or no period recognised (<see cref="ArrangementStatus.NeedsReview"/>).</summary>
    public IEnumerable<RenewalRow> NeedingReview => Rows.Where(r => r.Status == ArrangementStatus.NeedsReview);
}

/// <summary>
/// Builds a <see cref="RenewalReport"/> from records: find arrangements, link their history over all of them, classify
/// each (an arrangement is replaced once a later submission about it has started), then filter by kind. Pure.
/// </summary>
public static class RenewalReportBuilder
{
    private static readonly ArrangementStatus[] _statusOrder =
    [
        ArrangementStatus.NeedsRenewal, ArrangementStatus.NeedsReview, ArrangementStatus.Upcoming, ArrangementStatus.Active,
        ArrangementStatus.Unknown, ArrangementStatus.Ended, ArrangementStatus.Replaced,
    ];

    public static RenewalReport Build(IEnumerable<SubmissionRecord> records, RenewalQuery query)
    {
        ArgumentNullException.ThrowIfNull(records);
        // History is linked over every arrangement before filtering, so a filter never hides a replacement.
        return Build(HistoryLinker.Link(ArrangementKinds.From(records)), query);
    }

    /// <summary>
    /// The report from a history already linked over every record (<see cref="HistoryLinker.Link"/>), for a caller that
    /// keeps one history for many reports (the web page links once per index commit, not once per request).
    /// </summary>
    public static RenewalReport Build(ArrangementHistory history, RenewalQuery query)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(query);
        var filter = query.SheetType is null ? null : ArrangementKinds.Family(query.SheetType)
            ?? throw new ArgumentException($"unknown arrangement type '{query.SheetType}' (expected {string.Join(", ", ArrangementKinds.Filterable)})", nameof(query));

        // Decisions come in history order, which is the chronology (ArrangementHistory), so a row's place among them is the
        // last key of the report's order.
        var decisions = Decide(history, query);
        var histories = new HistoryLists();
        var rows = new (RenewalRow Row, int Place)[decisions.Count];
        for (var i = 0; i < decisions.Count; i++)
        {
            var d = decisions[i];
            rows[i] = (ToRow(d.Arrangement, d.Decision, d.ReplacedBy, histories.Of(history.ChainOf(d.Arrangement))), i);
        }
        Array.Sort(rows, (a, b) =>
        {
            var c = StatusRank(a.Row.Status).CompareTo(StatusRank(b.Row.Status));
            if (c == 0) c = (a.Row.NextDue ?? DateOnly.MaxValue).CompareTo(b.Row.NextDue ?? DateOnly.MaxValue);
            if (c == 0) c = string.CompareOrdinal(a.Row.OwningSection ?? string.Empty, b.Row.OwningSection ?? string.Empty);
            return c != 0 ? c : a.Place.CompareTo(b.Place);
        });
        var ordered = new RenewalRow[rows.Length];
        for (var i = 0; i < rows.Length; i++)
            ordered[i] = rows[i].Row;
        return new RenewalReport { AsOf = query.AsOf, FiscalYear = query.TargetYear, SheetType = filter, Rows = ordered };
    }

    private static int StatusRank(ArrangementStatus status) => Array.IndexOf(_statusOrder, status);

    /// <summary>
    /// Every arrangement of the query's kind with its decision on the query's date, in history order: what the report's
    /// rows are made from, and what next term's drafts are made from (they need the whole record, not the row).
    /// </summary>
    public static IReadOnlyList<ArrangementDecision> Decide(ArrangementHistory history, RenewalQuery query)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(query);
        var filter = query.SheetType is null ? null : ArrangementKinds.Family(query.SheetType)
            ?? throw new ArgumentException($"unknown arrangement type '{query.SheetType}' (expected {string.Join(", ", ArrangementKinds.Filterable)})", nameof(query));
        var decisions = new List<ArrangementDecision>();
        foreach (var arrangement in history.Arrangements)
        {
            if (filter is not null && ArrangementKinds.Family(arrangement.SheetType) != filter)
                continue;
            // A successor replaces this arrangement once it has started; until then this one is still in force
            // (a change approved now for next April leaves this year's renewal due).
            HistoryLink? replacedBy = null;
            var successors = history.SuccessorsOf(arrangement); // oldest first
            for (var i = successors.Count - 1; i >= 0 && replacedBy is null; i--)
            {
                if (successors[i].Later.Period?.Start is not { } start || start <= query.AsOf)
                    replacedBy = successors[i];
            }
            decisions.Add(new ArrangementDecision(arrangement, RenewalClassifier.Classify(arrangement, query, replacedBy), replacedBy));
        }
        return decisions;
    }

    private static RenewalRow ToRow(Arrangement a, RenewalDecision decision, HistoryLink? replacedBy, IReadOnlyList<HistoryEntry> chain) => new()
    {
        Path = a.Path,
        Title = a.Title,
        SheetType = a.SheetType,
        OwningSection = a.OwningSection,
        BusinessName = a.BusinessName,
        Partners = a.Partners,
        PeriodText = a.Period?.Text,
        Start = a.Period?.Start,
        End = a.Period?.End,
        Recurrence = a.Period?.Recurrence ?? Recurrence.Unknown,
        FirstStarted = a.Period?.FirstStarted,
        NeedsRenewal = decision.NeedsRenewal,
        NextDue = decision.NextDue,
        DaysLeft = decision.DaysLeft,
        Status = decision.Status,
        Evidence = decision.Evidence,
        FiscalYear = a.FiscalYear,
        Meeting = a.Submission.Meeting,
        DocumentNumber = a.Submission.DocumentNumber,
        ReplacedBy = replacedBy?.Later.Path,
        History = chain,
    };

    /// <summary>
    /// Each row's history as entries, one list for all the rows of one chain (<see cref="ArrangementHistory.ChainOf"/> gives
    /// them one list), so a report over a long archive does not make the same entries once per row of it.
    /// </summary>
    private sealed class HistoryLists
    {
        private readonly Dictionary<Arrangement, HistoryEntry> _entries = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<IReadOnlyList<Arrangement>, IReadOnlyList<HistoryEntry>> _byChain = new(ReferenceEqualityComparer.Instance);

        public IReadOnlyList<HistoryEntry> Of(IReadOnlyList<Arrangement> chain)
        {
            if (_byChain.TryGetValue(chain, out var known))
                return known;
            var made = new HistoryEntry[chain.Count];
            for (var i = 0; i < made.Length; i++)
                made[i] = Entry(chain[i]);
            _byChain[chain] = made;
            return made;
        }

        private HistoryEntry Entry(Arrangement a)
        {
            if (!_entries.TryGetValue(a, out var entry))
                _entries[a] = entry = new HistoryEntry { Path = a.Path, FiscalYear = a.FiscalYear, Title = a.Title };
            return entry;
        }
    }
}

/// <summary>One arrangement, where it stands on the report date, and the later submission that replaced it (if any).</summary>
public sealed record ArrangementDecision(Arrangement Arrangement, RenewalDecision Decision, HistoryLink? ReplacedBy);
