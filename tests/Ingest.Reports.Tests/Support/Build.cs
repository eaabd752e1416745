using Ingest.Core.Records;

namespace Ingest.Reports.Tests.Support;

/// <summary>Records built in code, shaped as the extractor produces them.</summary>
internal static class Build
{
    public static DateOnly D(int y, int m, int d) => new(y, m, d);

    public static Period Period(string text, DateOnly? start, DateOnly? end, Recurrence recurrence, string evidence, DateOnly? first = null) =>
        new() { Text = text, Start = start, End = end, Recurrence = recurrence, Evidence = evidence, FirstStarted = first };

    public static SheetRecord Sheet(string type, string section, string business, string title, Period? period, params string[] partners) => new()
    {
        Type = type,
        Title = title,
        Fields = new Dictionary<string, string> { ["保有課"] = section, ["登録業務の名称"] = business },
        Partners = partners,
        Period = period,
    };

    public static SubmissionRecord Submission(string path, int? fiscalYear, string title, IReadOnlyList<SheetRecord> sheets, params PriorApproval[] prior) => new()
    {
        Source = new SourceInfo { Path = path, Sha256 = new string('0', 64), Format = "text" },
        Title = title,
        FiscalYear = fiscalYear,
        Sheets = sheets,
        PriorApprovals = prior,
    };

    public static SubmissionRecord Linkage(string path, int? fiscalYear, Period? period, string partner = "地方公共団体情報システム機構",
        string section = "戸籍住民課", string business = "住民基本台帳事務", string title = "本人確認情報の提供に係る外部結合について",
        params PriorApproval[] prior) =>
        Submission(path, fiscalYear, title, [Sheet("外部結合", section, business, title, period, partner)], prior);

    public static PriorApproval Approval(int fiscalYear, int session, string text) => new() { FiscalYear = fiscalYear, Session = session, Text = text };
}
