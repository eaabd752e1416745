using Ingest.Core.Dates;
using Ingest.Core.Records;
using Ingest.Core.Records.Renditions;

namespace Ingest.Reports.Renewals;

/// <summary>
/// One arrangement as a single submission describes it: a 外部結合, 委任 or 委託 sheet with its partners and period.
/// Immutable view over the record; the same arrangement across years is several of these, linked by <see cref="HistoryLinker"/>.
/// </summary>
public sealed record Arrangement
{
    /// <summary>Canonical label of the owning section (FIELDS.md).</summary>
    public const string OwningSectionLabel = "保有課";

    /// <summary>Canonical label of the registered business (FIELDS.md).</summary>
    public const string BusinessNameLabel = "登録業務の名称";

    public required SubmissionRecord Submission { get; init; }
    public required SheetRecord Sheet { get; init; }

    /// <summary>Position of the sheet within its submission.</summary>
    public required int SheetIndex { get; init; }

    /// <summary>Stable identity within one report: file, submission ordinal and sheet position.</summary>
    public string Id => $"{Submission.Source.Path}#{Submission.Ordinal}/{SheetIndex}";

    public string Path => Submission.Source.Path;

    /// <summary>The sheet's 件名, else the submission's.</summary>
    public string? Title => string.IsNullOrWhiteSpace(Sheet.Title) ? Submission.Title : Sheet.Title;

    public string SheetType => Sheet.Type;

    public string? OwningSection => Field(OwningSectionLabel);

    public string? BusinessName => Field(BusinessNameLabel);

    public IReadOnlyList<string> Partners => Sheet.Partners;

    public Period? Period => Sheet.Period;

    /// <summary>The submission's fiscal year, else the fiscal year of the period's start.</summary>
    public int? FiscalYear =>
        Submission.FiscalYear ?? (Period?.Start is { } start ? Core.Dates.FiscalYear.Of(start).Year : null);

    private string? Field(string label) =>
        Sheet.Fields.TryGetValue(label, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>Which sheet kinds are arrangements that run over time, and which kinds count as one family for history.</summary>
public static class ArrangementKinds
{
    /// <summary>Online link with another body's computers.</summary>
    public const string Linkage = SheetKind.Linkage;

    /// <summary>Delegation of statutory work.</summary>
    public const string Delegation = SheetKind.Delegation;

    /// <summary>Outsourcing.</summary>
    public const string Outsourcing = SheetKind.Outsourcing;

    /// <summary>Outsourcing by the delegate or contractor; reported and filtered together with 委託.</summary>
    public const string Suboutsourcing = SheetKind.Suboutsourcing;

    /// <summary>The kinds a <c>--type</c> filter accepts.</summary>
    public static IReadOnlyList<string> Filterable { get; } = [Linkage, Delegation, Outsourcing];

    /// <summary>Whether a sheet of this type is an arrangement (電算処理 and unknown kinds are not: they have no partner and period to renew).</summary>
    public static bool IsArrangement(string? sheetType) => Family(sheetType) is not null;

    /// <summary>The family a sheet type belongs to (再委託 → 委託), or null when it is no arrangement.</summary>
    public static string? Family(string? sheetType) => sheetType?.Trim() switch
    {
        Linkage => Linkage,
        Delegation => Delegation,
        Outsourcing or Suboutsourcing => Outsourcing,
        _ => null,
    };

    /// <summary>
    /// Every arrangement in the records, in record and sheet order. Files carrying one submission (its Word original, PDF,
    /// text dump: <see cref="RenditionRule"/>) give its arrangements once, read from the most faithful of them.
    /// </summary>
    public static IReadOnlyList<Arrangement> From(IEnumerable<SubmissionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var result = new List<Arrangement>();
        foreach (var record in RenditionRule.Preferred(records))
        {
            for (var i = 0; i < record.Sheets.Count; i++)
            {
                if (IsArrangement(record.Sheets[i].Type))
                    result.Add(new Arrangement { Submission = record, Sheet = record.Sheets[i], SheetIndex = i });
            }
        }
        return result;
    }
}
