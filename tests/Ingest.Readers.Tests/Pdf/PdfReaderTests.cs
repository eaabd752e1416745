using Ingest.Core.Layout;
using Ingest.Readers.Pdf;
using UglyToad.PdfPig.Core;

namespace Ingest.Readers.Tests.Pdf;

/// <summary>The PDF reader on drawn test pages: ruled tables with spans, tables without rules, wrapping, underlines, furniture, scans.</summary>
public sealed class PdfReaderTests
{
    private static LayoutDocument Read(byte[] bytes, PdfReaderOptions? options = null)
    {
        var result = new PdfDocumentReader(options).Read(bytes, "test.pdf");
        Assert.True(result.Succeeded, result.Error);
        return result.Value!;
    }

    [Fact]
    public void Ruled_grid_with_merged_cells_gives_spans_without_repeats()
    {
        using var pdf = new PdfBuilder();
        var page = pdf.Page();
        // Row 1: one cell across three columns. Rows 2-3: a left cell over both rows, then two cells each.
        double[] xs = [50, 150, 250, 350];
        double[] ys = [700, 680, 660, 640];
        PdfBuilder.Line(page, xs[0], ys[0], xs[3], ys[0]);
        PdfBuilder.Line(page, xs[0], ys[1], xs[3], ys[1]);
        PdfBuilder.Line(page, xs[1], ys[2], xs[3], ys[2]); // no rule under the left cell: it spans rows 2-3
        PdfBuilder.Line(page, xs[0], ys[3], xs[3], ys[3]);
        PdfBuilder.Line(page, xs[0], ys[0], xs[0], ys[3]);
        PdfBuilder.Line(page, xs[3], ys[0], xs[3], ys[3]);
        PdfBuilder.Line(page, xs[1], ys[1], xs[1], ys[3]); // no inner rules in row 1: it spans three columns
        PdfBuilder.Line(page, xs[2], ys[1], xs[2], ys[3]);
        pdf.Text(page, "Checklist", 55, 686);
        pdf.Text(page, "Ward", 55, 666);
        pdf.Text(page, "o", 155, 666);
        pdf.Text(page, "Encrypt traffic", 255, 666);
        pdf.Text(page, "-", 155, 646);
        pdf.Text(page, "Limit systems", 255, 646);

        var table = Assert.IsType<TableBlock>(Read(pdf.Build()).Blocks.Single());
        Assert.Equal(3, table.Rows.Count);
        var heading = Assert.Single(table.Rows[0].Cells);
        Assert.Equal(("Checklist", 3, 1), (heading.Text.Text, heading.ColumnSpan, heading.RowSpan));
        Assert.Equal(["Ward", "o", "Encrypt traffic"], table.Rows[1].Cells.Select(c => c.Text.Text));
        Assert.Equal(2, table.Rows[1].Cells[0].RowSpan);
        Assert.Equal(["-", "Limit systems"], table.Rows[2].Cells.Select(c => c.Text.Text));
    }

    [Fact]
    public void Lines_wrapped_by_the_cell_width_join_with_one_space_and_new_paragraphs_break()
    {
        using var pdf = new PdfBuilder();
        var page = pdf.Page();
        PdfBuilder.Grid(page, [50, 120, 300], [700, 600]);
        pdf.Text(page, "Purpose", 55, 688);
        // The cell's text box is 180 pt wide with 5 pt padding: "encrypted" would not fit after line 1, so line 1 was wrapped.
        var first = "Traffic goes over a dedicated line and is";
        Assert.True(pdf.Width(page, first) + pdf.Width(page, " encrypted") > 170, "the test line must be full");
        pdf.Text(page, first, 125, 688);
        pdf.Text(page, "encrypted end to end.", 125, 676);
        pdf.Text(page, "Logs are kept.", 125, 664);

        var table = Assert.IsType<TableBlock>(Read(pdf.Build()).Blocks.Single());
        Assert.Equal("Traffic goes over a dedicated line and is encrypted end to end.\nLogs are kept.", table.Rows[0].Cells[1].Text.Text);
    }

    [Fact]
    public void Japanese_lines_wrapped_by_the_width_join_without_a_space()
    {
        // Full-width letters 10 pt wide, two lines in a 100 pt box: the first is full, so the second continues it.
        static TextLine Line(string text, double y) =>
            new(text.Select((c, i) => new Glyph(c.ToString(), 10 + 10 * i, 20 + 10 * i, y, 10, TextStyle.None)).ToArray());
        var joined = TextLine.Join([Line("出入国在留管理庁長官", 100), Line("から提供される", 88), Line("１　対象者", 76)], 110);
        Assert.Equal("出入国在留管理庁長官から提供される\n１ 対象者", joined.Text);
    }

    [Fact]
    public void Stray_space_glyphs_over_letters_are_not_spaces_and_a_space_drawn_at_a_wrap_is_kept()
    {
        // LibreOffice draws zero-advance spaces over synthetic-bold letters; a real space sits in a gap or after the last letter.
        var glyphs = new List<Glyph>();
        var x = 10.0;
        foreach (var c in "法律第")
        {
            glyphs.Add(new Glyph(c.ToString(), x, x + 10, 100, 10, TextStyle.Bold));
            glyphs.Add(new Glyph(" ", x + 5, x + 10, 100, 10, TextStyle.Bold));
            x += 10;
        }
        var line = new TextLine(glyphs.OrderBy(g => g.Left).ToArray());
        Assert.Equal("法律第", line.Text.Text);
        Assert.False(line.EndsWithSpace);

        var wrapped = new TextLine([new Glyph("月", 10, 20, 100, 10, TextStyle.None), new Glyph("1", 20, 25, 100, 10, TextStyle.None), new Glyph(" ", 25, 30, 100, 10, TextStyle.None)]);
        Assert.True(wrapped.EndsWithSpace);
        var next = new TextLine([new Glyph("日", 10, 20, 88, 10, TextStyle.None)]);
        Assert.Equal("月1 日", TextLine.Join([wrapped, next], 30).Text);
    }

    [Fact]
    public void A_table_without_rules_is_recovered_from_word_positions()
    {
        using var pdf = new PdfBuilder();
        var page = pdf.Page();
        pdf.Text(page, "Section", 50, 700);
        pdf.Text(page, "Family Register Division", 200, 700);
        pdf.Text(page, "Partner", 50, 686);
        pdf.Text(page, "Immigration Services Agency", 200, 686);
        pdf.Text(page, "and the Local Authority Systems body", 200, 672);
        pdf.Text(page, "Reason", 50, 658);
        pdf.Text(page, "Statutory notice", 200, 658);

        var table = Assert.IsType<TableBlock>(Read(pdf.Build()).Blocks.Single());
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal("Section", table.Rows[0].Cells[0].Text.Text);
        Assert.Equal("Immigration Services Agency\nand the Local Authority Systems body", table.Rows[1].Cells[1].Text.Text);
        Assert.Equal(["Reason", "Statutory notice"], table.Rows[2].Cells.Select(c => c.Text.Text));
    }

    [Fact]
    public void A_right_aligned_line_is_not_wrapped_into_the_line_under_it()
    {
        // A document number set flush right in the body, then a heading at the left margin: the number reaches the
        // right edge, but a line that starts that far right is not the first line of a wrapped paragraph.
        using var pdf = new PdfBuilder();
        var page = pdf.Page();
        pdf.Text(page, "Doc 12", 500 - pdf.Width(page, "Doc 12"), 700);
        pdf.Text(page, "Council agenda", 50, 686);
        pdf.Text(page, "Item one", 50, 672);

        var paragraph = Assert.IsType<ParagraphBlock>(Read(pdf.Build()).Blocks.Single());
        Assert.Equal("Doc 12\nCouncil agenda\nItem one", paragraph.Text.Text);
    }

    [Fact]
    public void The_line_after_the_longest_line_of_a_page_is_not_its_continuation_when_the_column_is_wider()
    {
        // A cover page: nothing reaches the right margin (545 pt, mirroring the 50 pt left margin) and the longest line
        // is a one-line paragraph; the department line under it starts a paragraph of its own.
        using var pdf = new PdfBuilder();
        var page = pdf.Page();
        pdf.Text(page, "Council agenda", 50, 700);
        pdf.Text(page, "Article 17 (linking computers as a law provides)", 50, 686);
        pdf.Text(page, "(Department: Family Register)", 50, 672);

        var paragraph = Assert.IsType<ParagraphBlock>(Read(pdf.Build()).Blocks.Single());
        Assert.Equal("Council agenda\nArticle 17 (linking computers as a law provides)\n(Department: Family Register)", paragraph.Text.Text);
    }

    [Fact]
    public void A_ruled_table_sets_the_column_edge_for_the_paragraphs_above_it()
    {
        // A right margin wider than the left one (the mirrored left margin says nothing), but the table shows the edge.
        using var pdf = new PdfBuilder();
        var page = pdf.Page();
        pdf.Text(page, "Article 17 (linking computers as a law provides)", 30, 700);
        pdf.Text(page, "(Department: Family Register)", 30, 686);
        PdfBuilder.Grid(page, [30, 120, 480], [670, 640]);
        pdf.Text(page, "Purpose", 35, 658);
        pdf.Text(page, "Linking", 125, 658);

        var paragraph = Assert.IsType<ParagraphBlock>(Read(pdf.Build()).Blocks.First());
        Assert.Equal("Article 17 (linking computers as a law provides)\n(Department: Family Register)", paragraph.Text.Text);
    }

    [Fact]
    public void A_first_line_indented_by_one_letter_still_wraps_into_the_next()
    {
        // Japanese paragraphs indent their first line by one letter; the wrapped line under it starts at the margin.
        static TextLine Line(string text, double x, double y) =>
            new(text.Select((c, i) => new Glyph(c.ToString(), x + 10 * i, x + 10 + 10 * i, y, 10, TextStyle.None)).ToArray());
        var joined = TextLine.Join([Line("個人情報を適正に取り扱う", 20, 100), Line("ため必要な措置を講ずる。", 10, 88)], 130);
        Assert.Equal("個人情報を適正に取り扱うため必要な措置を講ずる。", joined.Text);
    }

    [Fact]
    public void A_line_under_text_is_an_underline_but_a_cell_border_is_not()
    {
        using var pdf = new PdfBuilder();
        var page = pdf.Page();
        PdfBuilder.Grid(page, [50, 150, 400], [700, 680, 660]);
        pdf.Text(page, "Partner", 55, 684);
        pdf.Text(page, "Agency ", 155, 684);
        var plain = pdf.Width(page, "Agency ");
        pdf.Text(page, "Commissioner", 155 + plain, 684);
        PdfBuilder.Line(page, 155 + plain, 682.5, 155 + plain + pdf.Width(page, "Commissioner"), 682.5);
        pdf.Text(page, "Section", 55, 664);
        pdf.Text(page, "Residents", 155, 664);

        var table = Assert.IsType<TableBlock>(Read(pdf.Build()).Blocks.Single());
        Assert.Equal(2, table.Rows.Count);
        var cell = table.Rows[0].Cells[1].Text;
        Assert.Equal("Agency Commissioner", cell.Text);
        var span = Assert.Single(cell.Spans);
        Assert.Equal(("Commissioner", TextStyle.Underline), (cell.Text.Substring(span.Start, span.Length), span.Style));
        Assert.Empty(table.Rows[1].Cells[1].Text.Spans);
    }

    [Fact]
    public void Page_numbers_and_running_headers_are_furniture()
    {
        using var pdf = new PdfBuilder();
        for (var n = 1; n <= 3; n++)
        {
            var page = pdf.Page();
            pdf.Text(page, "Privacy Council packet", 400, 815);
            pdf.Text(page, $"Body text of page {n}", 50, 700);
            pdf.Text(page, $"- {n} -", 290, 30);
        }
        var layout = Read(pdf.Build());
        Assert.All(layout.Pages, p =>
        {
            Assert.Equal($"Body text of page {p.Number}", Assert.IsType<ParagraphBlock>(p.Blocks.Single()).Text.Text);
            Assert.Equal(["Privacy Council packet", $"- {p.Number} -"], p.Furniture.Select(f => f.Text));
        });
    }

    [Fact]
    public void A_table_continued_on_the_next_page_is_one_table()
    {
        using var pdf = new PdfBuilder();
        var first = pdf.Page();
        pdf.Text(first, "Before the table", 50, 760);
        PdfBuilder.Grid(first, [50, 150, 400], [120, 100, 80]);
        pdf.Text(first, "Row 1", 55, 105);
        pdf.Text(first, "one", 155, 105);
        pdf.Text(first, "Row 2", 55, 85);
        pdf.Text(first, "two", 155, 85);
        var second = pdf.Page();
        PdfBuilder.Grid(second, [50, 150, 400], [780, 760]);
        pdf.Text(second, "Row 3", 55, 765);
        pdf.Text(second, "three", 155, 765);
        pdf.Text(second, "After the table", 50, 700);

        var layout = Read(pdf.Build());
        var table = Assert.IsType<TableBlock>(layout.Pages[0].Blocks[^1]);
        Assert.Equal(["Row 1", "Row 2", "Row 3"], table.Rows.Select(r => r.Cells[0].Text.Text));
        Assert.Equal("After the table", Assert.IsType<ParagraphBlock>(layout.Pages[1].Blocks.Single()).Text.Text);
    }

    [Fact]
    public void Scanned_pages_are_reported_never_read_as_empty()
    {
        using var pdf = new PdfBuilder();
        pdf.Page().AddPng(PdfBuilder.Png(), new PdfRectangle(0, 0, 595, 842));
        pdf.Page().AddPng(PdfBuilder.Png(), new PdfRectangle(0, 0, 595, 842));
        var result = new PdfDocumentReader(new PdfReaderOptions { Ocr = null }).Read(pdf.Build(), "scan.pdf");
        Assert.False(result.Succeeded);
        Assert.Equal("image-only pages 1–2: no text layer (scanned?)", result.Error);
    }

    [Fact]
    public void A_scanned_page_among_text_pages_is_a_warning()
    {
        using var pdf = new PdfBuilder();
        pdf.Text(pdf.Page(), "Cover text", 50, 700);
        pdf.Page().AddPng(PdfBuilder.Png(), new PdfRectangle(0, 0, 595, 842));
        var result = new PdfDocumentReader().Read(pdf.Build(), "mixed.pdf");
        Assert.True(result.Succeeded, result.Error);
        Assert.Contains(result.Diagnostics, d => d.Message.StartsWith("image-only pages 2:", StringComparison.Ordinal));
    }

    [Fact]
    public void Sniffs_the_pdf_header_even_after_leading_junk()
    {
        var reader = new PdfDocumentReader();
        Assert.True(reader.CanRead("%PDF-1.7\n"u8, "a.docx"));
        Assert.True(reader.CanRead("\r\n\r\n%PDF-1.4"u8, "a.bin"));
        Assert.False(reader.CanRead("PK\x03\x04word/"u8, "a.pdf"));
        Assert.False(reader.CanRead("件名"u8, "a.pdf"));
    }

    [Fact]
    public void Ranges_name_page_runs()
    {
        Assert.Equal("1–3, 5", PdfDocumentReader.Ranges([1, 2, 3, 5]));
        Assert.Equal("7", PdfDocumentReader.Ranges([7]));
    }
}
