using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ingest.Reports.Renewals;

namespace Ingest.Reports.Export;

/// <summary>
/// The renewals due as an iCalendar file (RFC 5545) that Outlook, Google and Apple calendars import: one all-day event per
/// arrangement that needs renewal, on its due date, with a reminder <see cref="Reminder"/> before. Dates are all-day
/// DATE values (a due date has no hour, so no time zone); DTSTAMP is UTC. Text is escaped (\\ \; \, \n), lines end in
/// CRLF and are folded at 75 octets without cutting a UTF-8 character. UIDs are made from the arrangement, so importing
/// a later report updates the events rather than doubling them.
/// </summary>
public sealed class IcsReportWriter(TimeSpan? reminder = null) : IReportWriter
{
    /// <summary>The reminder when none is given: four weeks, time to write and circulate a submission.</summary>
    public static readonly TimeSpan DefaultReminder = TimeSpan.FromDays(28);

    /// <summary>Longest line in octets, the CRLF not counted (RFC 5545 §3.1).</summary>
    public const int MaxLineOctets = 75;

    public TimeSpan Reminder { get; } = reminder ?? DefaultReminder;

    public string Format => "ics";
    public string Extension => ".ics";

    public void Write(RenewalReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var text = new StringBuilder();
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//Ingest//Renewal report//JA");
        Line(text, "CALSCALE:GREGORIAN");
        Line(text, "METHOD:PUBLISH");
        Line(text, "X-WR-CALNAME:" + Escape($"更新期限 {report.FiscalYear.Year}年度"));
        // The stamp is the report's date, so the same report gives the same file.
        var stamp = report.AsOf.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "T000000Z";
        var uids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in report.NeedingRenewal)
        {
            if (row.NextDue is not { } due)
                continue;
            var uid = Uid(row);
            for (var n = 2; !uids.Add(uid); n++)
                uid = Uid(row) + "-" + n.ToString(CultureInfo.InvariantCulture);
            Event(text, row, due, uid, stamp);
        }
        Line(text, "END:VCALENDAR");
        var bytes = new UTF8Encoding(false).GetBytes(text.ToString());
        output.Write(bytes);
    }

    private void Event(StringBuilder text, RenewalRow row, DateOnly due, string uid, string stamp)
    {
        var summary = $"【更新期限】{row.SheetType} {row.OwningSection} {row.Title}".Trim();
        var description = new StringBuilder()
            .Append("状態: ").Append(ReportColumns.StatusLabel(row.Status)).Append('\n')
            .Append("件名: ").Append(row.Title).Append('\n')
            .Append("種別: ").Append(row.SheetType).Append('\n')
            .Append("保有課: ").Append(row.OwningSection).Append('\n')
            .Append("相手方: ").Append(string.Join("、", row.Partners)).Append('\n')
            .Append("開始時期と期間: ").Append(row.PeriodText).Append('\n')
            .Append("判定根拠: ").Append(row.Evidence).Append('\n')
            .Append("会議・資料: ").Append(ReportColumns.Meeting(row)).Append('\n')
            .Append("ファイル: ").Append(row.Path)
            .ToString();
        Line(text, "BEGIN:VEVENT");
        Line(text, "UID:" + uid);
        Line(text, "DTSTAMP:" + stamp);
        Line(text, "DTSTART;VALUE=DATE:" + Date(due));
        Line(text, "DTEND;VALUE=DATE:" + Date(due.AddDays(1)));
        Line(text, "SUMMARY:" + Escape(summary));
        Line(text, "DESCRIPTION:" + Escape(description));
        Line(text, "CATEGORIES:" + Escape(row.SheetType));
        Line(text, "TRANSP:TRANSPARENT");
        Line(text, "BEGIN:VALARM");
        Line(text, "ACTION:DISPLAY");
        Line(text, "DESCRIPTION:" + Escape(summary));
        Line(text, "TRIGGER:" + Duration(Reminder));
        Line(text, "END:VALARM");
        Line(text, "END:VEVENT");
    }

    /// <summary>A stable identifier for the arrangement and its due date, from its file, kind, section and subject.</summary>
    private static string Uid(RenewalRow row)
    {
        var key = string.Join("\u001f", row.Path, row.SheetType, row.OwningSection, row.Title, string.Join("、", row.Partners), row.NextDue?.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        return $"renewal-{hash}@ingest";
    }

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>A reminder before the start as an RFC 5545 duration: -P4W, -P10D, -PT12H.</summary>
    internal static string Duration(TimeSpan before)
    {
        if (before <= TimeSpan.Zero)
            return "PT0S";
        if (before.Ticks % TimeSpan.TicksPerDay == 0)
        {
            var days = (long)before.TotalDays;
            return days % 7 == 0 ? $"-P{days / 7}W" : $"-P{days}D";
        }
        return $"-PT{(long)before.TotalMinutes}M";
    }

    /// <summary>A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks; other controls dropped.</summary>
    internal static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return string.Empty;
        var escaped = new StringBuilder(value.Length + 8);
        var text = value.ReplaceLineEndings("\n");
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': escaped.Append(@"\\"); break;
                case ';': escaped.Append(@"\;"); break;
                case ',': escaped.Append(@"\,"); break;
                case '\n': escaped.Append(@"\n"); break;
                // Control characters are not allowed in TEXT (§3.3.11); a tab is.
                case < ' ' and not '\t': break;
                case '\u007f': break;
                default: escaped.Append(c); break;
            }
        }
        return escaped.ToString();
    }

    /// <summary>One content line, folded: at most 75 octets a line, continuations starting with a space (§3.1).</summary>
    internal static void Line(StringBuilder text, string line)
    {
        var octets = 0;
        var limit = MaxLineOctets;
        for (var i = 0; i < line.Length; i++)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 4 : Encoding.UTF8.GetByteCount(line.AsSpan(i, 1));
            if (octets + width > limit)
            {
                text.Append("\r\n ");
                octets = 0;
                limit = MaxLineOctets - 1; // the leading space counts
            }
            text.Append(line[i]);
            if (width == 4)
                text.Append(line[++i]);
            octets += width;
        }
        text.Append("\r\n");
    }
}
