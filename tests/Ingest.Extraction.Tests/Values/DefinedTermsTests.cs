using Ingest.Core.Normalisation;
using Ingest.Extraction.Values;

namespace Ingest.Extraction.Tests.Values;

public sealed class DefinedTermsTests
{
    [Theory]
    [InlineData("目的 地方公共団体情報システム機構（以下「機構」という。）に委任して行わせている", "機構", "地方公共団体情報システム機構")]
    [InlineData("委任先 地方公共団体情報システム機構(以下「機構」という。)", "機構", "地方公共団体情報システム機構")]
    [InlineData("インターネットを経由して地方公共団体情報システム機構（以下「J-LIS」という。）の専用サイト", "J-LIS", "地方公共団体情報システム機構")]
    [InlineData("職員がインターネットを経由して地方公共団体情報システム機構（以\n\n下「J-LIS）という。）の専用サイト", "J-LIS", "地方公共団体情報システム機構")]
    [InlineData("住民基本台帳法（以下「住基法」という。）、出入国管理及び難民認定法（以下「入管法」という。）", "入管法", "出入国管理及び難民認定法")]
    [InlineData("住民基本台帳法（以下「住基法」という。）", "住基法", "住民基本台帳法")]
    [InlineData("法務省の外局として「出入国在留管理庁」（以下「入管庁」という。）が新設され", "入管庁", "出入国在留管理庁")]
    [InlineData("東京都（以下、「都」という。）", "都", "東京都")]
    [InlineData("株式会社ＡＢＣ（以下単に「受託者」という。）", "受託者", "株式会社ABC")]
    [InlineData("特別区人事・厚生事務組合（以下「組合」という。）", "組合", "特別区人事・厚生事務組合")]
    public void Definitions_are_found(string text, string term, string meaning)
    {
        var terms = DefinedTerms.Find(text);
        Assert.Equal(meaning, terms.Resolve(term));
        Assert.Equal(meaning, DefinedTerms.Find(TextNormaliser.Clean(text)).Resolve(term));
    }

    [Fact]
    public void Terms_resolve_whatever_their_width_or_spacing()
    {
        var terms = DefinedTerms.Find("地方公共団体情報システム機構（以下「J-LIS」という。）");
        Assert.Equal("地方公共団体情報システム機構", terms.Resolve("Ｊ－ＬＩＳ"));
        Assert.Equal("地方公共団体情報システム機構", terms.Resolve(" J-LIS "));
    }

    [Fact]
    public void Undefined_terms_resolve_to_nothing()
    {
        var terms = DefinedTerms.Find("地方公共団体情報システム機構に委任する。機構は…");
        Assert.Null(terms.Resolve("機構"));
        Assert.Empty(terms.All);
        Assert.Null(DefinedTerms.Empty.Resolve("機構"));
    }

    [Fact]
    public void The_first_definition_of_a_term_wins()
    {
        var terms = DefinedTerms.Find("地方公共団体情報システム機構（以下「機構」という。）…独立行政法人情報処理推進機構（以下「機構」という。）");
        Assert.Equal("地方公共団体情報システム機構", terms.Resolve("機構"));
        Assert.Single(terms.All);
    }

    [Fact]
    public void A_short_label_line_is_not_taken_into_the_name()
    {
        var terms = DefinedTerms.Find("委任先\n地方公共団体情報システム機構(以下「機構」という。)");
        Assert.Equal("地方公共団体情報システム機構", terms.Resolve("機構"));
    }

    [Fact]
    public void A_name_wrapped_in_a_long_line_of_running_text_is_joined()
    {
        var terms = DefinedTerms.Find("申請情報をインターネット経由で送信するため、区は地方公共団体情報\nシステム機構（以下「機構」という。）と結合する");
        Assert.Equal("地方公共団体情報システム機構", terms.Resolve("機構"));
    }

    [Fact]
    public void Seed_documents_define_their_short_names()
    {
        var seed003 = DefinedTerms.Find(File.ReadAllText(TestFiles.Seed("003")));
        Assert.Equal("地方公共団体情報システム機構", seed003.Resolve("機構"));
        Assert.Equal("平成26年総務省令第85号", seed003.Resolve("番号法総務省令"));
        var seed001 = DefinedTerms.Find(File.ReadAllText(TestFiles.Seed("001")));
        Assert.Equal("住民基本台帳法", seed001.Resolve("住基法"));
        var seed002 = DefinedTerms.Find(File.ReadAllText(TestFiles.Seed("002")));
        Assert.Equal("地方公共団体情報システム機構", seed002.Resolve("J-LIS"));
    }
}
