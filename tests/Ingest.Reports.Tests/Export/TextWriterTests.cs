using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Ingest.Reports.Export;
using Ingest.Reports.Renewals;
using Ingest.Reports.Tests.Support;

namespace Ingest.Reports.Tests.Export;

/// <summary>CSV, JSON, HTML, Markdown and terminal table writers.</summary>
public sealed class TextWriterTests
{
    private static byte[] Write(IReportWriter writer, RenewalReport report)
    {
        using var stream = new MemoryStream();
        writer.Write(report, stream);
        return stream.ToArray();
    }

    private static string Utf8(byte[] bytes) => new UTF8Encoding(false).GetString(bytes);

    [Fact]
    public void CsvHasBomCrLfAndRfc4180QuotingThatReadsBack()
    {
        var report = SampleReport.Create();
        var bytes = Write(new CsvReportWriter(), report);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Utf8(bytes[3..]);
        Assert.StartsWith("状態,要更新,次回期限,残日数,", text);
        Assert.Contains("\r\n", text);
        // A field with a comma, quotes and a line break is quoted, quotes doubled.
        Assert.Contains("\"法務省との情報連携, \"\"相手先\"\" の変更", text);

        using var reader = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.Parser.Count).Select(i => reader.GetField(i)!).ToArray());
        Assert.Equal(report.Rows.Count + 1, rows.Count);
        Assert.Equal(ReportColumns.All.Select(c => c.Header), rows[0]);
        for (var i = 0; i < report.Rows.Count; i++)
            Assert.Equal(ReportColumns.All.Select(c => c.Text(report.Rows[i])), rows[i + 1]);
        Assert.Equal(["要更新", "○", "2027-03-31", "129"], rows[1][..4]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://example.invalid\",\"開く\")", "'=HYPERLINK(\"http://example.invalid\",\"開く\")")]
    [InlineData("+81-3-0000", "'+81-3-0000")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("-12", "-12")]
    [InlineData("区民課", "区民課")]
    [InlineData("", "")]
    public void Cells_a_spreadsheet_would_run_as_formulas_get_a_leading_apostrophe(string text, string written) =>
        Assert.Equal(written, FormulaGuard.Neutralise(text));

    [Fact]
    public void Csv_cells_from_submissions_never_start_a_formula()
    {
        var period = Build.Period("令和8年4月1日から令和9年3月31日まで", Build.D(2026, 4, 1), Build.D(2027, 3, 31), Ingest.Core.Records.Recurrence.None, "令和9年3月31日まで");
        var report = RenewalReportBuilder.Build(
            [Build.Submission("formula.txt", 2026, "委託", [Build.Sheet("委託", "=HYPERLINK(\"http://example.invalid\")", "@業務", "+件名", period, "-株式会社")])],
            new RenewalQuery { AsOf = Build.D(2027, 6, 1) });
        var text = Utf8(Write(new CsvReportWriter(), report)[3..]);

        using var reader = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        reader.Read();
        Assert.Equal("'=HYPERLINK(\"http://example.invalid\")", reader.GetField("保有課"));
        Assert.Equal("'@業務", reader.GetField("登録業務の名称"));
        Assert.Equal("'-株式会社", reader.GetField("相手方"));
        for (var i = 0; i < reader.Parser.Count; i++)
            Assert.DoesNotMatch("^[=+@\t\r]", reader.GetField(i)!);
    }

    [Fact]
    public void JsonRowsFollowTheContract()
    {
        var report = SampleReport.Create();
        using var document = JsonDocument.Parse(Write(new JsonReportWriter(), report));
        var rows = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(report.Rows.Count, rows.Count);
        string[] keys = ["path", "title", "sheetType", "owningSection", "businessName", "partners", "periodText", "start", "end",
            "recurrence", "firstStarted", "needsRenewal", "nextDue", "daysLeft", "status", "history", "evidence"];
        foreach (var row in rows)
        {
            foreach (var key in keys)
                Assert.True(row.TryGetProperty(key, out _), key);
        }
        var first = rows[0];
        Assert.Equal("seeds/000.txt", first.GetProperty("path").GetString());
        Assert.Equal("annual", first.GetProperty("recurrence").GetString());
        Assert.Equal("needsRenewal", first.GetProperty("status").GetString());
        Assert.True(first.GetProperty("needsRenewal").GetBoolean());
        Assert.Equal("2027-03-31", first.GetProperty("nextDue").GetString());
        Assert.Equal(129, first.GetProperty("daysLeft").GetInt32());
        Assert.Equal("次年度以降も同様の外部結合を行う", first.GetProperty("evidence").GetString());
        var history = Assert.Single(first.GetProperty("history").EnumerateArray());
        Assert.Equal("seeds/000.txt", history.GetProperty("path").GetString());
        Assert.Equal(2026, history.GetProperty("fiscalYear").GetInt32());
        Assert.Equal(JsonValueKind.Null, rows.Single(r => r.GetProperty("status").GetString() == "active").GetProperty("nextDue").ValueKind);
        Assert.Contains("\"ended\"", Utf8(Write(new JsonReportWriter(), report)));
        Assert.Contains("外部結合", Utf8(Write(new JsonReportWriter(), report))); // Japanese unescaped
    }

    [Fact]
    public void HtmlIsSelfContainedAndEscaped()
    {
        var html = Utf8(Write(new HtmlReportWriter(), SampleReport.Create()));
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<meta charset=\"utf-8\">", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("&quot;相手先&quot;", html);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("href=", html);
        Assert.DoesNotContain("http", html);
        Assert.Contains("<tr class=\"needsRenewal\">", html);
    }

    [Fact]
    public void MarkdownEscapesPipesAndLineBreaks()
    {
        var md = Utf8(Write(new MarkdownReportWriter(), SampleReport.Create()));
        var lines = md.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('|')).ToList();
        Assert.Equal(SampleReport.Create().Rows.Count + 2, lines.Count);
        var columns = ReportColumns.All.Count;
        // Every table line has exactly the column count of unescaped separators.
        foreach (var line in lines)
            Assert.Equal(columns + 1, line.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|'));
        Assert.Contains("\\| 改行<br>二行目", md);
    }

    [Fact]
    public void TableAlignsColumnsCountingWideCharactersDouble()
    {
        var report = SampleReport.Create();
        var text = Utf8(Write(new TableReportWriter(), report));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("要更新 1 件 / 要確認 0 件 / 全 3 件", lines[0]);
        var header = lines[1];
        var dataLines = lines.Skip(3).ToList();
        Assert.Equal(report.Rows.Count, dataLines.Count);
        // The 資料 column is last: every row's file name starts at the header's display column or after its meeting.
        var fileColumn = ReportColumns.DisplayWidth(header[..header.IndexOf("資料", StringComparison.Ordinal)]);
        for (var i = 0; i < dataLines.Count; i++)
        {
            var line = dataLines[i];
            var at = line.LastIndexOf(Path.GetFileName(report.Rows[i].Path), StringComparison.Ordinal);
            Assert.True(at > 0, line);
            var meeting = ReportColumns.Meeting(report.Rows[i]);
            Assert.Equal(fileColumn + (meeting.Length == 0 ? 0 : ReportColumns.DisplayWidth(meeting) + 1), ReportColumns.DisplayWidth(line[..at]));
        }
    }

    [Fact]
    public void TableKeepsEachRowOnOneLineAndShowsControlCharactersEscaped()
    {
        var records = new[]
        {
            Build.Linkage("archive/bad\n\u001b[31mFAILED forged.txt", 2026,
                Build.Period("令和8年4月1日から", Build.D(2026, 4, 1), null, Ingest.Core.Records.Recurrence.Ongoing, "以降"),
                title: "外部結合\u001b]0;pwned\u0007について"),
        };
        var report = RenewalReportBuilder.Build(records, new RenewalQuery { AsOf = Build.D(2026, 11, 22) });
        var text = Utf8(Write(new TableReportWriter(), report));

        Assert.Equal(4, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // heading, header, rule, one row
        Assert.DoesNotContain(text, c => c < ' ' && c != '\n');
        Assert.Contains(@"\x1B]0;pwned\x07", text, StringComparison.Ordinal);
        Assert.Contains(@" bad \x1B[31mFAILED forged.txt", text, StringComparison.Ordinal); // a line break in a cell is a space
    }

    [Fact]
    public void DisplayWidthCountsCjkAndFullWidthAsTwo()
    {
        Assert.Equal(4, ReportColumns.DisplayWidth("abcd"));
        Assert.Equal(6, ReportColumns.DisplayWidth("外部結合" [..3]));
        Assert.Equal(4, ReportColumns.DisplayWidth("ＪＬ"));
        Assert.Equal(2, ReportColumns.DisplayWidth("ｱｲ")); // half-width katakana is narrow
    }

    [Fact]
    public void WritersAreFoundByFormatName()
    {
        Assert.Equal(["table", "csv", "xlsx", "md", "html", "json", "ics"], ReportWriters.Formats);
        Assert.IsType<XlsxReportWriter>(ReportWriters.For("XLSX"));
        Assert.Null(ReportWriters.For("pdf"));
    }
}
