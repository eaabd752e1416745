using Ingest.Import;
using Ingest.Index.Search;

namespace Ingest.Index.Tests;

/// <summary>The project's own text corpus (corpus/extraction, corpus/renewals), imported through the real pipeline once.</summary>
public sealed class CorpusIndexFixture() : ImportedIndexFixture("corpus")
{
    /// <summary>File names (without extension and encoding suffix) of the matching submissions.</summary>
    public string[] Files(string query, string? type = null, string? partner = null) =>
        Store.Search(new SearchRequest { Query = query, SheetType = type, Partner = partner, Limit = 100 }).Submissions
            .Select(hit => Path.GetFileName(hit.Record.Source.Path).Split('.')[0])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
}

public sealed class CorpusTests(CorpusIndexFixture corpus) : IClassFixture<CorpusIndexFixture>
{
    [Fact]
    public void TheTextCorpusImports()
    {
        // Every file, not just one: a corpus document that stopped importing would silently drop out of every test below.
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "corpus")).Order(StringComparer.Ordinal);
        Assert.Equal(files, corpus.Outcomes.Where(file => file.Outcome == ImportOutcome.Added).Select(file => file.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LgwanAndItsFullNameFindTheSameDocuments()
    {
        var lgwan = corpus.Files("LGWAN");
        Assert.Superset(new HashSet<string> { "h24_houmu_renkei_gaibu_ketsugo", "r01_chihouzei_kyoudou_kikou_inin", "r03_pittari_gaibu_ketsugo" }, lgwan.ToHashSet());
        Assert.Equal(lgwan, corpus.Files("総合行政ネットワーク"));
    }

    [Fact]
    public void AnotherKikouIsNotJlis()
    {
        // r01 says 機構 for 地方税共同機構 without defining it as J-LIS; juki_packet defines 機構 as J-LIS.
        var jlis = corpus.Files("J-LIS");
        Assert.DoesNotContain("r01_chihouzei_kyoudou_kikou_inin", jlis);
        Assert.Contains("juki_packet", jlis);
        Assert.Contains("r03_pittari_gaibu_ketsugo", jlis);
        Assert.Equal(jlis, corpus.Files("地方公共団体情報システム機構"));
        Assert.Contains("r01_chihouzei_kyoudou_kikou_inin", corpus.Files("機構"));
    }

    [Fact]
    public void JukiNetFindsTheResidentRegistryNetworkSubmissionOnly()
    {
        var hits = corpus.Store.Search(new SearchRequest { Query = "住基ネット", Limit = 100 }).Submissions;
        var hit = Assert.Single(hits);
        Assert.Contains("住民基本台帳ネットワークシステム", hit.Record.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void PittariAndBittariAreOne() =>
        Assert.Equal(corpus.Files("ぴったり"), corpus.Files("びったり"));

    [Fact]
    public void FiltersAndFacetsAddUpOnTheCorpus()
    {
        var all = corpus.Store.Search(new SearchRequest { Query = "", Limit = 0 });
        Assert.Equal(all.TotalSheets, all.Facets.FiscalYear.Values.Sum() + all.Facets.NoFiscalYear);
        Assert.Equal(all.TotalSheets, all.Facets.SheetType.Values.Sum() + all.Facets.NoSheetType);
        foreach (var (type, count) in all.Facets.SheetType)
            Assert.Equal(count, corpus.Store.Search(new SearchRequest { SheetType = type, Limit = 0 }).TotalSheets);
        foreach (var (year, count) in all.Facets.FiscalYear)
            Assert.Equal(count, corpus.Store.Search(new SearchRequest { YearFrom = year, YearTo = year, Limit = 0 }).TotalSheets);
        foreach (var (partner, count) in all.Facets.Partner)
            Assert.True(corpus.Store.Search(new SearchRequest { Partner = partner, Limit = 0 }).TotalSheets >= count);
    }
}
