using Ingest.Core.Normalisation;
using Ingest.Extraction.Values;

namespace Ingest.Extraction.Tests.Values;

public sealed class PartnerParserTests
{
    private const string Seed003Outsourcing =
        "【委任先】 地方公共団体情報システム機構(以下「機構」という。) 【委任先が委託する事業者】 国立行政法人国立印刷局、株式会社エヌ・ティ・ティ・データ、株式会社DNP データテクノ、凸版印刷株式会社、株式会社エヌ・ティ・ティ マーケティング アクト、NTT コミュニケーションズ株式会社 ※機構のホームページで公表";

    public static TheoryData<string, string[]> Examples => new()
    {
        { "出入国在留管理庁及び地方公共団体情報システム機構(J-LIS)", ["出入国在留管理庁", "地方公共団体情報システム機構"] },
        { "出入国在留管理庁長官", ["出入国在留管理庁長官"] },
        { "地方公共団体情報システム機構(J-LIS)", ["地方公共団体情報システム機構"] },
        { "地方公共団体情報システム機構（Ｊ－ＬＩＳ）", ["地方公共団体情報システム機構"] },
        { "J-LIS", ["地方公共団体情報システム機構"] },
        { "Ｊ－ＬＩＳ", ["地方公共団体情報システム機構"] },
        { "j-lis", ["地方公共団体情報システム機構"] },
        { Seed003Outsourcing, ["地方公共団体情報システム機構", "国立行政法人国立印刷局", "株式会社エヌ・ティ・ティ・データ", "株式会社DNPデータテクノ", "凸版印刷株式会社", "株式会社エヌ・ティ・ティマーケティングアクト", "NTTコミュニケーションズ株式会社"] },
        { "東京都", ["東京都"] },
        { "東京都・神奈川県", ["東京都", "神奈川県"] },
        { "特別区人事・厚生事務組合", ["特別区人事・厚生事務組合"] },
        { "東京都及び特別区人事・厚生事務組合", ["東京都", "特別区人事・厚生事務組合"] },
        { "東京都・特別区人事・厚生事務組合", ["東京都", "特別区人事・厚生事務組合"] },
        { "株式会社エヌ・ティ・ティ・データ", ["株式会社エヌ・ティ・ティ・データ"] },
        { "株式会社A、株式会社B及び株式会社C", ["株式会社A", "株式会社B", "株式会社C"] },
        { "株式会社○○並びに△△株式会社", ["株式会社○○", "△△株式会社"] },
        { "1 出入国在留管理庁 2 地方公共団体情報システム機構(J-LIS)", ["出入国在留管理庁", "地方公共団体情報システム機構"] },
        { "(1) 東京都 (2) 千葉県", ["東京都", "千葉県"] },
        { "①東京都 ②千葉県", ["東京都", "千葉県"] },
        { "・東京都\n・特別区人事・厚生事務組合", ["東京都", "特別区人事・厚生事務組合"] },
        { "出入国在留管理庁、出入国在留管理庁", ["出入国在留管理庁"] },
        { "入管庁", ["出入国在留管理庁"] },
        { "LGWAN回線", ["総合行政ネットワーク"] },
        { "住基ネット", ["住民基本台帳ネットワークシステム"] },
        { "びったり電子申請サービス", ["マイナポータルぴったりサービス"] },
        { "マイナポータルびったり電子申請サービス", ["マイナポータルぴったりサービス"] },
        { "「出入国在留管理庁」", ["出入国在留管理庁"] },
        { "Amazon Web Services, Inc.", ["Amazon Web Services, Inc."] },
        { "Amazon Web Services, Inc.及び東京都", ["Amazon Web Services, Inc.", "東京都"] },
        { "A社,B社", ["A社", "B社"] },
        { "別紙のとおり", [] },
        { "", [] },
        { "機構", ["機構"] }, // 機構 alone means J-LIS only where the document defines it so
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Partner_cells_give_canonical_names(string cell, string[] expected)
    {
        Assert.Equal(expected, PartnerParser.Parse(TextNormaliser.Clean(cell), PartnerCatalog.Default, DefinedTerms.Empty));
    }

    [Fact]
    public void A_defined_short_name_resolves_through_the_document()
    {
        var terms = DefinedTerms.Find("地方公共団体情報システム機構（以下「機構」という。）に委任する。");
        Assert.Equal(["地方公共団体情報システム機構"], PartnerParser.Parse("機構", PartnerCatalog.Default, terms));
        var jlis = DefinedTerms.Find("出入国在留管理庁（以下「庁」という。）");
        Assert.Equal(["出入国在留管理庁", "地方公共団体情報システム機構"], PartnerParser.Parse("庁及びJ-LIS", PartnerCatalog.Default, jlis));
    }

    [Fact]
    public void The_broken_definition_quote_is_dropped_with_the_note()
    {
        var text = "地方公共団体情報システム機構(以下「J-LIS)という。)及び東京都";
        var terms = DefinedTerms.Find(text);
        Assert.Equal(["地方公共団体情報システム機構", "東京都"], PartnerParser.Parse(text, PartnerCatalog.Default, terms));
    }

    [Fact]
    public void An_empty_catalogue_keeps_names_as_written()
    {
        Assert.Equal(["J-LIS"], PartnerParser.Parse("J-LIS", PartnerCatalog.Empty, DefinedTerms.Empty));
    }

    [Fact]
    public void Huge_cells_are_cut_at_the_named_limits()
    {
        var cell = string.Join("、", Enumerable.Range(0, 5000).Select(i => $"株式会社{i}"));
        var partners = PartnerParser.Parse(cell, PartnerCatalog.Default, DefinedTerms.Empty);
        Assert.Equal(PartnerParser.MaxPartners, partners.Count);
    }

    [Fact]
    public void Random_cells_never_throw()
    {
        string[] pool = ["東京都", "・", "、", "及び", "(", ")", "（以下「機構」という。）", "機構", "J-LIS", "株式会社", "エヌ", " ", "\n", "※", "【委任先】", "1 ", "①", "「", "」"];
        var random = new Random(5);
        for (var round = 0; round < 2000; round++)
        {
            var cell = string.Concat(Enumerable.Range(0, random.Next(0, 20)).Select(_ => pool[random.Next(pool.Length)]));
            var partners = PartnerParser.Parse(cell, PartnerCatalog.Default, DefinedTerms.Find(cell));
            Assert.Equal(partners.Count, partners.Distinct().Count());
            Assert.All(partners, p => Assert.False(string.IsNullOrWhiteSpace(p)));
        }
    }
}
