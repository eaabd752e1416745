using System.Text;
using Ingest.Core.Layout;
using Ingest.Generator.Forms;
using Ingest.Readers.Pdf;
using UglyToad.PdfPig;

namespace Ingest.Import.Tests;

/// <summary>The hand-written PDF opens in PdfPig, lays text out where its widths say, and reads back through our PDF reader.</summary>
public sealed class PdfFixtureWriterTests
{
    private static readonly FixtureBlock[] Sample =
    [
        new FixtureParagraph("資料12", Right: true),
        new FixtureParagraph("情報公開・個人情報保護審議会 諮問・報告事項", Heading: true),
        new FixtureParagraph("𠮷野家の LGWAN 回線"),
        new FixtureTable(
        [
            [new FixtureCell("結合の相手方"), new FixtureCell("J-LIS 専用回線", Marked: true)],
            [new FixtureCell("結合の形態"), new FixtureCell("LGWAN回線により通信を行う。")],
        ], [0.28, 0.72]),
        new FixtureTable(
        [
            [new FixtureCell("区が行う対策", RowSpan: 2), new FixtureCell("○"), new FixtureCell("通信内容は暗号化する。")],
            [new FixtureCell(string.Empty, Covered: true), new FixtureCell("－"), new FixtureCell("ログを取得する。")],
        ], [0.22, 0.08, 0.70]),
        new FixtureParagraph("第二部", Heading: true, PageBreakBefore: true),
        new FixtureParagraph("以上"),
    ];

    private static LayoutDocument Read(byte[] pdf)
    {
        var result = new PdfDocumentReader().Read(pdf, "fixture.pdf");
        Assert.True(result.Succeeded, result.Error);
        return result.Value!;
    }

    [Fact]
    public void The_same_blocks_give_the_same_bytes()
    {
        var first = PdfFixtureWriter.Render(Sample);
        Assert.Equal(first, PdfFixtureWriter.Render(Sample));
        Assert.StartsWith("%PDF-1.7\n", Encoding.ASCII.GetString(first, 0, 9));
        Assert.EndsWith("%%EOF\n", Encoding.ASCII.GetString(first));
    }

    [Fact]
    public void PdfPig_opens_a4_pages_and_recovers_letters_widths_and_the_bold_font()
    {
        // Strict parsing: the cross-reference offsets, stream lengths and object syntax must all be right.
        using var document = PdfDocument.Open(PdfFixtureWriter.Render(Sample), new ParsingOptions { UseLenientParsing = false });
        Assert.Equal(2, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.Equal((595, 842), (page.Width, page.Height));
        var text = string.Concat(page.Letters.Select(l => l.Value));
        Assert.Contains("資料12", text);
        Assert.Contains("𠮷野家の LGWAN 回線", text); // a letter beyond the BMP comes back through the ToUnicode map
        Assert.Contains("通信内容は暗号化する。", text);

        // Advances follow /W, which holds the embedded font's own widths: proportional Latin, full width Japanese, at 10.5 pt.
        static double Advance(UglyToad.PdfPig.Content.Letter l) => l.EndBaseLine.X - l.StartBaseLine.X;
        Assert.Equal(PdfTextMetrics.Advance(new Rune('L')) * 10.5 / 1000, Advance(page.Letters.First(l => l.Value == "L")), 2);
        Assert.True(Advance(page.Letters.First(l => l.Value == "L")) < Advance(page.Letters.First(l => l.Value == "W")));
        Assert.Equal(10.5, Advance(page.Letters.First(l => l.Value == "野")), 2);
        Assert.Equal(10.5, Advance(page.Letters.First(l => l.Value == "𠮷")), 2);

        // The right-aligned line ends at the right margin (20 mm).
        var number = page.Letters.Where(l => "資料12".Contains(l.Value, StringComparison.Ordinal)).ToArray();
        Assert.Equal(595 - 20 / 25.4 * 72, number.Max(l => l.EndBaseLine.X), 1);

        var marked = page.Letters.Where(l => l.Value == "専").ToArray();
        Assert.Contains("Bold", Assert.Single(marked).FontName);
        Assert.DoesNotContain("Bold", page.Letters.First(l => l.Value == "形").FontName);

        var second = string.Concat(document.GetPage(2).Letters.Select(l => l.Value));
        Assert.Equal("第二部以上", second);
    }

    [Fact]
    public void Our_reader_finds_the_tables_the_merged_cell_and_the_marked_field()
    {
        var document = Read(PdfFixtureWriter.Render(Sample));
        Assert.Equal(2, document.Pages.Count);
        var tables = document.Pages[0].Blocks.OfType<TableBlock>().ToArray();
        Assert.Equal(2, tables.Length);

        var field = tables[0].Rows[0].Cells[1].Text;
        Assert.Equal("J-LIS 専用回線", field.Text);
        Assert.True(field.HasMarkedText);
        Assert.All(field.Spans.Where(s => field.Text.Substring(s.Start, s.Length).Trim().Length > 0),
            s => Assert.Equal(TextStyle.Bold | TextStyle.Underline, s.Style));
        Assert.False(tables[0].Rows[1].Cells[1].Text.HasMarkedText);

        Assert.Equal(["区が行う対策", "○", "通信内容は暗号化する。"], tables[1].Rows[0].Cells.Select(c => c.Text.Text));
        Assert.Equal(2, tables[1].Rows[0].Cells[0].RowSpan);
        Assert.Equal(["－", "ログを取得する。"], tables[1].Rows[1].Cells.Select(c => c.Text.Text));

        var first = document.Pages[1].Blocks.OfType<ParagraphBlock>().First();
        Assert.StartsWith("第二部", first.Text.Text);
    }

    [Fact]
    public void A_long_table_goes_on_over_pages_and_a_cell_taller_than_a_page_loses_no_text()
    {
        var rows = Enumerable.Range(1, 80)
            .Select(i => (IReadOnlyList<FixtureCell>)[new FixtureCell($"項目{i}"), new FixtureCell($"値{i}は委託先において適切に管理する。")])
            .ToList();
        var document = Read(PdfFixtureWriter.Render([new FixtureTable(rows, [0.28, 0.72])]));
        Assert.Equal(2, document.Pages.Count);
        var table = Assert.IsType<TableBlock>(Assert.Single(document.Pages.SelectMany(p => p.Blocks)));
        Assert.Equal(80, table.Rows.Count);
        Assert.Equal(rows.Select(r => r[1].Text), table.Rows.Select(r => r.Cells[1].Text.Text));

        var tall = string.Concat(Enumerable.Repeat("個人情報の取扱いに関する特記事項を遵守する。", 150));
        var pdf = PdfFixtureWriter.Render([new FixtureTable([[new FixtureCell("特記事項"), new FixtureCell(tall)]], [0.28, 0.72])]);
        using var raw = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = false });
        Assert.True(raw.NumberOfPages >= 3);
        var letters = string.Concat(raw.GetPages().SelectMany(p => p.Letters).Select(l => l.Value));
        Assert.Equal("特記事項" + tall, letters);
        // The reader folds the row's pieces back into one row (its cells ran to the edge at each break).
        var folded = Assert.IsType<TableBlock>(Assert.Single(Read(pdf).Pages.SelectMany(p => p.Blocks)));
        Assert.Equal(["特記事項", tall], Assert.Single(folded.Rows).Cells.Select(c => c.Text.Text));
    }

    [Theory]
    [InlineData("あいうえお。かきくけこ", 5, new[] { "あいうえ", "お。かきく", "けこ" })] // 。 may not start a line: お goes down with it
    [InlineData("通信は LGWAN 回線", 4, new[] { "通信は ", "LGWAN ", "回線" })]        // a Latin word is not split; the space hangs
    [InlineData("（担当）課", 3, new[] { "（担", "当）課" })]                              // （ may not end a line, ） may not start one
    [InlineData("人出生:2,300", 5, new[] { "人出", "生:2,300" })]                      // a number after a colon is not cut: 生 goes down with it
    [InlineData("", 5, new[] { "" })]
    public void Lines_break_between_japanese_letters_at_spaces_and_by_kinsoku(string text, double ems, string[] expected) =>
        Assert.Equal(expected, PdfLineBreaker.Break(text, ems * 10, 10));
}
