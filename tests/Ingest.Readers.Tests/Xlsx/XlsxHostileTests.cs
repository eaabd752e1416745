using System.Diagnostics;
using System.Text;
using Ingest.Core.Layout;
using Ingest.HostileFiles;
using Ingest.Readers.Xlsx;

namespace Ingest.Readers.Tests.Xlsx;

/// <summary>Workbooks made to cost: ranges over the whole sheet, many merges, references out of range. Each is read or refused quickly.</summary>
public sealed class XlsxHostileTests
{
    private static readonly XlsxDocumentReader Reader = new();

    private static string Inline(string reference, string text, int style = 1) =>
        $"<c r=\"{reference}\" s=\"{style}\" t=\"inlineStr\"><is><t>{text}</t></is></c>";

    [Fact]
    public void A_merge_over_the_whole_sheet_is_one_cell_not_seventeen_billion()
    {
        var bytes = MinimalXlsx.WithSheetData(
            $"<sheetData><row r=\"1\">{Inline("A1", "全体")}</row><row r=\"1048576\">{Inline("XFD1048576", "隅")}</row></sheetData>" +
            "<mergeCells count=\"1\"><mergeCell ref=\"A1:XFD1048576\"/></mergeCells>");
        var watch = Stopwatch.StartNew();
        var result = Reader.Read(bytes, "whole.xlsx");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.True(result.Succeeded, result.Error);
        var table = Assert.IsType<TableBlock>(Assert.Single(result.Value!.Blocks));
        var cell = Assert.Single(Assert.Single(table.Rows).Cells);
        Assert.Equal("全体", cell.Text.Text);
    }

    [Fact]
    public void Twenty_thousand_merges_in_a_row_are_read_in_one_pass()
    {
        var cells = new StringBuilder();
        var merges = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            var row = i + 1;
            cells.Append($"<row r=\"{row}\">{Inline($"A{row}", "項目")}{Inline($"C{row}", "値" + i)}</row>");
            merges.Append($"<mergeCell ref=\"A{row}:B{row}\"/><mergeCell ref=\"C{row}:D{row}\"/>");
        }
        var bytes = MinimalXlsx.WithSheetData($"<sheetData>{cells}</sheetData><mergeCells>{merges}</mergeCells>");
        var watch = Stopwatch.StartNew();
        var result = Reader.Read(bytes, "many.xlsx");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.True(result.Succeeded, result.Error);
        var table = Assert.IsType<TableBlock>(Assert.Single(result.Value!.Blocks));
        Assert.Equal(20_000, table.Rows.Count);
        Assert.Equal(["項目", "値19999"], table.Rows[^1].Cells.Select(c => c.Text.Text));
    }

    [Fact]
    public void References_and_indexes_out_of_range_are_not_read_and_do_not_throw()
    {
        var bytes = MinimalXlsx.WithSheetData(
            "<sheetData><row r=\"1\"><c r=\"A1\" s=\"1\" t=\"s\"><v>99</v></c><c r=\"ZZZZ1\" s=\"1\" t=\"s\"><v>0</v></c>" +
            "<c r=\"B1\" s=\"77\" t=\"s\"><v>-3</v></c><c r=\"C1\" s=\"1\"><v>not a number</v></c><c r=\"D1\" s=\"3\"><v>1e308</v></c></row></sheetData>" +
            "<mergeCells><mergeCell ref=\"B2:A1\"/><mergeCell ref=\"nonsense\"/></mergeCells>");
        var result = Reader.Read(bytes, "odd.xlsx");
        Assert.True(result.Succeeded, result.Error);
        var text = string.Join(" ", result.Value!.Blocks.OfType<TableBlock>().SelectMany(t => t.Rows).SelectMany(r => r.Cells).Select(c => c.Text.Text));
        Assert.Contains("not a number", text);
        Assert.Contains("1E+308", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Rows_past_the_limit_are_refused_naming_it()
    {
        var rows = string.Concat(Enumerable.Range(1, 50).Select(r => $"<row r=\"{r}\">{Inline($"A{r}", "x")}</row>"));
        var reader = new XlsxDocumentReader(new Ingest.Readers.Docx.DocxReaderOptions { MaxTableRows = 10 });
        var result = reader.Read(MinimalXlsx.WithSheetData($"<sheetData>{rows}</sheetData>"), "rows.xlsx");
        Assert.Equal("XLSX part xl/worksheets/sheet1.xml: more than 10 table rows (limit MaxTableRows)", result.Error);
    }
}
