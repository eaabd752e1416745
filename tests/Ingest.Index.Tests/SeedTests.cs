using Ingest.Import;
using Ingest.Index.Search;

namespace Ingest.Index.Tests;

/// <summary>The user's five seed submissions, imported through the real pipeline once.</summary>
public sealed class SeedIndexFixture() : ImportedIndexFixture("seeds")
{
    /// <summary>Seed numbers (the file name's first three digits) of the matching submissions.</summary>
    public string[] Seeds(string query, string? field = null) =>
        Store.Search(new SearchRequest { Query = query, Field = field, Limit = 100 }).Submissions
            .Select(hit => Path.GetFileName(hit.Record.Source.Path)[..3])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
}

public sealed class SeedTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    [Fact]
    public void EverySeedImports()
    {
        Assert.Equal(5, seeds.Outcomes.Count);
        Assert.All(seeds.Outcomes, file => Assert.Equal(ImportOutcome.Added, file.Outcome));
    }

    [Theory]
    [InlineData("J-LIS 暗号化")]
    [InlineData("Ｊ－ＬＩＳ 暗号化")]
    [InlineData("j-lis 暗号化")]
    [InlineData("JLIS 暗号化")]
    [InlineData("地方公共団体情報システム機構 暗号化")]
    public void JlisEncryptionFindsTheSeedsThatLinkToJlisIncludingTheOneThatOnlyWritesItsFullName(string query) =>
        Assert.Equal(["000", "002", "003", "004"], seeds.Seeds(query));

    [Fact]
    public void LgwanAndItsFullNameFindTheSameSeeds()
    {
        var lgwan = seeds.Seeds("LGWAN");
        Assert.Equal(["000", "001", "004"], lgwan);
        Assert.Equal(lgwan, seeds.Seeds("総合行政ネットワーク"));
    }

    [Fact]
    public void PersonalNumberCardFindsTheSeedsThatSayMyNumberCard() =>
        Assert.Equal(["000", "002", "003", "004"], seeds.Seeds("個人番号カード"));

    [Fact]
    public void JukiNetFindsOnly003() =>
        Assert.Equal(["003"], seeds.Seeds("住基ネット"));

    [Fact]
    public void OldCharacterFormsDoNotMatter()
    {
        // 000 writes 經由 (old form); the others write 経由 or nothing.
        Assert.Contains("000", seeds.Seeds("経由"));
        Assert.Equal(seeds.Seeds("經由"), seeds.Seeds("経由"));
    }

    [Fact]
    public void PittariFindsTheMisExtractedBittari() =>
        Assert.Equal(["004"], seeds.Seeds("びったり"));

    [Fact]
    public void FiltersNarrowAndFacetsAddUp()
    {
        var all = seeds.Store.Search(new SearchRequest { Query = "暗号化", Limit = 100 });
        Assert.Equal(all.TotalSheets, all.Facets.FiscalYear.Values.Sum() + all.Facets.NoFiscalYear);
        Assert.Equal(all.TotalSheets, all.Facets.SheetType.Values.Sum() + all.Facets.NoSheetType);
        var external = seeds.Store.Search(new SearchRequest { Query = "暗号化", SheetType = "外部結合", Limit = 100 });
        Assert.Equal(all.Facets.SheetType["外部結合"], external.TotalSheets);
        Assert.All(external.Submissions.SelectMany(hit => hit.Sheets), sheet => Assert.Equal("外部結合", sheet.SheetType));
        var jlis = seeds.Store.Search(new SearchRequest { Query = "暗号化", Partner = "J-LIS", Limit = 100 });
        Assert.Equal(all.Facets.Partner["地方公共団体情報システム機構"], jlis.TotalSheets);
        foreach (var (year, count) in all.Facets.FiscalYear)
            Assert.Equal(count, seeds.Store.Search(new SearchRequest { Query = "暗号化", YearFrom = year, YearTo = year }).TotalSheets);
    }

    [Fact]
    public void FacePhotoWithExternalLinkFindsTheSeedsThatSendFacePhotos() =>
        Assert.Equal(["000", "002"], seeds.Seeds("顔写真 外部結合"));
}
