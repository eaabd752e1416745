using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Ingest.Core.Records;
using Ingest.Reports.Export;
using Ingest.Reports.Renewals;
using static Ingest.Reports.Tests.Support.Build;

namespace Ingest.Reports.Tests.Export;

/// <summary>Random text (quotes, separators, line breaks, markup, control characters, astral and lone surrogates) through every writer.</summary>
public sealed class RandomTextTests
{
    private static readonly string[] _pieces =
    [
        "外部結合", "Ｊ－ＬＩＳ", "\"", ",", "\r\n", "\n", "\t", "|", "\\", "<b>", "&amp;", "'", "𠮷", "ｱｲｳ", " ", "令和6年", "—", "\u0001", "\u001F",
    ];

    private static RenewalReport RandomReport(int seed, bool loneSurrogates)
    {
        var random = new Random(seed);
        string Text(int max)
        {
            var builder = new StringBuilder();
            for (var i = random.Next(max); i > 0; i--)
                builder.Append(_pieces[random.Next(_pieces.Length)]);
            if (loneSurrogates && random.Next(4) == 0)
                builder.Append('\uDC00');
            return builder.ToString();
        }
        var records = Enumerable.Range(0, 40).Select(i =>
        {
            var recurrence = (Recurrence)random.Next(4);
            var start = D(2015, 4, 1).AddDays(random.Next(4000));
            var period = Period(Text(8), start, random.Next(2) == 0 ? null : start.AddDays(random.Next(800)), recurrence, Text(4));
            return Submission($"f{i}-{Text(3)}.txt", 2015 + random.Next(12), Text(6),
                [Sheet(random.Next(2) == 0 ? "外部結合" : "委託", Text(3), Text(3), Text(10), period, Text(3), Text(3))]);
        });
        return RenewalReportBuilder.Build(records, new RenewalQuery { AsOf = D(2026, 11, 22) });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void CsvRoundTripsEveryCell(int seed)
    {
        var report = RandomReport(seed, loneSurrogates: false);
        using var stream = new MemoryStream();
        new CsvReportWriter().Write(report, stream);
        stream.Position = 0;
        using var reader = new CsvReader(new StreamReader(stream, Encoding.UTF8), CultureInfo.InvariantCulture);
        reader.Read();
        for (var i = 0; i < report.Rows.Count; i++)
        {
            Assert.True(reader.Read());
            // Every cell reads back as written, but for the apostrophe that keeps one from starting a formula.
            Assert.Equal(ReportColumns.All.Select(c => FormulaGuard.Neutralise(c.Text(report.Rows[i]))), Enumerable.Range(0, ReportColumns.All.Count).Select(k => reader.GetField(k)));
        }
        Assert.False(reader.Read());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void XlsxStaysSchemaValid(int seed)
    {
        using var stream = new MemoryStream();
        new XlsxReportWriter().Write(RandomReport(seed, loneSurrogates: true), stream);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void HtmlAndMarkdownKeepTheirStructure(int seed)
    {
        var report = RandomReport(seed, loneSurrogates: false);
        using var html = new MemoryStream();
        new HtmlReportWriter().Write(report, html);
        var page = Encoding.UTF8.GetString(html.ToArray());
        Assert.DoesNotContain("<b>", page);
        Assert.Equal(report.Rows.Count * ReportColumns.All.Count, CountOf(page, "<td"));
        Assert.Equal(report.Rows.Count + 1, CountOf(page, "<tr"));

        using var md = new MemoryStream();
        new MarkdownReportWriter().Write(report, md);
        var lines = Encoding.UTF8.GetString(md.ToArray()).Split('\n').Where(l => l.StartsWith('|')).ToList();
        Assert.Equal(report.Rows.Count + 2, lines.Count);
    }

    [Theory]
    [InlineData(1)]
    public void TableAndJsonDoNotThrow(int seed)
    {
        var report = RandomReport(seed, loneSurrogates: true);
        foreach (var writer in new IReportWriter[] { new TableReportWriter(), new JsonReportWriter() })
        {
            using var stream = new MemoryStream();
            writer.Write(report, stream);
            Assert.True(stream.Length > 0);
        }
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
