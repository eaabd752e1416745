using Ingest.Core.Dates;
using Ingest.Core.Records;

namespace Ingest.Reports.Renewals;

/// <summary>Where an arrangement stands on the report date.</summary>
public enum ArrangementStatus
{
    /// <summary>Annual: must be renewed for the fiscal year asked about.</summary>
    NeedsRenewal,
    /// <summary>Continues by itself (ongoing), or a one-off that has not reached its end.</summary>
    Active,
    /// <summary>A one-off whose end lies before the report date.</summary>
    Ended,
    /// <summary>Starts after the report date.</summary>
    Upcoming,
    /// <summary>The period text gives no recurrence: someone must read it.</summary>
    Unknown,
    /// <summary>
    /// The sheet gives no partner or no period (a label not recognised): someone must read it, and may teach the label.
    /// The evidence names what is missing and the label it probably stands under.
    /// </summary>
    NeedsReview,
    /// <summary>A later submission continues this arrangement; that one gives the current state.</summary>
    Replaced,
}

/// <summary>The question a renewal report answers: as of which date, for which fiscal year.</summary>
public sealed record RenewalQuery
{
    /// <summary>The report date D: ended, upcoming and days left are counted from it.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The fiscal year to renew for; null means the fiscal year of <see cref="AsOf"/>.</summary>
    public FiscalYear? FiscalYear { get; init; }

    /// <summary>Only arrangements of this kind family (外部結合, 委任, 委託 — 委託 includes 再委託); null for all.</summary>
    public string? SheetType { get; init; }

    /// <summary>The fiscal year renewals are due for.</summary>
    public FiscalYear TargetYear => FiscalYear ?? Core.Dates.FiscalYear.Of(AsOf);

    /// <summary>A query as of the injected clock's local date (never the wall clock directly).</summary>
    public static RenewalQuery Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new RenewalQuery { AsOf = DateOnly.FromDateTime(clock.GetLocalNow().DateTime) };
    }
}

/// <summary>The classification of one arrangement and the phrase that decided it.</summary>
public sealed record RenewalDecision
{
    public required ArrangementStatus Status { get; init; }

    /// <summary>Renewal is due for the target fiscal year (an arrangement under review can be due too, its partner unknown).</summary>
    public bool NeedsRenewal { get; init; }

    /// <summary>When the renewal is due: the end of the target fiscal year (annual arrangements only).</summary>
    public DateOnly? NextDue { get; init; }

    /// <summary>Days from the report date to <see cref="NextDue"/> (negative when overdue).</summary>
    public int? DaysLeft { get; init; }

    /// <summary>The exact words that decided the status: the period's evidence phrase, or what replaced it.</summary>
    public required string Evidence { get; init; }
}

/// <summary>
/// Classifies an arrangement on a date (DOMAIN.md, "Periods and renewal"). Pure. Order of rules: replaced by a later
/// submission; starts after the report date (or after the target fiscal year) → upcoming; annual → needs renewal for
/// the target fiscal year, due at its end; ongoing → active; a one-off whose end is before the date → ended, else
/// active; an unclassified period → unknown. Then an arrangement not replaced or ended whose sheet gives no partner or no
/// period needs review (<see cref="ReviewReasons"/>), keeping its due date when the period gave one.
/// </summary>
public static class RenewalClassifier
{
    public static RenewalDecision Classify(Arrangement arrangement, RenewalQuery query, HistoryLink? replacedBy = null)
    {
        var decision = ClassifyPeriod(arrangement, query, replacedBy);
        if (decision.Status is ArrangementStatus.Replaced or ArrangementStatus.Ended || ReviewReasons.For(arrangement.Sheet) is not { } reason)
            return decision;
        return decision with
        {
            Status = ArrangementStatus.NeedsReview,
            Evidence = decision.Evidence.Length > 0 ? $"{reason} ({decision.Evidence})" : reason,
        };
    }

    private static RenewalDecision ClassifyPeriod(Arrangement arrangement, RenewalQuery query, HistoryLink? replacedBy)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        ArgumentNullException.ThrowIfNull(query);
        var period = arrangement.Period;
        var evidence = period is null ? string.Empty : period.Evidence is { Length: > 0 } e ? e : period.Text;

        if (replacedBy is not null)
        {
            return new RenewalDecision
            {
                Status = ArrangementStatus.Replaced,
                Evidence = $"{replacedBy.Evidence} → {System.IO.Path.GetFileName(replacedBy.Later.Path)}",
            };
        }
        if (period is null)
            return new RenewalDecision { Status = ArrangementStatus.Unknown, Evidence = string.Empty };

        var target = query.TargetYear;
        if (period.Start is { } start && (start > query.AsOf || start > target.End))
        {
            return new RenewalDecision
            {
                Status = ArrangementStatus.Upcoming,
                // An annual arrangement starting later is first due at the end of the fiscal year it starts in.
                NextDue = period.Recurrence == Recurrence.Annual ? FiscalYear.Of(start).End : null,
                DaysLeft = period.Recurrence == Recurrence.Annual ? DaysBetween(query.AsOf, FiscalYear.Of(start).End) : null,
                Evidence = evidence,
            };
        }

        switch (period.Recurrence)
        {
            case Recurrence.Annual:
                return new RenewalDecision
                {
                    Status = ArrangementStatus.NeedsRenewal,
                    NeedsRenewal = true,
                    NextDue = target.End,
                    DaysLeft = DaysBetween(query.AsOf, target.End),
                    Evidence = evidence,
                };
            case Recurrence.Ongoing:
                return new RenewalDecision { Status = ArrangementStatus.Active, Evidence = evidence };
            case Recurrence.None:
                return new RenewalDecision
                {
                    Status = period.End is { } end && end < query.AsOf ? ArrangementStatus.Ended : ArrangementStatus.Active,
                    Evidence = evidence,
                };
            default:
                return new RenewalDecision { Status = ArrangementStatus.Unknown, Evidence = evidence };
        }
    }

    private static int DaysBetween(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;
}
