using System.Text;
using Ingest.Core.Records;
using Ingest.Reports.Export;
using Ingest.Reports.Renewals;
using Ingest.Reports.Tests.Support;

namespace Ingest.Reports.Tests.Export;

/// <summary>The terminal table fits the terminal's width: prose columns narrow first, then columns go, then rows become blocks.</summary>
public sealed class TerminalWidthTests
{
    private static readonly Lazy<RenewalReport> _report = new(() => RenewalReportBuilder.Build(
        [.. Corpus.Seeds(), .. Corpus.Renewals()], new RenewalQuery { AsOf = new DateOnly(2026, 11, 22) }));

    private static string[] Lines(int? width)
    {
        using var stream = new MemoryStream();
        new TableReportWriter(width).Write(_report.Value, stream);
        return Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(120)]
    [InlineData(100)]
    [InlineData(80)]
    [InlineData(60)]
    [InlineData(40)]
    public void NoLineIsWiderThanTheTerminal(int width) =>
        Assert.All(Lines(width), line => Assert.True(ReportColumns.DisplayWidth(line) <= width, $"{ReportColumns.DisplayWidth(line)} > {width}: {line}"));

    [Fact]
    public void WithoutAWidthTheTableIsAsWideAsItsCells()
    {
        var widest = Lines(null).Max(ReportColumns.DisplayWidth);
        Assert.True(widest > 120, $"{widest}");
    }

    [Fact]
    public void At100ColumnsItIsStillATableWithSubjectAndFileAndEachRowOnOneLine()
    {
        var lines = Lines(100);
        var header = lines[1];
        Assert.Contains("件名", header);
        Assert.Contains("資料", header);
        Assert.Equal(_report.Value.Rows.Count + 3, lines.Length);
        // Rows that look alike are told apart by the end of their file name.
        for (var i = 0; i < _report.Value.Rows.Count; i++)
        {
            var name = Path.GetFileName(_report.Value.Rows[i].Path);
            Assert.True(lines[i + 3].EndsWith(name[^6..], StringComparison.Ordinal) || lines[i + 3].Contains(name, StringComparison.Ordinal), lines[i + 3]);
        }
    }

    [Fact]
    public void NarrowTerminalsGetOneBlockOfThreeLinesPerRow()
    {
        var lines = Lines(50);
        Assert.Equal(1 + 3 * _report.Value.Rows.Count, lines.Length);
        var first = _report.Value.Rows[0];
        Assert.StartsWith(ReportColumns.StatusLabel(first.Status), lines[1]);
        Assert.StartsWith("  " + first.Title![..5], lines[2]);
    }

    [Fact]
    public void A_long_cell_is_cut_at_a_whole_letter_with_the_ellipsis_on_its_own_side()
    {
        // 48 columns at most: a subject of wide letters (one outside the BMP) is cut at its end, a file name at its start.
        var title = "𠮷野家" + new string('委', 30) + "について";
        var path = "/archive/" + new string('a', 60) + "_令和7年度_資料40.pdf";
        var row = new RenewalRow { Path = path, Title = title, SheetType = "委託", Evidence = "", Status = ArrangementStatus.Active };
        var report = new RenewalReport { AsOf = new DateOnly(2026, 11, 22), FiscalYear = new Ingest.Core.Dates.FiscalYear(2026), Rows = [row] };
        using var stream = new MemoryStream();
        new TableReportWriter().Write(report, stream);
        var line = Encoding.UTF8.GetString(stream.ToArray()).Split('\n')[3];
        // 47 columns of letters then the ellipsis: 𠮷 and 野家 (6 columns) and 20 委 (40), one column short of a 21st.
        Assert.Contains("𠮷野家" + new string('委', 20) + "…", line);
        Assert.DoesNotContain(new string('委', 21), line);
        // The 資料 column shows the file name: its last 21 columns kept whole, then 26 of the a's.
        Assert.EndsWith("…" + new string('a', 26) + "_令和7年度_資料40.pdf", line);
    }
}
