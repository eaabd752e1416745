using DocumentFormat.OpenXml.Spreadsheet;
using SText = DocumentFormat.OpenXml.Spreadsheet.Text;
using Ingest.Core.Layout;
using Ingest.Readers.Xlsx;
using Style = Ingest.Readers.Tests.Xlsx.XlsxBuilder.Style;
using TableCell = Ingest.Core.Layout.TableCell;

namespace Ingest.Readers.Tests.Xlsx;

public sealed class XlsxReaderTests
{
    private static readonly XlsxDocumentReader Reader = new();

    private static LayoutDocument Read(byte[] bytes)
    {
        var result = Reader.Read(bytes, "form.xlsx");
        Assert.True(result.Succeeded, result.Error);
        return result.Value!;
    }

    /// <summary>A label merged over B–J beside a value merged over K–AM, as Excel grid paper draws a form's row.</summary>
    private static void LabelValue(XlsxBuilder book, XlsxBuilder.WorksheetSpec sheet, int row, string label, string value)
    {
        book.SharedText(sheet, $"B{row}", label, Style.Boxed);
        book.SharedText(sheet, $"K{row}", value, Style.Boxed);
        XlsxBuilder.Boxes(sheet, $"B{row}", $"AM{row}");
        sheet.Merges.Add($"B{row}:J{row}");
        sheet.Merges.Add($"K{row}:AM{row}");
    }

    [Fact]
    public void Merged_grid_cells_are_a_label_value_table_and_text_outside_borders_is_running_text()
    {
        var book = new XlsxBuilder();
        var sheet = book.Sheet("表紙");
        XlsxBuilder.InlineText(sheet, "B2", "個人情報保護管理運営会議 付議事項");
        LabelValue(book, sheet, 4, "保有課", "戸籍住民課");
        // A label over two rows beside one value in each.
        book.SharedText(sheet, "B5", "結合の相手方", Style.Boxed);
        book.SharedText(sheet, "K5", "A社", Style.Boxed);
        book.SharedText(sheet, "K6", "B社", Style.Boxed);
        XlsxBuilder.Boxes(sheet, "B5", "AM6");
        sheet.Merges.AddRange(["B5:J6", "K5:AM5", "K6:AM6"]);
        XlsxBuilder.InlineText(sheet, "C8", "以上");

        var blocks = Read(book.Build()).Blocks.ToArray();

        Assert.Equal(3, blocks.Length);
        Assert.Equal("個人情報保護管理運営会議 付議事項", Assert.IsType<ParagraphBlock>(blocks[0]).Text.Text);
        var table = Assert.IsType<TableBlock>(blocks[1]);
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal(["保有課", "戸籍住民課"], table.Rows[0].Cells.Select(c => c.Text.Text));
        Assert.All(table.Rows[0].Cells, c => Assert.Equal(1, c.ColumnSpan));
        Assert.Equal(2, table.Rows[1].Cells[0].RowSpan);
        Assert.Equal(["結合の相手方", "A社"], table.Rows[1].Cells.Select(c => c.Text.Text));
        Assert.Equal(["B社"], table.Rows[2].Cells.Select(c => c.Text.Text));
        Assert.Equal("以上", Assert.IsType<ParagraphBlock>(blocks[2]).Text.Text);
    }

    [Fact]
    public void Hidden_rows_columns_and_sheets_are_not_read_and_sheets_keep_their_order()
    {
        var book = new XlsxBuilder();
        var cover = book.Sheet("表紙");
        XlsxBuilder.InlineText(cover, "B2", "見える行");
        XlsxBuilder.InlineText(cover, "D2", "隠れた列");
        cover.HiddenColumns.Add(4);
        XlsxBuilder.InlineText(cover, "B3", "隠れた行", hiddenRow: true);
        LabelValue(book, cover, 5, "件名", "表示される件名");
        LabelValue(book, cover, 6, "件名", "（旧）隠れた件名");
        cover.Rows[6].Hidden = true;
        LabelValue(book, cover, 7, "担当課", "区民課");
        var lists = book.Sheet("リスト", hidden: true);
        XlsxBuilder.InlineText(lists, "A1", "隠れたシート");
        var attachment = book.Sheet("別紙1");
        XlsxBuilder.InlineText(attachment, "B2", "別紙の本文");

        var layout = Read(book.Build());

        Assert.Equal(2, layout.Pages.Count);
        var text = string.Join("\n", layout.Blocks.Select(Text));
        Assert.DoesNotContain("隠れ", text);
        Assert.Equal("見える行", Assert.IsType<ParagraphBlock>(layout.Pages[0].Blocks[0]).Text.Text);
        // The hidden row between two form rows does not split the form.
        var table = Assert.IsType<TableBlock>(Assert.Single(layout.Pages[0].Blocks, b => b is TableBlock));
        Assert.Equal(["件名", "担当課"], table.Rows.Select(r => r.Cells[0].Text.Text));
        Assert.Equal("別紙の本文", Assert.IsType<ParagraphBlock>(Assert.Single(layout.Pages[1].Blocks)).Text.Text);
    }

    [Fact]
    public void Cell_fonts_and_rich_text_runs_mark_changes_and_phonetic_guides_are_not_text()
    {
        var book = new XlsxBuilder();
        var sheet = book.Sheet("別紙");
        var rich = new SharedStringItem(
            new Run(new SText("委託先は ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
            new Run(new RunProperties(new Bold(), new Underline()), new SText("株式会社B")),
            new PhoneticRun(new SText("カブシキガイシャビー")) { BaseTextStartIndex = 5, EndingBaseIndex = 10 },
            new PhoneticProperties { FontId = 0 });
        XlsxBuilder.Put(sheet, "B1", new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(book.Shared(rich)), StyleIndex = (uint)Style.Boxed });
        book.SharedText(sheet, "B2", "全体が太字", Style.BoxedBold);
        XlsxBuilder.InlineText(sheet, "B4", "下線の行", Style.Underlined);

        var blocks = Read(book.Build()).Blocks.ToArray();

        var table = Assert.IsType<TableBlock>(blocks[0]);
        var first = table.Rows[0].Cells[0].Text;
        Assert.Equal("委託先は 株式会社B", first.Text);
        var span = Assert.Single(first.Spans);
        Assert.Equal(("株式会社B", TextStyle.Bold | TextStyle.Underline), (first.Text.Substring(span.Start, span.Length), span.Style));
        var second = table.Rows[1].Cells[0].Text;
        Assert.Equal(TextStyle.Bold, Assert.Single(second.Spans).Style);
        Assert.Equal(TextStyle.Underline, Assert.Single(Assert.IsType<ParagraphBlock>(blocks[1]).Text.Spans).Style);
    }

    [Fact]
    public void Date_and_number_cells_are_shown_as_excel_shows_them()
    {
        var book = new XlsxBuilder();
        var sheet = book.Sheet("別紙");
        var serial = Serial(new DateOnly(2024, 4, 1));
        XlsxBuilder.Number(sheet, "B1", serial, Style.BoxedEraDate);
        XlsxBuilder.Number(sheet, "C1", serial, Style.BoxedShortDate);
        XlsxBuilder.Number(sheet, "D1", 5500, Style.BoxedGrouped);
        XlsxBuilder.Put(sheet, "E1", new Cell { DataType = CellValues.Date, CellValue = new CellValue("2019-05-01T00:00:00"), StyleIndex = (uint)Style.BoxedEraDate });
        XlsxBuilder.Put(sheet, "F1", new Cell { DataType = CellValues.Boolean, CellValue = new CellValue("1"), StyleIndex = (uint)Style.Boxed });

        var table = Assert.IsType<TableBlock>(Assert.Single(Read(book.Build()).Blocks));

        Assert.Equal(["令和6年4月1日", "2024/4/1", "5,500", "令和1年5月1日", "TRUE"], table.Rows[0].Cells.Select(c => c.Text.Text));
    }

    [Fact]
    public void A_workbook_without_a_visible_sheet_is_refused_with_the_reason()
    {
        var book = new XlsxBuilder();
        XlsxBuilder.InlineText(book.Sheet("非表示", hidden: true), "A1", "x");
        var result = Reader.Read(book.Build(), "hidden.xlsx");
        Assert.Equal("XLSX has no visible worksheet", result.Error);
    }

    [Fact]
    public void A_workbook_renamed_doc_is_read_as_a_workbook()
    {
        var book = new XlsxBuilder();
        XlsxBuilder.InlineText(book.Sheet("表紙"), "B2", "件名");
        var bytes = book.Build();
        var layout = ReaderRegistry.Default.Read(bytes, "renamed.doc");
        Assert.True(layout.Succeeded, layout.Error);
        Assert.Equal("xlsx", layout.Value!.Format);
    }

    [Theory]
    [InlineData("&L左&C中央&R&\"IPAGothic,Bold\"&12新宿区 資料", new[] { "左", "中央", "新宿区 資料" })]
    [InlineData("&C&P / &N", new string[0])]
    [InlineData("&RA && B", new[] { "A & B" })]
    public void Header_and_footer_codes_leave_their_text(string code, string[] expected) =>
        Assert.Equal(expected, XlsxDocumentReader.HeaderFooterText(code).Select(s => s.Replace("/", string.Empty, StringComparison.Ordinal).Trim()).Where(s => s.Length > 0));

    internal static double Serial(DateOnly date) => date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;

    private static string Text(LayoutBlock block) => block switch
    {
        ParagraphBlock p => p.Text.Text,
        TableBlock t => string.Join("\n", t.Rows.SelectMany(r => r.Cells).Select((TableCell c) => c.Text.Text)),
        _ => string.Empty,
    };
}
