using Ingest.Readers.Pdf;
using Ingest.Readers.Tests.CrossFormat;
using UglyToad.PdfPig;

namespace Ingest.Readers.Tests.Pdf;

/// <summary>
/// Chromium's PDFs of IPAex text name Kangxi and supplement radicals for ordinary kanji (⼾籍住⺠課); the reader gives
/// back the kanji the page shows, in its Japanese form (戸, not NFKC's 戶).
/// </summary>
public sealed class JapaneseGlyphFormsTests
{
    /// <summary>Every radical the committed Chromium fixtures carry in their text, and the kanji each fixture shows.</summary>
    [Theory]
    [InlineData("⺠", "民")]
    [InlineData("⻑", "長")]
    [InlineData("⼀", "一")]
    [InlineData("⼈", "人")]
    [InlineData("⼊", "入")]
    [InlineData("⼒", "力")]
    [InlineData("⼗", "十")]
    [InlineData("⼜", "又")]
    [InlineData("⼝", "口")]
    [InlineData("⼟", "土")]
    [InlineData("⼤", "大")]
    [InlineData("⼦", "子")]
    [InlineData("⼭", "山")]
    [InlineData("⼾", "戸")] // Unicode's equivalent is the traditional 戶
    [InlineData("⼿", "手")]
    [InlineData("⽀", "支")]
    [InlineData("⽂", "文")]
    [InlineData("⽅", "方")]
    [InlineData("⽇", "日")]
    [InlineData("⽉", "月")]
    [InlineData("⽊", "木")]
    [InlineData("⽌", "止")]
    [InlineData("⽒", "氏")]
    [InlineData("⽔", "水")]
    [InlineData("⽕", "火")]
    [InlineData("⽣", "生")]
    [InlineData("⽤", "用")]
    [InlineData("⽥", "田")]
    [InlineData("⽬", "目")]
    [InlineData("⽰", "示")]
    [InlineData("⽴", "立")]
    [InlineData("⾂", "臣")]
    [InlineData("⾃", "自")]
    [InlineData("⾏", "行")]
    [InlineData("⾔", "言")]
    [InlineData("⾦", "金")]
    [InlineData("⾨", "門")]
    [InlineData("⾯", "面")]
    [InlineData("⾼", "高")]
    [InlineData("⿊", "黒")] // Unicode's equivalent is the traditional 黑
    public void Radical_in_a_chromium_fixture_comes_back_as_the_kanji_on_the_page(string radical, string kanji)
    {
        Assert.True(ReadAsRadicals.Value.TryGetValue(radical, out var read), $"no Chromium fixture carries {radical}: the fixtures no longer exercise it");
        Assert.All(read, text => Assert.Equal(kanji, text));
    }

    /// <summary>For each radical in the Chromium fixtures' raw text (PdfPig's letters), what the reader made of each occurrence.</summary>
    private static readonly Lazy<Dictionary<string, List<string>>> ReadAsRadicals = new(() =>
    {
        var read = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Fixtures.Folder, "*.chromium*.pdf").Order(StringComparer.Ordinal))
        {
            using var document = PdfDocument.Open(file);
            var forms = new JapaneseGlyphForms(document.Structure);
            foreach (var page in document.GetPages())
            {
                var raw = page.Letters.Where(l => l.Value.Length == 1 && Core.Normalisation.RadicalForms.IsRadical(l.Value[0])).ToArray();
                if (raw.Length == 0)
                    continue;
                var glyphs = PageLayoutBuilder.Glyphs(page, int.MaxValue, forms);
                foreach (var letter in raw)
                {
                    var glyph = glyphs.Single(g => Math.Abs(g.Baseline - letter.StartBaseLine.Y) < 0.01 && Math.Abs(g.Left - letter.StartBaseLine.X) < 0.01);
                    if (!read.TryGetValue(letter.Value, out var list))
                        read[letter.Value] = list = [];
                    list.Add(glyph.Text);
                }
            }
        }
        return read;
    });

    [Fact]
    public void The_embedded_font_maps_the_door_radical_to_the_glyph_of_the_japanese_form()
    {
        using var document = PdfDocument.Open(Fixtures.File("000_27b38dcfd5b05b45.chromium-a4-10mm.pdf"));
        var page = document.GetPage(1);
        var letter = page.Letters.First(l => l.Value == "⼾");
        var cmap = new JapaneseGlyphForms(document.Structure).FontCmap(letter.FontName!, page);
        Assert.NotNull(cmap);
        Assert.True(cmap.TryGetGlyphIndex(0x2F3E, out var door) && cmap.TryGetGlyphIndex(0x6238, out var japanese) && door == japanese);
        Assert.Equal(0x6238, JapaneseGlyphForms.FromFontCmap(0x2F3E, c => cmap.TryGetGlyphIndex(c, out var g) ? g : 0));
    }

    [Fact]
    public void A_font_that_draws_the_traditional_form_is_believed_over_the_table()
    {
        // A font mapping ⼾ to the glyph of 戶 (and 戸 to another glyph) draws 戶: the page says 戶.
        var cmap = Cmap((0x2F3E, 7), (0x6236, 7), (0x6238, 8));
        Assert.Equal(0x6236, JapaneseGlyphForms.FromFontCmap(0x2F3E, cmap));
        // The Japanese form wins where the font maps both to the radical's glyph, and no font answer means the table decides.
        Assert.Equal(0x6238, JapaneseGlyphForms.FromFontCmap(0x2F3E, Cmap((0x2F3E, 7), (0x6236, 7), (0x6238, 7))));
        Assert.Null(JapaneseGlyphForms.FromFontCmap(0x2F3E, Cmap((0x6238, 8))));
        Assert.Null(JapaneseGlyphForms.FromFontCmap(0x2F3E, null));
    }

    [Fact]
    public void Department_and_partner_of_a_chromium_pdf_equal_the_text_version_exactly()
    {
        var source = Fixtures.Sources().Single(s => s.Stem == "000_27b38dcfd5b05b45").Source;
        var text = Fixtures.Pipeline.ExtractFile(source).Submissions.Single();
        Assert.Equal("地域振興部戸籍住民課", text.Department);
        foreach (var suffix in Fixtures.Suffixes("000_27b38dcfd5b05b45").Where(s => s.StartsWith(".chromium", StringComparison.Ordinal)))
        {
            var pdf = Fixtures.Pipeline.ExtractFile(Fixtures.File("000_27b38dcfd5b05b45" + suffix)).Submissions.Single();
            Assert.Equal(text.Department, pdf.Department, StringComparer.Ordinal);
            Assert.Equal(text.Sheets[0].Fields["保有課"], pdf.Sheets[0].Fields["保有課"], StringComparer.Ordinal);
            Assert.Equal(text.Sheets[0].Partners, pdf.Sheets[0].Partners, StringComparer.Ordinal);
        }
    }

    [Fact]
    public void A_partner_written_with_the_black_radical_equals_the_text_version_exactly()
    {
        var source = Fixtures.Sources().Single(s => s.Stem == "kuromatsu_sokuryou_itaku").Source;
        Assert.Equal(["株式会社黒松測量設計"], Fixtures.Pipeline.ExtractFile(source).Submissions.Single().Sheets.Single().Partners);
        foreach (var suffix in Fixtures.Suffixes("kuromatsu_sokuryou_itaku").Where(s => s.StartsWith(".chromium-", StringComparison.Ordinal)))
        {
            var pdf = Fixtures.Pipeline.ExtractFile(Fixtures.File("kuromatsu_sokuryou_itaku" + suffix)).Submissions.Single();
            Assert.Equal(["株式会社黒松測量設計"], pdf.Sheets.Single().Partners); // 黒 U+9ED2, not 黑 U+9ED1
            Assert.Equal("みどり土木部道路課", pdf.Department);
        }
    }

    private static Func<int, int> Cmap(params (int Code, int Glyph)[] pairs)
    {
        var map = pairs.ToDictionary(p => p.Code, p => p.Glyph);
        return c => map.GetValueOrDefault(c);
    }
}
