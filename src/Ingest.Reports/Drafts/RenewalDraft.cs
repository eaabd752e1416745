using System.Globalization;
using System.Text;
using Ingest.Core.Dates;
using Ingest.Core.Records;
using Ingest.Generator.Forms;
using Ingest.Reports.Renewals;

namespace Ingest.Reports.Drafts;

/// <summary>
/// Next term's submission for the arrangements of one archived submission that need renewal: the record to write, the
/// arrangements it renews (their latest records), and a file name that sorts by due date, then section.
/// </summary>
public sealed record RenewalDraft
{
    /// <summary>The submission the draft is made from: the latest record of each arrangement it renews.</summary>
    public required SubmissionRecord Original { get; init; }

    /// <summary>The arrangements renewed, in sheet order.</summary>
    public required IReadOnlyList<Arrangement> Renewed { get; init; }

    /// <summary>When the renewal is due (the end of the fiscal year renewed for).</summary>
    public required DateOnly Due { get; init; }

    public required NextTerm Term { get; init; }

    /// <summary>The draft's record: the original's cover, overview and checklists, the renewed sheets with next term's period.</summary>
    public required SubmissionRecord Record { get; init; }

    /// <summary>The Word file's name: due date, section, kind, subject; unique within one set of drafts.</summary>
    public required string FileName { get; init; }
}

/// <summary>
/// Makes next term's drafts from a linked history. What a draft says it carries over from the latest record of each
/// arrangement; the period is rolled to the next term (<see cref="NextTerm.Roll"/>); the latest record's approval joins
/// the prior approvals; what only staff know — the 資料 number, the meeting of an approval the archive does not name,
/// this year's facts — is a visible <see cref="Placeholders">placeholder</see>. Pure.
/// </summary>
public static class RenewalDrafts
{
    /// <summary>Longest subject kept in a file name, in characters (names must stay under common 255-byte limits).</summary>
    public const int MaxSubjectInName = 40;

    /// <summary>Longest section name kept in a file name, in characters (a section is a few words; a hostile one is cut).</summary>
    public const int MaxSectionInName = 20;

    public static IReadOnlyList<RenewalDraft> Plan(IEnumerable<SubmissionRecord> records, RenewalQuery query)
    {
        ArgumentNullException.ThrowIfNull(records);
        return Plan(HistoryLinker.Link(ArrangementKinds.From(records)), query);
    }

    public static IReadOnlyList<RenewalDraft> Plan(ArrangementHistory history, RenewalQuery query)
    {
        var due = RenewalReportBuilder.Decide(history, query)
            .Where(d => d.Decision.NeedsRenewal && d.Decision.NextDue is not null)
            .GroupBy(d => (d.Arrangement.Path, d.Arrangement.Submission.Ordinal));
        var drafts = new List<RenewalDraft>();
        foreach (var group in due)
        {
            var renewed = group.OrderBy(d => d.Arrangement.SheetIndex).ToList();
            var dueDate = renewed.Min(d => d.Decision.NextDue!.Value);
            var term = NextTerm.After(dueDate);
            var arrangements = renewed.Select(d => d.Arrangement).ToList();
            drafts.Add(new RenewalDraft
            {
                Original = arrangements[0].Submission,
                Renewed = arrangements,
                Due = dueDate,
                Term = term,
                Record = Draft(arrangements, term),
                FileName = string.Empty,
            });
        }
        var ordered = drafts.OrderBy(d => d.Renewed[0], HistoryLinker.Chronology).ToList();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // Listed in the order of their names, which lead with the due date and the section.
        return ordered.Select(d => d with { FileName = UniqueName(d, taken) }).OrderBy(d => d.FileName, StringComparer.Ordinal).ToList();
    }

    /// <summary>The draft record for the renewed arrangements of one submission.</summary>
    internal static SubmissionRecord Draft(IReadOnlyList<Arrangement> renewed, NextTerm term)
    {
        var original = renewed[0].Submission;
        return original with
        {
            Source = new SourceInfo { Path = string.Empty, Sha256 = string.Empty, Format = SourceFormat.Docx.Name },
            DocumentNumber = "資料" + Placeholders.For("資料番号"),
            FiscalYear = term.Year.Year - 1,
            Meeting = null,
            PriorApprovals = [.. original.PriorApprovals, LatestApproval(original)],
            Sheets = renewed.Select(a => NextSheet(a.Sheet, term)).ToList(),
            Ordinal = 0,
        };
    }

    /// <summary>
    /// The approval of the latest record, as the prior-approval line names approvals (令和7年度第3回本審議会承認). The
    /// meeting comes from the archive's folder or manifest; when it named none, the meeting is a placeholder.
    /// </summary>
    internal static PriorApproval LatestApproval(SubmissionRecord latest)
    {
        var body = latest.Council is { } council && !council.Contains("審議会", StringComparison.Ordinal) ? "本会議" : "本審議会";
        var year = latest.FiscalYear is { } y ? FiscalYearName(y) : Placeholders.For("承認年度");
        var meeting = latest.Meeting is { } m ? m.ToString(CultureInfo.InvariantCulture) : Placeholders.For("回");
        return new PriorApproval
        {
            FiscalYear = latest.FiscalYear ?? 0,
            Session = latest.Meeting,
            Text = $"{year}第{meeting}回{body}承認",
        };
    }

    /// <summary>The sheet for the next term: every field as it was, the period field rolled, no change marks.</summary>
    private static SheetRecord NextSheet(SheetRecord sheet, NextTerm term)
    {
        var fields = new OrderedDictionary<string, string>();
        Period? period = sheet.Period;
        string? rolled = null;
        if (period is not null)
            rolled = term.Roll(period);
        var placed = false;
        foreach (var (label, value) in sheet.Fields)
        {
            // The period's cell is the one whose text the period was read from.
            var holdsPeriod = rolled is not null && period is not null && value.Contains(period!.Text, StringComparison.Ordinal);
            fields[label] = holdsPeriod ? value.Replace(period!.Text, rolled!, StringComparison.Ordinal) : value;
            placed |= holdsPeriod;
        }
        // A record whose period came from elsewhere than a cell (written by hand, or by another tool) still gets the
        // next term in the form's own period row.
        if (rolled is not null && !placed)
            fields[PeriodLabel(sheet.Type)] = rolled;
        return sheet with
        {
            Fields = fields,
            ChangedFields = [],
            Period = period is null ? null : period with { Text = rolled!, Start = term.Start, End = term.End, Evidence = period.Evidence },
        };
    }

    /// <summary>The form's period label for a kind (FIELDS.md): 結合の開始時期と期間, 委任/委託の開始時期及び期限.</summary>
    private static string PeriodLabel(string sheetType) => ArrangementKinds.Family(sheetType) switch
    {
        ArrangementKinds.Linkage => "結合の開始時期と期間",
        { } family => $"{family}の開始時期及び期限",
        null => "開始時期と期間",
    };

    /// <summary>
    /// A fiscal year as documents name it: 令和8年度, 令和元年度. The era is the one in force for most of the year
    /// (FY2019 is 令和元年度), so it is read at 1 October.
    /// </summary>
    internal static string FiscalYearName(int year)
    {
        var (era, eraYear) = Eras.ToEraYear(new DateOnly(year, 10, 1));
        return $"{Eras.NameOf(era)}{(eraYear == 1 ? "元" : eraYear.ToString(CultureInfo.InvariantCulture))}年度";
    }

    private static string UniqueName(RenewalDraft draft, HashSet<string> taken)
    {
        var first = draft.Renewed[0];
        var kinds = string.Join("・", draft.Renewed.Select(a => a.SheetType).Distinct());
        var subject = first.Title ?? first.BusinessName ?? Path.GetFileNameWithoutExtension(first.Path);
        var stem = string.Create(CultureInfo.InvariantCulture,
            $"{draft.Due:yyyy-MM-dd}_{Safe(Cut(first.OwningSection ?? "保有課不明", MaxSectionInName))}_{Safe(kinds)}_{Safe(Cut(subject, MaxSubjectInName))}");
        var name = stem + ".docx";
        for (var n = 2; !taken.Add(name); n++)
            name = string.Create(CultureInfo.InvariantCulture, $"{stem}_{n}.docx");
        return name;
    }

    private static string Cut(string text, int max)
    {
        var runes = text.EnumerateRunes().ToList();
        return runes.Count <= max ? text : string.Concat(runes.Take(max).Select(r => r.ToString()));
    }

    /// <summary>A name part safe on Windows and Linux: path separators, reserved and control characters and spaces become _.</summary>
    private static string Safe(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
            builder.Append(char.IsControl(c) || char.IsWhiteSpace(c) || "\\/:*?\"<>|".Contains(c) ? '_' : c);
        var safe = builder.ToString().Trim('.', '_');
        return safe.Length == 0 ? "_" : safe;
    }
}
