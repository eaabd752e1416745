using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Ingest.Reports.Export;
using Ingest.Reports.Renewals;
using Ingest.Reports.Tests.Support;
using Xunit.Abstractions;

namespace Ingest.Reports.Tests.Export;

/// <summary>The workbook read back with DocumentFormat.OpenXml, validated against the schema, and opened by LibreOffice.</summary>
public sealed class XlsxReportWriterTests(ITestOutputHelper output)
{
    private static MemoryStream Write(RenewalReport report)
    {
        var stream = new MemoryStream();
        new XlsxReportWriter().Write(report, stream);
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void WorkbookPassesTheOpenXmlSchemaValidator()
    {
        using var stream = Write(SampleReport.Create());
        using var document = SpreadsheetDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void ThreeSheetsWithFrozenHeaderAutoFilterAndDefinedNames()
    {
        var report = SampleReport.Create();
        using var stream = Write(report);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal([XlsxReportWriter.RenewalSheetName, XlsxReportWriter.ReviewSheetName, XlsxReportWriter.AllSheetName], sheets.Select(s => s.Name!.Value));

        var expectedRows = new[] { report.NeedingRenewal.Count(), report.NeedingReview.Count(), report.Rows.Count };
        var lastColumn = XlsxReportWriter.ColumnName(ReportColumns.All.Count - 1);
        var names = workbook.Workbook.DefinedNames!.Elements<DefinedName>().ToList();
        for (var i = 0; i < sheets.Count; i++)
        {
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheets[i].Id!)).Worksheet;
            var pane = worksheet.Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(1d, pane.VerticalSplit!.Value);
            Assert.Equal("A2", pane.TopLeftCell!.Value);

            var filter = worksheet.Elements<AutoFilter>().Single();
            Assert.Equal($"A1:{lastColumn}{expectedRows[i] + 1}", filter.Reference!.Value);
            var name = names.Single(n => n.LocalSheetId!.Value == i);
            Assert.Equal("_xlnm._FilterDatabase", name.Name!.Value);
            Assert.Equal($"'{sheets[i].Name!.Value}'!$A$1:${lastColumn}${expectedRows[i] + 1}", name.Text);

            Assert.Equal(expectedRows[i] + 1, worksheet.Descendants<Row>().Count());
        }
    }

    [Fact]
    public void DatesAreNumericCellsWithADateFormat()
    {
        var report = SampleReport.Create();
        using var stream = Write(report);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var all = AllSheet(document);
        var dueColumn = ColumnOf("次回期限");
        var cell = all.Descendants<Cell>().Single(c => c.CellReference!.Value == $"{dueColumn}2");
        Assert.Null(cell.DataType); // a number, not text
        // 2027-03-31 is Excel serial 46477 (days since 1899-12-30).
        Assert.Equal("46477", cell.CellValue!.Text);
        Assert.Equal(46477, new DateOnly(2027, 3, 31).DayNumber - new DateOnly(1899, 12, 30).DayNumber);

        var format = (CellFormat)workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.ElementAt((int)cell.StyleIndex!.Value);
        var numberFormat = workbook.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value);
        Assert.Equal("yyyy-mm-dd", numberFormat.FormatCode!.Value);
        Assert.True(format.ApplyNumberFormat!.Value);

        var days = all.Descendants<Cell>().Single(c => c.CellReference!.Value == $"{ColumnOf("残日数")}2");
        Assert.Equal(CellValues.Number, days.DataType!.Value);
        Assert.Equal("129", days.CellValue!.Text);
    }

    [Fact]
    public void HeaderIsBoldAndColumnsAreSizedFromContent()
    {
        using var stream = Write(SampleReport.Create());
        using var document = SpreadsheetDocument.Open(stream, false);
        var all = AllSheet(document);
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var headerCell = all.Descendants<Row>().First().Elements<Cell>().First();
        var headerFormat = (CellFormat)stylesheet.CellFormats!.ElementAt((int)headerCell.StyleIndex!.Value);
        var font = (Font)stylesheet.Fonts!.ElementAt((int)headerFormat.FontId!.Value);
        Assert.NotNull(font.Bold);
        Assert.Equal("状態", Text(document, headerCell));

        var widths = all.Descendants<Column>().ToDictionary(c => (int)c.Min!.Value, c => c.Width!.Value);
        Assert.Equal(ReportColumns.All.Count, widths.Count);
        // 保有課's widest value is 健康づくり課 (6 wide characters = 12) → 14 with padding; 開始時期と期間 is long and capped.
        Assert.Equal(14, widths[ReportColumns.All.ToList().FindIndex(c => c.Header == "保有課") + 1]);
        Assert.Equal(XlsxReportWriter.MaxColumnWidth, widths[ReportColumns.All.ToList().FindIndex(c => c.Header == "開始時期と期間") + 1]);
        Assert.All(widths.Values, w => Assert.InRange(w, XlsxReportWriter.MinColumnWidth, XlsxReportWriter.MaxColumnWidth));
    }

    [Fact]
    public void EmptyReportStillMakesAValidWorkbook()
    {
        var empty = RenewalReportBuilder.Build([], new RenewalQuery { AsOf = new DateOnly(2026, 11, 22) });
        using var stream = Write(empty);
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        Assert.Single(AllSheet(document).Descendants<Row>());
    }

    [Fact]
    public void ControlCharactersAndLoneSurrogatesAreDroppedAndLongTextIsCut()
    {
        var period = new Ingest.Core.Records.Period { Text = "令和6年4月1日から\u0001\uD800" + new string('あ', 40_000), Recurrence = Ingest.Core.Records.Recurrence.Unknown };
        var record = Build.Linkage("bad.txt", 2024, period, title: "件名\u0007𠮷");
        var report = RenewalReportBuilder.Build([record], new RenewalQuery { AsOf = new DateOnly(2026, 11, 22) });
        using var stream = Write(report);
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var texts = document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        Assert.Contains("件名𠮷", texts);
        var longest = texts.MaxBy(t => t.Length)!;
        Assert.Equal(XlsxReportWriter.MaxCellText, longest.Length);
        Assert.StartsWith("令和6年4月1日からああ", longest);
        Assert.EndsWith("…", longest);
    }

    [Fact]
    public void NonSeekableOutputIsBuffered()
    {
        using var inner = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(inner))
            new XlsxReportWriter().Write(SampleReport.Create(), forwardOnly);
        inner.Position = 0;
        using var document = SpreadsheetDocument.Open(inner, false);
        Assert.Equal(3, document.WorkbookPart!.Workbook.Sheets!.Count());
    }

    [SkippableFact]
    public void LibreOfficeOpensTheWorkbookAndReadsTheSameCells()
    {
        Skip.If(LibreOfficeCalc.WhyNot is not null, LibreOfficeCalc.WhyNot);
        var soffice = LibreOfficeCalc.Soffice!;
        var report = RenewalReportBuilder.Build([.. Corpus.Seeds(), .. Corpus.Renewals()], new RenewalQuery { AsOf = new DateOnly(2026, 11, 22) });
        var directory = Directory.CreateTempSubdirectory("ingest-xlsx-");
        try
        {
            var xlsx = Path.Combine(directory.FullName, "renewals.xlsx");
            using (var file = File.Create(xlsx))
                new XlsxReportWriter().Write(report, file);

            var sheets = new[] { report.NeedingRenewal.ToList(), report.NeedingReview.ToList(), report.Rows.ToList() };
            var names = new[] { XlsxReportWriter.RenewalSheetName, XlsxReportWriter.ReviewSheetName, XlsxReportWriter.AllSheetName };
            var outDir = ConvertAllSheets(soffice, xlsx, directory.FullName);
            for (var sheet = 0; sheet < sheets.Length; sheet++)
            {
                var csv = Path.Combine(outDir, $"renewals-{names[sheet]}.csv");
                Assert.True(File.Exists(csv), $"LibreOffice wrote no CSV for sheet {names[sheet]}");
                var rows = ReadCsv(csv);
                Assert.Equal(ReportColumns.All.Select(c => c.Header), rows[0]);
                Assert.Equal(sheets[sheet].Count + 1, rows.Count);
                // Dates come back as yyyy-mm-dd and numbers as integers: LibreOffice read real dates and numbers.
                for (var i = 0; i < sheets[sheet].Count; i++)
                    Assert.Equal(ReportColumns.All.Select(c => c.Text(sheets[sheet][i])), rows[i + 1]);
            }
            output.WriteLine($"LibreOffice read {report.Rows.Count} rows back identically from {xlsx}.");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string ConvertAllSheets(string soffice, string xlsx, string directory)
    {
        // Filter options: comma, double quote, UTF-8 (76), from line 1, …, token 9 = cells as shown, token 12 = -1:
        // every sheet to <name>-<sheet>.csv (LibreOffice 7.2 and later).
        var outDir = Path.Combine(directory, "csv");
        var (code, messages) = LibreOfficeCalc.Run(soffice, directory,
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", outDir, xlsx);
        Assert.True(Directory.Exists(outDir) && Directory.GetFiles(outDir, "*.csv").Length > 0,
            $"LibreOffice wrote no CSV (exit {code?.ToString() ?? "none, killed"}): {messages}");
        return outDir;
    }

    private static List<string[]> ReadCsv(string path)
    {
        using var reader = new CsvReader(new StreamReader(path, Encoding.UTF8), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.Parser.Count).Select(i => reader.GetField(i)!).ToArray());
        return rows;
    }

    private static Worksheet AllSheet(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == XlsxReportWriter.AllSheetName);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
    }

    private static string ColumnOf(string header) =>
        XlsxReportWriter.ColumnName(ReportColumns.All.ToList().FindIndex(c => c.Header == header));

    private static string Text(SpreadsheetDocument document, Cell cell) =>
        document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>()
            .ElementAt(int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText;

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
