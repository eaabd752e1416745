using Ingest.Core.Records.Renditions;
using Ingest.Import;
using Ingest.Index.Search;
using Ingest.Index.Store;
using Ingest.Pipeline;

namespace Ingest.Index.Tests;

/// <summary>The seeds and corpus documents, each once (one file per submission).</summary>
public sealed class OneFileEachFixture() : ImportedIndexFixture("seeds", "corpus");

/// <summary>The same documents with their other renditions: a Word form, Chromium's PDF and a PDF with turned pages of each.</summary>
public sealed class AllRenditionsFixture() : ImportedIndexFixture("seeds", "corpus", "renditions");

public sealed class RenditionTests(OneFileEachFixture single, AllRenditionsFixture all) : IClassFixture<OneFileEachFixture>, IClassFixture<AllRenditionsFixture>
{
    [Fact]
    public void The_renditions_were_imported_as_files_of_their_own()
    {
        // Three more records for each of the ten submissions with renditions (five seeds, four corpus texts, one holding two).
        Assert.Equal(single.Store.AllRecords().Count() + 30, all.Store.AllRecords().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("J-LIS 暗号化")]
    [InlineData("外部結合")]
    [InlineData("委託")]
    [InlineData("\"住民基本台帳\"")]
    public void Every_count_is_the_same_with_all_renditions_as_with_one_file_each(string query)
    {
        var one = single.Store.Search(new SearchRequest { Query = query, Limit = 100 });
        var many = all.Store.Search(new SearchRequest { Query = query, Limit = 100 });
        Assert.True(one.TotalSubmissions > 0);
        Assert.Equal(one.TotalSubmissions, many.TotalSubmissions);
        Assert.Equal(one.TotalSheets, many.TotalSheets);
        Assert.Equal(one.Facets.FiscalYear, many.Facets.FiscalYear);
        Assert.Equal(one.Facets.SheetType, many.Facets.SheetType);
        Assert.Equal(one.Facets.Partner, many.Facets.Partner);
        Assert.Equal(one.Facets.NoFiscalYear, many.Facets.NoFiscalYear);
        Assert.Equal(many.TotalSubmissions, many.Submissions.Count);
        Assert.Equal(many.Submissions.Count, many.Submissions.Select(hit => RenditionRule.KeyOf(hit.Record)).Distinct().Count());
    }

    [Fact]
    public void A_hit_lists_every_file_of_its_submission_most_faithful_first()
    {
        var result = all.Store.Search(new SearchRequest { Query = "在留カード等一体化", Limit = 10 });
        var hit = Assert.Single(result.Submissions);
        Assert.Equal(["docx", "pdf", "pdf", "text"], hit.Renditions.Select(record => record.Source.Format));
        Assert.All(hit.Renditions, record => Assert.Contains("000_27b38dcfd5b05b45", record.Source.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void A_packet_rendition_carries_each_of_its_submissions_once()
    {
        var library = all.Store.Search(new SearchRequest { Query = "図書館", Limit = 10 });
        var hit = Assert.Single(library.Submissions);
        Assert.Equal(4, hit.Renditions.Count);
        Assert.All(hit.Renditions, record => Assert.Equal(1, record.Ordinal));
    }
}
