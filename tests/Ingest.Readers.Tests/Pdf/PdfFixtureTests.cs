using Ingest.Core.Layout;
using Ingest.Readers.Pdf;
using Ingest.Readers.Tests.CrossFormat;

namespace Ingest.Readers.Tests.Pdf;

/// <summary>The PDF reader on the committed LibreOffice and Chromium fixtures (Japanese text in CID fonts).</summary>
public sealed class PdfFixtureTests
{
    private static LayoutDocument Read(string name)
    {
        var result = new PdfDocumentReader().Read(File.ReadAllBytes(Fixtures.File(name)), name);
        Assert.True(result.Succeeded, result.Error);
        return result.Value!;
    }

    private static IEnumerable<TableRow> Rows(LayoutDocument layout) =>
        layout.Blocks.OfType<TableBlock>().SelectMany(t => t.Rows);

    [Theory]
    [InlineData("000_27b38dcfd5b05b45.pdf")]
    [InlineData("001_42351d23f429df37.chromium.pdf")]
    public void Japanese_form_rows_come_back_as_label_and_value_cells(string name)
    {
        var rows = Rows(Read(name)).Where(r => r.Cells.Count == 2)
            .GroupBy(r => r.Cells[0].Text.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Cells[1].Text.Text, StringComparer.Ordinal);
        Assert.Equal("戸籍住民課", rows["保有課"]);
        Assert.Contains("結合の相手方", rows.Keys);
        // Wrapped Japanese lines are joined without stray spaces.
        Assert.DoesNotContain(rows.Values, v => System.Text.RegularExpressions.Regex.IsMatch(v, @"\p{IsCJKUnifiedIdeographs} \p{IsHiragana}"));
    }

    [Fact]
    public void Changed_value_is_underlined_and_bold_in_the_libreoffice_pdf()
    {
        var row = Rows(Read("000_27b38dcfd5b05b45.pdf")).First(r => r.Cells.Count == 2 && r.Cells[0].Text.Text == "結合の相手方");
        var value = row.Cells[1].Text;
        Assert.Equal("出入国在留管理庁及び地方公共団体情報システム機構(J-LIS)", value.Text);
        Assert.Contains(value.Spans, s => s.Style.HasFlag(TextStyle.Underline) && s.Style.HasFlag(TextStyle.Bold) && s.Length >= value.Text.Length - 1);
        var label = row.Cells[0].Text;
        Assert.False(label.HasMarkedText);
    }

    [Fact]
    public void Changed_values_are_underlined_in_the_chromium_pdf()
    {
        // Chromium (Skia) writes the synthetic bold of a font without a bold face as Type 3 fonts of emboldened outlines,
        // with no bold name, weight or stroke rendering mode, so in its PDFs a change is known by its underline alone.
        var rows = Rows(Read("004_5e943b0c469c4a8c.chromium.pdf")).Where(r => r.Cells.Count == 2 && r.Cells[1].Text.HasMarkedText).ToArray();
        var docx = new Ingest.Readers.Docx.DocxDocumentReader().Read(File.ReadAllBytes(Fixtures.File("004_5e943b0c469c4a8c.docx")), "004.docx").Value!;
        var expected = docx.Blocks.OfType<TableBlock>().SelectMany(t => t.Rows)
            .Where(r => r.Cells.Count == 2 && r.Cells[1].Text.HasMarkedText).Select(r => r.Cells[0].Text.Text).ToArray();
        Assert.Equal(["結合される情報項目", "結合の開始時期と期間", "情報保護対策"], expected);
        Assert.Equal(expected, rows.Select(r => r.Cells[0].Text.Text));
        Assert.All(rows, r =>
        {
            var value = r.Cells[1].Text;
            Assert.Contains(value.Spans, s => s.Style.HasFlag(TextStyle.Underline) && s.Length >= value.Text.Length - 1);
        });
    }

    [Fact]
    public void Checklist_party_cell_is_one_merged_cell_not_repeated()
    {
        var checklist = Read("000_27b38dcfd5b05b45.pdf").Blocks.OfType<TableBlock>().First(t => t.Rows.Any(r => r.Cells.Count == 3 && r.Cells[1].Text.Text == "○"));
        var party = checklist.Rows.SelectMany(r => r.Cells).First(c => c.Text.Text.StartsWith("区が行う", StringComparison.Ordinal));
        Assert.True(party.RowSpan >= 5, $"row span {party.RowSpan}");
        Assert.Equal(1, checklist.Rows.SelectMany(r => r.Cells).Count(c => c.Text.Text == party.Text.Text));
    }

    [Fact]
    public void Running_header_and_page_numbers_are_furniture_and_the_document_number_stays()
    {
        var layout = Read("000_27b38dcfd5b05b45.pdf");
        Assert.True(layout.Pages.Count >= 2);
        foreach (var page in layout.Pages)
        {
            Assert.Contains(page.Furniture, f => f.Text == page.Number.ToString());
            Assert.Contains(page.Furniture, f => f.Text.EndsWith(" 資料", StringComparison.Ordinal));
        }
        Assert.Equal("資料15", Assert.IsType<ParagraphBlock>(layout.Pages[0].Blocks[0]).Text.Text);
        Assert.DoesNotContain(layout.Blocks.OfType<ParagraphBlock>(), p => p.Text.Text.EndsWith(" 資料", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("000_27b38dcfd5b05b45.landscape-rotate90.pdf")] // /Rotate 90, the content turned a quarter left
    [InlineData("000_27b38dcfd5b05b45.landscape-sideways.pdf")] // no /Rotate, the content turned a quarter right
    [InlineData("000_27b38dcfd5b05b45.landscape-mediabox.pdf")] // a wide media box
    public void A_sheet_on_a_landscape_page_reads_in_order_with_its_table(string name)
    {
        var layout = Read(name);
        var sheet = layout.Pages[1];
        var heading = Assert.IsType<ParagraphBlock>(sheet.Blocks[0]);
        Assert.Equal("件名 マイナンバーカードと在留カード等の一体化に係る外部結合について", heading.Text.Text);
        var table = Assert.IsType<TableBlock>(sheet.Blocks[1]);
        Assert.Equal(["保有課", "戸籍住民課"], table.Rows[0].Cells.Select(c => c.Text.Text));
        Assert.Equal("情報保護対策", table.Rows[^1].Cells[0].Text.Text);
        Assert.All(table.Rows, r => Assert.Equal(2, r.Cells.Count));
        // The long value wraps across the landscape width, not down the portrait height.
        var reason = table.Rows.Single(r => r.Cells[0].Text.Text == "結合する理由").Cells[1].Text.Text;
        Assert.StartsWith("出入国管理及び難民認定法等の一部を改正する法律", reason);
        Assert.DoesNotContain("\n", reason);
    }
}
