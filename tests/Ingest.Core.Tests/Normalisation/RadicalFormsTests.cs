using Ingest.Core.Normalisation;

namespace Ingest.Core.Tests.Normalisation;

public sealed class RadicalFormsTests
{
    [Theory]
    [InlineData(0x2F3E, 0x6236, 0x6238)] // ⼾ door: Unicode 戶, Japanese fonts draw 戸
    [InlineData(0x2FCA, 0x9ED1, 0x9ED2)] // ⿊ black: Unicode 黑, Japanese fonts draw 黒
    public void Japanese_form_differs_from_unicode_where_japanese_fonts_draw_the_jis_form(int radical, int unicode, int japanese)
    {
        Assert.Equal(unicode, RadicalForms.UnicodeEquivalent(radical));
        Assert.Equal(japanese, RadicalForms.JapaneseForm(radical));
        Assert.Equal([japanese, unicode], RadicalForms.Candidates(radical));
    }

    [Theory]
    [InlineData(0x2F08, 0x4EBA)] // ⼈ 人
    [InlineData(0x2EA0, 0x6C11)] // ⺠ 民 (CJK Radicals Supplement, which NFKC leaves alone)
    [InlineData(0x2ED1, 0x9577)] // ⻑ 長
    [InlineData(0x2EE9, 0x9EC4)] // ⻩ 黄 (the simplified-yellow radical: already the Japanese form)
    public void Elsewhere_the_japanese_form_is_the_unicode_equivalent(int radical, int ideograph)
    {
        Assert.Equal(ideograph, RadicalForms.JapaneseForm(radical));
        Assert.Equal(ideograph, RadicalForms.UnicodeEquivalent(radical));
    }

    [Fact]
    public void Only_the_two_radical_blocks_are_radicals()
    {
        Assert.True(RadicalForms.IsRadical(0x2E80));
        Assert.True(RadicalForms.IsRadical(0x2FD5));
        Assert.False(RadicalForms.IsRadical(0x6238));
        Assert.False(RadicalForms.IsRadical(0x3000));
        Assert.True(RadicalForms.ContainsRadical("住⺠課"));
        Assert.False(RadicalForms.ContainsRadical("住民課"));
        Assert.Null(RadicalForms.JapaneseForm(0x6238));
    }

    [Fact]
    public void Text_normalisation_keeps_unicode_equivalents_so_a_text_file_that_writes_the_old_form_keeps_it()
    {
        // The Japanese preference is for glyphs a font drew (PDF); text that writes 戶, or even the radical ⼾, follows Unicode.
        Assert.Equal("戶籍", TextNormaliser.Clean("戶籍"));
        Assert.Equal("戶籍", TextNormaliser.Clean("⼾籍"));
        Assert.Equal("戸籍", TextNormaliser.Clean("戸籍"));
    }
}
