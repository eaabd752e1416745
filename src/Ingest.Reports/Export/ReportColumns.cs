using System.Globalization;
using System.Text;
using Ingest.Core.Records;
using Ingest.Reports.Renewals;

namespace Ingest.Reports.Export;

/// <summary>What a column holds, so each writer can render it natively (an Excel date, a number, text).</summary>
public enum ColumnKind
{
    Text,
    Date,
    Number,
}

/// <summary>One column of the human-readable formats (table, CSV, XLSX, Markdown, HTML): header and value.</summary>
public sealed record ReportColumn(string Header, ColumnKind Kind, Func<RenewalRow, object?> Value)
{
    /// <summary>When a narrow display must cut the text, keep its end (a file path's name) rather than its start.</summary>
    public bool KeepEnd { get; init; }

    /// <summary>The value as text: dates as YYYY-MM-DD, numbers invariant, lists joined with 、.</summary>
    public string Text(RenewalRow row) => ReportColumns.Format(Value(row));
}

/// <summary>
/// The columns of the renewal report, in order, with Japanese headers (staff read Japanese; the JSON format keeps the
/// English contract keys), and the Japanese words for statuses and recurrences.
/// </summary>
public static class ReportColumns
{
    /// <summary>Every column, for files staff open (CSV, XLSX, HTML, Markdown).</summary>
    public static IReadOnlyList<ReportColumn> All { get; } =
    [
        new("状態", ColumnKind.Text, r => StatusLabel(r.Status)),
        new("要更新", ColumnKind.Text, r => r.NeedsRenewal ? "○" : "－"),
        new("次回期限", ColumnKind.Date, r => r.NextDue),
        new("残日数", ColumnKind.Number, r => r.DaysLeft),
        new("種別", ColumnKind.Text, r => r.SheetType),
        new("保有課", ColumnKind.Text, r => r.OwningSection),
        new("登録業務の名称", ColumnKind.Text, r => r.BusinessName),
        new("件名", ColumnKind.Text, r => r.Title),
        new("相手方", ColumnKind.Text, r => r.Partners),
        new("開始時期と期間", ColumnKind.Text, r => r.PeriodText),
        new("開始", ColumnKind.Date, r => r.Start),
        new("終了", ColumnKind.Date, r => r.End),
        new("反復", ColumnKind.Text, r => RecurrenceLabel(r.Recurrence)),
        new("初回開始", ColumnKind.Date, r => r.FirstStarted),
        new("判定根拠", ColumnKind.Text, r => r.Evidence),
        new("年度", ColumnKind.Number, r => r.FiscalYear),
        new("履歴", ColumnKind.Text, r => string.Join(" → ", r.History.Select(h => h.FiscalYear is { } y ? $"{y}年度 {h.Path}" : h.Path))),
        new("会議・資料", ColumnKind.Text, r => Meeting(r)),
        new("ファイル", ColumnKind.Text, r => r.Path) { KeepEnd = true },
    ];

    /// <summary>Where the submission was heard, as staff name it: 2025年度 第3回 資料7 (what the archive tells of it).</summary>
    public static string Meeting(RenewalRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var parts = new List<string>();
        if (row.FiscalYear is { } year)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{year}年度"));
        if (row.Meeting is { } meeting)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"第{meeting}回"));
        if (!string.IsNullOrWhiteSpace(row.DocumentNumber))
            parts.Add(row.DocumentNumber.Trim());
        return string.Join(" ", parts);
    }

    /// <summary>The report's counts as every human-readable format heads it: 要更新 N 件 / 要確認 N 件 / 全 N 件.</summary>
    public static string Summary(RenewalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"要更新 {report.NeedingRenewal.Count()} 件 / 要確認 {report.NeedingReview.Count()} 件 / 全 {report.Rows.Count} 件";
    }

    /// <summary>
    /// The narrower set the terminal table shows; the last, 資料, is the meeting and the file's name, so rows that look
    /// alike can be told apart (cut from the front when narrow, keeping the name's end).
    /// </summary>
    public static IReadOnlyList<ReportColumn> Terminal { get; } =
    [
        .. All.Where(c => c.Header is "状態" or "次回期限" or "残日数" or "種別" or "保有課" or "件名" or "相手方" or "判定根拠"),
        new("資料", ColumnKind.Text, r => $"{Meeting(r)} {Path.GetFileName(r.Path)}".Trim()) { KeepEnd = true },
    ];

    public static string StatusLabel(ArrangementStatus status) => status switch
    {
        ArrangementStatus.NeedsRenewal => "要更新",
        ArrangementStatus.Active => "継続中",
        ArrangementStatus.Ended => "終了",
        ArrangementStatus.Upcoming => "開始前",
        ArrangementStatus.Replaced => "変更済(後続あり)",
        ArrangementStatus.NeedsReview => "要確認",
        _ => "不明",
    };

    public static string RecurrenceLabel(Recurrence recurrence) => recurrence switch
    {
        Recurrence.Annual => "毎年度",
        Recurrence.Ongoing => "継続",
        Recurrence.None => "単発",
        _ => "不明",
    };

    internal static string Format(object? value) => value switch
    {
        null => string.Empty,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join("、", list),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>
    /// Display width in terminal cells / spreadsheet characters: East Asian wide and full-width characters count two
    /// (Unicode East Asian Width W/F, by block ranges), everything else one.
    /// </summary>
    public static int DisplayWidth(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var width = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // Everything below the first wide block is one cell; a surrogate pair is one letter outside the BMP.
            if (c < 0x1100)
                width++;
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                width += IsWide(char.ConvertToUtf32(c, text[++i])) ? 2 : 1;
            else
                width += IsWide(c) ? 2 : 1;
        }
        return width;
    }

    /// <summary>Columns one letter takes in a terminal: 2 for East Asian wide and full-width letters, else 1.</summary>
    public static int DisplayWidth(Rune rune) => IsWide(rune.Value) ? 2 : 1;

    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F        // Hangul Jamo
        or >= 0x2E80 and <= 0x303E          // CJK radicals, Kangxi, CJK symbols and punctuation
        or >= 0x3041 and <= 0x33FF          // kana, CJK compatibility
        or >= 0x3400 and <= 0x4DBF          // CJK extension A
        or >= 0x4E00 and <= 0x9FFF          // CJK unified ideographs
        or >= 0xA000 and <= 0xA4CF          // Yi
        or >= 0xAC00 and <= 0xD7A3          // Hangul syllables
        or >= 0xF900 and <= 0xFAFF          // CJK compatibility ideographs
        or >= 0xFE30 and <= 0xFE4F          // CJK compatibility forms
        or >= 0xFF00 and <= 0xFF60          // full-width forms
        or >= 0xFFE0 and <= 0xFFE6
        or >= 0x20000 and <= 0x3FFFD;       // CJK extensions B and later
}
