using DocumentFormat.OpenXml.Wordprocessing;
using Ingest.Core.Layout;
using Ingest.Readers.Docx;
using static Ingest.Readers.Tests.Docx.DocxBuilder;
using LTable = Ingest.Core.Layout.TableBlock;
using TableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;

namespace Ingest.Readers.Tests.Docx;

/// <summary>The Word reader: tables with merges and nesting, styles, content controls, headers and footers.</summary>
public sealed class DocxReaderTests
{
    private static LayoutDocument Read(byte[] bytes)
    {
        var result = new DocxDocumentReader().Read(bytes, "test.docx");
        Assert.True(result.Succeeded, result.Error);
        return result.Value!;
    }

    [Fact]
    public void Paragraphs_and_tables_come_in_document_order()
    {
        var layout = Read(Build(body => body.Append(
            Para("個人情報保護管理運営会議 付議事項"),
            Table(Row(Cell("件名"), Cell("外部結合について"))),
            Para("内容は別紙のとおり"))));
        var blocks = layout.Blocks.ToArray();
        Assert.Equal("個人情報保護管理運営会議 付議事項", Assert.IsType<ParagraphBlock>(blocks[0]).Text.Text);
        var table = Assert.IsType<LTable>(blocks[1]);
        Assert.Equal(["件名", "外部結合について"], table.Rows[0].Cells.Select(c => c.Text.Text));
        Assert.Equal("内容は別紙のとおり", Assert.IsType<ParagraphBlock>(blocks[2]).Text.Text);
        Assert.Equal("docx", layout.Format);
    }

    [Fact]
    public void Grid_span_and_vertical_merge_give_one_cell_with_spans()
    {
        var layout = Read(Build(body => body.Append(Table(
            Row(Cell("見出し", new GridSpan { Val = 3 })),
            Row(Cell("区が行う", new VerticalMerge { Val = MergedCellValues.Restart }), Cell("○"), Cell("対策一")),
            Row(Cell("", new VerticalMerge()), Cell("－"), Cell("対策二")),
            Row(Cell("", new VerticalMerge { Val = MergedCellValues.Continue }), Cell("○"), Cell("対策三")),
            Row(Cell("委託先"), Cell("○"), Cell("対策四"))))));
        var table = Assert.IsType<LTable>(layout.Blocks.Single());
        Assert.Equal(3, table.Rows[0].Cells.Single().ColumnSpan);
        var party = table.Rows[1].Cells[0];
        Assert.Equal(("区が行う", 3), (party.Text.Text, party.RowSpan));
        // Covered cells are not repeated.
        Assert.Equal(["－", "対策二"], table.Rows[2].Cells.Select(c => c.Text.Text));
        Assert.Equal(["○", "対策三"], table.Rows[3].Cells.Select(c => c.Text.Text));
        Assert.Equal(1, table.Rows[4].Cells[0].RowSpan);
    }

    [Fact]
    public void Nested_tables_stay_inside_their_cell()
    {
        var inner = Table(Row(Cell("ア"), Cell("通知カード等印刷業務")));
        var layout = Read(Build(body => body.Append(Table(
            Row(Cell("委任の内容"), new TableCell(new TableCellProperties(), Para("以下の事務処理を委任する。"), inner, Para("")))))));
        var cell = Assert.IsType<LTable>(layout.Blocks.Single()).Rows[0].Cells[1];
        Assert.Equal("以下の事務処理を委任する。", cell.Text.Text);
        var nested = Assert.Single(cell.Nested);
        Assert.Equal(["ア", "通知カード等印刷業務"], nested.Rows[0].Cells.Select(c => c.Text.Text));
    }

    [Fact]
    public void Paragraphs_inside_a_cell_are_separated_by_line_breaks()
    {
        var layout = Read(Build(body => body.Append(Table(Row(Cell("情報項目"),
            new TableCell(new TableCellProperties(), Para("1 対象者 区民"), Para("2 情報項目 氏名、住所")))))));
        var cell = Assert.IsType<LTable>(layout.Blocks.Single()).Rows[0].Cells[1];
        Assert.Equal("1 対象者 区民\n2 情報項目 氏名、住所", cell.Text.Text);
    }

    [Fact]
    public void Direct_bold_and_underline_are_spans_and_underline_none_is_not()
    {
        var layout = Read(Build(body => body.Append(Para(
            Run("出入国在留管理庁"),
            Run("及び機構", new Bold(), new Underline { Val = UnderlineValues.Single }),
            Run("（J-LIS）", new Underline { Val = UnderlineValues.None }),
            Run("。", new Bold { Val = false })))));
        var text = Assert.IsType<ParagraphBlock>(layout.Blocks.Single()).Text;
        Assert.Equal("出入国在留管理庁及び機構（J-LIS）。", text.Text);
        var span = Assert.Single(text.Spans);
        Assert.Equal(new StyledSpan(8, 4, TextStyle.Bold | TextStyle.Underline), span);
    }

    [Fact]
    public void Bold_and_underline_are_inherited_from_paragraph_and_character_styles()
    {
        var styles = new Styles(
            new Style(new StyleName { Val = "Changed base" }, new StyleRunProperties(new Underline { Val = UnderlineValues.Single }))
            { Type = StyleValues.Paragraph, StyleId = "ChangedBase" },
            new Style(new StyleName { Val = "Changed" }, new BasedOn { Val = "ChangedBase" }, new StyleRunProperties(new Bold()))
            { Type = StyleValues.Paragraph, StyleId = "Changed" },
            new Style(new StyleName { Val = "Plain char" }, new StyleRunProperties(new Underline { Val = UnderlineValues.None }, new Bold { Val = false }))
            { Type = StyleValues.Character, StyleId = "PlainChar" });
        var layout = Read(Build(body => body.Append(
            new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Changed" }),
                Run("変更箇所"),
                Run("元のまま", new RunStyle { Val = "PlainChar" })),
            Para("普通")), styles: styles));
        var blocks = layout.Blocks.Cast<ParagraphBlock>().ToArray();
        Assert.Equal(new StyledSpan(0, 4, TextStyle.Bold | TextStyle.Underline), Assert.Single(blocks[0].Text.Spans));
        Assert.Empty(blocks[1].Text.Spans);
    }

    [Fact]
    public void A_paragraph_naming_no_style_takes_the_default_paragraph_style()
    {
        var styles = new Styles(
            new Style(new StyleName { Val = "Normal" }, new StyleRunProperties(new Bold())) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Plain" }) { Type = StyleValues.Paragraph, StyleId = "Plain" });
        var layout = Read(Build(body => body.Append(
            Para("既定"),
            new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Plain" }), Run("指定"))), styles: styles));
        var blocks = layout.Blocks.Cast<ParagraphBlock>().ToArray();
        Assert.Equal(new StyledSpan(0, 2, TextStyle.Bold), Assert.Single(blocks[0].Text.Spans));
        Assert.Empty(blocks[1].Text.Spans);
    }

    [Fact]
    public void Style_cycles_do_not_hang()
    {
        var styles = new Styles(
            new Style(new BasedOn { Val = "B" }, new StyleRunProperties()) { Type = StyleValues.Paragraph, StyleId = "A" },
            new Style(new BasedOn { Val = "A" }, new StyleRunProperties()) { Type = StyleValues.Paragraph, StyleId = "B" });
        var layout = Read(Build(body => body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "A" }), Run("本文"))), styles: styles));
        Assert.Equal("本文", Assert.IsType<ParagraphBlock>(layout.Blocks.Single()).Text.Text);
    }

    [Fact]
    public void Content_controls_around_blocks_rows_and_cells_are_read()
    {
        var layout = Read(Build(body => body.Append(
            new SdtBlock(new SdtProperties(), new SdtContentBlock(Para("件名の前書き"))),
            Table(
                new SdtRow(new SdtProperties(), new SdtContentRow(Row(Cell("保有課"), Cell("戸籍住民課")))),
                Row(Cell("結合の相手方"), new SdtCell(new SdtProperties(), new SdtContentCell(Cell("地方公共団体情報システム機構"))))),
            Para(new SdtRun(new SdtProperties(), new SdtContentRun(Run("控えの文")))))));
        var blocks = layout.Blocks.ToArray();
        Assert.Equal("件名の前書き", Assert.IsType<ParagraphBlock>(blocks[0]).Text.Text);
        var table = Assert.IsType<LTable>(blocks[1]);
        Assert.Equal(["保有課", "戸籍住民課"], table.Rows[0].Cells.Select(c => c.Text.Text));
        Assert.Equal(["結合の相手方", "地方公共団体情報システム機構"], table.Rows[1].Cells.Select(c => c.Text.Text));
        Assert.Equal("控えの文", Assert.IsType<ParagraphBlock>(blocks[2]).Text.Text);
    }

    [Fact]
    public void Deleted_text_and_field_codes_are_not_text_but_inserted_text_is()
    {
        var layout = Read(Build(body => body.Append(Para(
            Run("令和"),
            new DeletedRun(new Run(new DeletedText("元"))),
            new InsertedRun(Run("2")),
            new Run(new FieldCode(" PAGE ")),
            Run("年")))));
        Assert.Equal("令和2年", Assert.IsType<ParagraphBlock>(layout.Blocks.Single()).Text.Text);
    }

    [Fact]
    public void Headers_and_footers_are_furniture_not_content()
    {
        var layout = Read(Build(body => body.Append(Para("本文")), main =>
        {
            var header = main.AddNewPart<DocumentFormat.OpenXml.Packaging.HeaderPart>();
            header.Header = new Header(Para("資料15"));
            var footer = main.AddNewPart<DocumentFormat.OpenXml.Packaging.FooterPart>();
            footer.Footer = new Footer(Para("- 1 -"));
        }));
        var page = Assert.Single(layout.Pages);
        Assert.Equal("本文", Assert.IsType<ParagraphBlock>(page.Blocks.Single()).Text.Text);
        Assert.Equal(["資料15", "- 1 -"], page.Furniture.Select(f => f.Text));
    }

    [Fact]
    public void Heading_styles_give_heading_levels()
    {
        var styles = new Styles(new Style(new StyleName { Val = "heading 2" }) { Type = StyleValues.Paragraph, StyleId = "H2" });
        var layout = Read(Build(body => body.Append(
            new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "H2" }), Run("事業の概要")), Para("本文")), styles: styles));
        Assert.Equal([2, 0], layout.Blocks.Cast<ParagraphBlock>().Select(p => p.HeadingLevel));
    }

    [Fact]
    public void Sniffs_zip_with_word_parts_and_not_other_zips()
    {
        var reader = new DocxDocumentReader();
        var docx = Build(body => body.Append(Para("本文")));
        Assert.True(reader.CanRead(docx, "renamed.bin"));
        using (var sheet = new MemoryStream())
        {
            using (var zip = new System.IO.Compression.ZipArchive(sheet, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            using (var entry = zip.CreateEntry("xl/workbook.xml").Open())
                entry.Write("<workbook/>"u8);
            Assert.False(reader.CanRead(sheet.ToArray(), "book.zip"));
        }
        Assert.False(reader.CanRead("%PDF-1.7"u8, "x.docx"));
        Assert.False(reader.CanRead("件名\t外部結合"u8, "x.docx"));
    }

    [Fact]
    public void The_committed_fixture_keeps_changed_fields_underlined_and_bold()
    {
        var bytes = File.ReadAllBytes(CrossFormat.Fixtures.File("000_27b38dcfd5b05b45.docx"));
        var layout = Read(bytes);
        var marked = layout.Blocks.OfType<LTable>().SelectMany(t => t.Rows)
            .Where(r => r.Cells.Count == 2 && r.Cells[1].Text.HasMarkedText)
            .Select(r => r.Cells[0].Text.Text).ToArray();
        Assert.Contains("結合の相手方", marked);
        Assert.DoesNotContain("保有課", marked);
    }
}
