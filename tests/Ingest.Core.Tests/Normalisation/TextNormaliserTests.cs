using Ingest.Core.Normalisation;

namespace Ingest.Core.Tests.Normalisation;

public sealed class TextNormaliserTests
{
    [Theory]
    // full-width ASCII, dashes
    [InlineData("Ｊ－ＬＩＳ", "J-LIS")]
    [InlineData("令和６年１２月２日", "令和6年12月2日")]
    [InlineData("（担当課）", "(担当課)")]
    [InlineData("A—B – C ― D − E ‐ F", "A-B - C - D - E - F")]
    // ー: long-vowel mark after kana, dash elsewhere
    [InlineData("資料４０ー１", "資料40-1")]
    [InlineData("資料４０－１", "資料40-1")]
    [InlineData("（資料４０ー１）", "(資料40-1)")]
    [InlineData("「ー」", "「-」")]
    [InlineData("ー", "-")]
    [InlineData("ー 対策", "- 対策")]
    [InlineData("サーバー", "サーバー")]
    [InlineData("コンピューター", "コンピューター")]
    [InlineData("ほーむ", "ほーむ")]
    [InlineData("A ー B", "A - B")]
    [InlineData("LGWANー", "LGWAN-")]
    // PDF fonts put other dashes where the long-vowel mark belongs, between katakana
    [InlineData("サ―バ", "サーバ")]
    [InlineData("コンピュ－タ", "コンピュータ")]
    [InlineData("カード－１", "カード-1")]
    // half-width katakana, dakuten composition
    [InlineData("ﾀﾌﾞﾚｯﾄﾊﾟｿｺﾝ", "タブレットパソコン")]
    [InlineData("ｻｰﾊﾞｰ", "サーバー")]
    [InlineData("カ\u3099イト\u3099", "ガイド")]
    // ligatures, radicals, compatibility ideographs
    [InlineData("㍻31年", "平成31年")]
    [InlineData("㋿6年", "令和6年")]
    [InlineData("⽇本", "日本")]
    [InlineData("⺠間", "民間")]
    [InlineData("⺟子", "母子")]
    [InlineData("\uFA19社", "神社")]
    // circled numbers stay list markers; other enclosed forms follow NFKC
    [InlineData("① 対象 ②以外の者", "① 対象 ②以外の者")]
    [InlineData("㈱エヌ・ティ・ティ", "(株)エヌ・ティ・ティ")]
    // the ○ mark and the kanji zero
    [InlineData("〇", "○")]
    [InlineData("◯", "○")]
    [InlineData("〇 対策を講じる", "○ 対策を講じる")]
    [InlineData("〇一般の利用", "○一般の利用")]
    [InlineData("二〇二四年", "二〇二四年")]
    [InlineData("二〇〇四年", "二〇〇四年")]
    [InlineData("一〇", "一〇")]
    [InlineData("〇四年", "〇四年")]
    [InlineData("○", "○")]
    // whitespace
    [InlineData("a\u3000\u3000b", "a b")]
    [InlineData("a \t\u00A0 b", "a b")]
    [InlineData("a  \r\nb", "a\nb")]
    [InlineData("a\rb", "a\nb")]
    [InlineData("  a  ", "a")]
    [InlineData(" 資料４０ \n 事業名 ", "資料40\n事業名")]
    [InlineData("a\n\nb", "a\n\nb")]
    [InlineData("a\u2028b", "a\nb")]
    // invisible characters
    [InlineData("A\u200BB\uFEFF", "AB")]
    [InlineData("葛\U000E0100城", "葛城")]
    [InlineData("a\u0007b", "ab")]
    [InlineData("", "")]
    public void Clean_applies_the_rules(string source, string expected)
    {
        Assert.Equal(expected, TextNormaliser.Clean(source));
    }

    [Theory]
    [InlineData("Ｊ－ＬＩＳ")]
    [InlineData("資料４０ー１ サーバー ｻｰﾊﾞｰ")]
    [InlineData("〇 二〇二四年 ◯")]
    [InlineData("サ―バ\r\n  コンピュ－タ ")]
    [InlineData("a\u309Bb")]
    public void Clean_is_idempotent(string source)
    {
        var once = TextNormaliser.Clean(source);
        Assert.Equal(once, TextNormaliser.Clean(once));
    }

    [Theory]
    [InlineData("\uFFFE\u0301")]
    [InlineData("件名\uFFFF\u3099値")]
    public void Noncharacters_before_combining_marks_are_kept_not_thrown(string source)
    {
        // Found by fuzzing: string.Normalize throws on U+FFFE and U+FFFF, which a damaged UTF-16 dump can hold.
        Assert.Equal(source, TextNormaliser.Clean(source));
    }

    [Fact]
    public void Line_breaks_fold_to_a_space_when_not_kept()
    {
        var options = new NormaliseOptions { KeepLineBreaks = false };
        Assert.Equal("a b", TextNormaliser.Normalise("a\nb", options).Text);
        Assert.Equal("a b", TextNormaliser.Normalise("a \r\n b", options).Text);
        Assert.Equal("a b", TextNormaliser.Normalise("a\n\n\nb\n", options).Text);
    }

    [Fact]
    public void Old_forms_are_kept_by_clean_and_folded_on_request()
    {
        Assert.Equal("區の窓口を經由", TextNormaliser.Clean("區の窓口を經由"));
        Assert.Equal("区の窓口を経由", TextNormaliser.FoldVariants("區の窓口を經由"));
        Assert.Equal("区の窓口を経由", TextNormaliser.Normalise("區の窓口を經由", new NormaliseOptions { FoldVariants = true }).Text);
    }

    [Theory]
    [InlineData("經", "経")]
    [InlineData("氣", "気")]
    [InlineData("國", "国")]
    [InlineData("學", "学")]
    [InlineData("廣", "広")]
    [InlineData("澤", "沢")]
    [InlineData("邊", "辺")]
    [InlineData("濱", "浜")]
    [InlineData("櫻", "桜")]
    [InlineData("條", "条")]
    [InlineData("圓", "円")]
    [InlineData("區", "区")]
    [InlineData("縣", "県")]
    [InlineData("廳", "庁")]
    [InlineData("髙", "高")]
    [InlineData("電氣的", "電気的")]
    [InlineData("𠮟", "叱")]
    [InlineData("経気国", "経気国")]
    [InlineData("ABC", "ABC")]
    public void FoldVariants_maps_old_forms_to_modern_ones(string text, string expected)
    {
        Assert.Equal(expected, TextNormaliser.FoldVariants(text));
    }

    [Fact]
    public void The_variant_table_holds_a_few_hundred_pairs()
    {
        Assert.InRange(IdeographTables.Variants.Count, 300, 1000);
        // No pair maps a character to itself or into a chain.
        Assert.All(IdeographTables.Variants, p => Assert.NotEqual(p.Key, p.Value));
        Assert.All(IdeographTables.Variants, p => Assert.False(IdeographTables.Variants.ContainsKey(p.Value), $"{char.ConvertFromUtf32(p.Key)}→{char.ConvertFromUtf32(p.Value)} chains"));
    }

    [Fact]
    public void The_radical_table_covers_both_radical_blocks()
    {
        var table = IdeographTables.Equivalents;
        Assert.Equal(0x65E5, table[0x2F47]); // KANGXI RADICAL SUN → 日
        Assert.Equal(0x6C11, table[0x2EA0]); // CJK RADICAL CIVILIAN → 民 (NFKC leaves it alone)
        Assert.True(table.Keys.Count(k => k is >= 0x2E80 and <= 0x2EFF) > 100);
        Assert.True(table.Keys.Count(k => k is >= 0x2F00 and <= 0x2FDF) == 214);
    }

    [Theory]
    [InlineData("（担当課）", "(担当課)")]
    [InlineData("保 有 課【担当課】", "保有課(担当課)")]
    [InlineData("記録される情報項\n目〔だれの〕", "記録される情報項目(だれの)")]
    [InlineData("新規開発・追加・変更の理由", "新規開発・追加・変更の理由")]
    [InlineData("「○」", "「○」")]
    [InlineData("［注］｛a｝《b》〈c〉", "(注)(a)(b)(c)")]
    public void FoldKey_removes_whitespace_and_folds_brackets(string text, string expected)
    {
        Assert.Equal(expected, TextNormaliser.FoldKey(text));
    }
}
