using System.Text;
using Ingest.Core.Records;
using Ingest.Reports.Export;
using Ingest.Reports.Renewals;
using Ingest.Reports.Tests.Support;

namespace Ingest.Reports.Tests.Export;

/// <summary>
/// The renewal calendar: checked line by line against RFC 5545 (CRLF, 75-octet folding, escaping, the required
/// properties), then read back by an independent parser (Ical.Net) event by event.
/// </summary>
public sealed class IcsReportWriterTests
{
    private static readonly Lazy<RenewalReport> _report = new(() => RenewalReportBuilder.Build(
        [.. Corpus.Seeds(), .. Corpus.Renewals()], new RenewalQuery { AsOf = new DateOnly(2026, 11, 22) }));

    private static string Write(RenewalReport report, TimeSpan? reminder = null)
    {
        using var stream = new MemoryStream();
        new IcsReportWriter(reminder).Write(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Content lines with folding undone (§3.1: a CRLF followed by one space or tab is removed).</summary>
    private static List<string> Unfold(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal)
        .Split("\r\n").Where(l => l.Length > 0).ToList();

    [Fact]
    public void EveryPhysicalLineEndsInCrlfAndIsAtMost75Octets()
    {
        var ics = Write(_report.Value);
        Assert.EndsWith("END:VCALENDAR\r\n", ics);
        Assert.DoesNotContain(ics.Replace("\r\n", "", StringComparison.Ordinal), c => c is '\r' or '\n');
        var physical = ics.Split("\r\n")[..^1];
        Assert.All(physical, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= IcsReportWriter.MaxLineOctets, $"{Encoding.UTF8.GetByteCount(line)}: {line}"));
        // Some lines were long enough to fold, and folding never cut a character in two.
        Assert.Contains(physical, line => line.StartsWith(' '));
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(ics)));
    }

    [Fact]
    public void OneEventPerDueArrangementOnItsDueDateWithTheRequiredProperties()
    {
        var lines = Unfold(Write(_report.Value));
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains(lines, l => l.StartsWith("PRODID:", StringComparison.Ordinal));
        var due = _report.Value.NeedingRenewal.ToList();
        Assert.Equal(due.Count, lines.Count(l => l == "BEGIN:VEVENT"));
        Assert.Equal(due.Count, lines.Count(l => l == "END:VEVENT"));
        Assert.Equal(due.Count, lines.Count(l => l == "DTSTART;VALUE=DATE:20270331"));
        Assert.Equal(due.Count, lines.Count(l => l == "DTEND;VALUE=DATE:20270401"));
        Assert.Equal(due.Count, lines.Count(l => l == "DTSTAMP:20261122T000000Z"));
        Assert.Equal(due.Count, lines.Count(l => l == "TRIGGER:-P4W"));
        var uids = lines.Where(l => l.StartsWith("UID:", StringComparison.Ordinal)).ToList();
        Assert.Equal(due.Count, uids.Distinct().Count());
    }

    [Fact]
    public void AnIndependentParserReadsEveryEventBack()
    {
        var report = _report.Value;
        var calendar = Ical.Net.Calendar.Load(Write(report, TimeSpan.FromDays(42)))!;
        var events = calendar.Events.ToList();
        var due = report.NeedingRenewal.ToList();
        Assert.Equal(due.Count, events.Count);
        foreach (var row in due)
        {
            var summary = $"【更新期限】{row.SheetType} {row.OwningSection} {row.Title}".Trim();
            var e = Assert.Single(events, e => e.Summary == summary && e.Description!.Contains(row.Path, StringComparison.Ordinal));
            Assert.Equal(row.NextDue!.Value, DateOnly.FromDateTime(e.DtStart!.Value));
            Assert.False(e.DtStart.HasTime);
            Assert.Contains($"相手方: {string.Join("、", row.Partners)}\n", e.Description);
            Assert.Contains($"判定根拠: {row.Evidence}\n", e.Description);
            var alarm = Assert.Single(e.Alarms);
            Assert.Equal("-P6W", alarm.Trigger!.Duration!.Value.ToString());
        }
    }

    [Fact]
    public void SpecialCharactersAreEscapedAndComeBackAsWritten()
    {
        var nasty = "件名; 区切り, \\ 逆斜線\n改行";
        var records = new[]
        {
            Build.Linkage("archive/x.txt", 2026, Build.Period("令和8年4月1日から令和9年3月31日まで(次年度以降も同様)", Build.D(2026, 4, 1), Build.D(2027, 3, 31), Recurrence.Annual, "次年度以降も同様"), title: nasty),
        };
        var report = RenewalReportBuilder.Build(records, new RenewalQuery { AsOf = Build.D(2026, 11, 22) });
        var ics = Write(report);
        Assert.Contains(@"件名\; 区切り\, \\ 逆斜線\n改行", Unfold(ics).Single(l => l.StartsWith("SUMMARY:", StringComparison.Ordinal)));
        var e = Assert.Single(Ical.Net.Calendar.Load(ics)!.Events);
        Assert.EndsWith(nasty, e.Summary);
    }

    [Theory]
    [InlineData(28, "-P4W")]
    [InlineData(10, "-P10D")]
    [InlineData(0, "PT0S")]
    public void RemindersAreDurationsBeforeTheDueDate(int days, string expected) =>
        Assert.Equal(expected, IcsReportWriter.Duration(TimeSpan.FromDays(days)));
}
