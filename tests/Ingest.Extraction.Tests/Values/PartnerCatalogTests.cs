using Ingest.Extraction.Values;

namespace Ingest.Extraction.Tests.Values;

public sealed class PartnerCatalogTests
{
    [Theory]
    [InlineData("J-LIS", "地方公共団体情報システム機構")]
    [InlineData("Ｊ－ＬＩＳ", "地方公共団体情報システム機構")]
    [InlineData("地方公共団体情報システム機構", "地方公共団体情報システム機構")]
    [InlineData("地方公共団体 情報システム機構", "地方公共団体情報システム機構")]
    [InlineData("LGWAN", "総合行政ネットワーク")]
    [InlineData("ＬＧＷＡＮ回線", "総合行政ネットワーク")]
    [InlineData("住基ネット", "住民基本台帳ネットワークシステム")]
    [InlineData("入管庁", "出入国在留管理庁")]
    [InlineData("マイナンバーカード", "個人番号カード")]
    [InlineData("ぴったり電子申請サービス", "マイナポータルぴったりサービス")]
    [InlineData("出入国在留管理庁長官", "出入国在留管理庁長官")]
    [InlineData("法務大臣", "法務大臣")]
    [InlineData("機構", "機構")]
    [InlineData("株式会社DNP データテクノ", "株式会社DNPデータテクノ")]
    [InlineData("Amazon Web Services", "Amazon Web Services")]
    public void The_default_catalogue_canonicalises_names(string name, string expected)
    {
        Assert.Equal(expected, PartnerCatalog.Default.Canonicalise(name, DefinedTerms.Empty));
    }

    [Fact]
    public void Defined_terms_are_resolved_only_when_the_document_defines_them()
    {
        var terms = DefinedTerms.Find("地方公共団体情報システム機構（以下「機構」という。）");
        Assert.Equal("地方公共団体情報システム機構", PartnerCatalog.Default.Canonicalise("機構", terms));
        Assert.Equal("機構", PartnerCatalog.Default.Canonicalise("機構", DefinedTerms.Empty));
    }

    [Fact]
    public void A_table_is_loaded_from_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"partners-{Guid.NewGuid():N}.tsv");
        try
        {
            File.WriteAllText(path, "# test table\n東京都\t都庁\r\n\n特別区人事・厚生事務組合\t厚生事務組合 # short form\n");
            var catalog = PartnerCatalog.Load(path);
            Assert.Equal(["東京都", "特別区人事・厚生事務組合"], catalog.CanonicalNames);
            Assert.Equal("東京都", catalog.Canonicalise("都庁", DefinedTerms.Empty));
            Assert.Equal("特別区人事・厚生事務組合", catalog.Canonicalise("厚生事務組合", DefinedTerms.Empty));
            Assert.Equal("J-LIS", catalog.Canonicalise("J-LIS", DefinedTerms.Empty));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_malformed_table_is_refused_naming_the_file_and_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => PartnerCatalog.Parse("東京都\t都庁\n東京都 都庁\n", "my.tsv"));
        Assert.Contains("my.tsv line 2", error.Message);
        var conflict = Assert.Throws<InvalidDataException>(() => PartnerCatalog.Parse("東京都\tX\n千葉県\tX\n", "my.tsv"));
        Assert.Contains("line 2", conflict.Message);
        Assert.Throws<FileNotFoundException>(() => PartnerCatalog.Load(Path.Combine(Path.GetTempPath(), "no-such-partners.tsv")));
    }

    [Fact]
    public void The_default_table_names_the_domain_bodies()
    {
        Assert.Contains("地方公共団体情報システム機構", PartnerCatalog.Default.CanonicalNames);
        Assert.Contains("総合行政ネットワーク", PartnerCatalog.Default.CanonicalNames);
        Assert.True(PartnerCatalog.Default.IsKnown("Ｊ－ＬＩＳ"));
        Assert.False(PartnerCatalog.Default.IsKnown("機構"));
    }
}
