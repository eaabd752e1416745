using Ingest.Core.Records;
using Ingest.Index.Search;
using Ingest.Index.Store;

namespace Ingest.Index.Tests;

/// <summary>
/// An index of submissions from several departments, written as documents write them (部 and 課, the 課 alone in a
/// sheet's 保有課, a full-width space, half-width katakana), plus a run of two-sheet submissions for paging and a file
/// holding two submissions.
/// </summary>
public sealed class DepartmentIndexFixture : IDisposable
{
    /// <summary>A word every paging record contains, in both of its sheets.</summary>
    public const string PagingWord = "頁送り検証";

    /// <summary>How many paging records there are.</summary>
    public const int PagingRecords = 23;

    public DepartmentIndexFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "ingest-department-tests-" + Guid.NewGuid().ToString("N"));
        Store = IndexStore.Open(Directory);
        using var updater = Store.OpenUpdater();
        foreach (var record in Departments.Concat(Paging))
            updater.Replace(record.Source.Path, record.Source.Sha256, [record]);
        updater.Replace(Packet[0].Source.Path, Packet[0].Source.Sha256, Packet);
        updater.Commit();
    }

    private static SubmissionRecord Make(string name, string? department, string? holdingSection = null, int sheets = 1, string word = "部署検証") => new()
    {
        Source = new SourceInfo { Path = $"/archive/{name}.txt", Sha256 = TestRecords.Sha(name), Format = "text" },
        Title = $"{word}の{name}",
        Department = department,
        FiscalYear = 2022,
        Sheets = Enumerable.Range(0, sheets).Select(n => new SheetRecord
        {
            Type = n == 0 ? "外部結合" : "委託",
            Fields = holdingSection is null
                ? new Dictionary<string, string> { ["結合の理由"] = $"{word}のため{n}" }
                : new Dictionary<string, string> { ["保有課"] = holdingSection, ["結合の理由"] = $"{word}のため{n}" },
        }).ToList(),
    };

    public static IReadOnlyList<SubmissionRecord> Departments { get; } =
    [
        Make("kumin", "区民部区民課", sheets: 2),
        Make("kumin-spaced", "区民部　区民課"),
        Make("holding-only", null, holdingSection: "区民課"),
        Make("koseki", "地域振興部戸籍住民課", holdingSection: "戸籍住民課"),
        Make("jumin", "住民課"),
        Make("shakai", "福祉部社会福祉課"),
        Make("kyoiku", "教育委員会事務局教育支援課"),
        Make("center", "子ども家庭部子ども家庭支援ｾﾝﾀｰ"),
    ];

    public static IReadOnlyList<SubmissionRecord> Paging { get; } =
        Enumerable.Range(0, PagingRecords).Select(n => Make($"paging-{n:00}", "総務部総務課", sheets: 2, word: PagingWord)).ToList();

    /// <summary>One file, two submissions (ordinals 0 and 1).</summary>
    public static IReadOnlyList<SubmissionRecord> Packet { get; } =
    [
        Make("packet", "総務部総務課") with { Title = "束ねられた一件目" },
        Make("packet", "総務部総務課") with { Title = "束ねられた二件目", Ordinal = 1 },
    ];

    public string Directory { get; }
    public IndexStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

public sealed class FilterAndPagingTests(DepartmentIndexFixture index) : IClassFixture<DepartmentIndexFixture>
{
    private string[] Departments(string department, string query = "部署検証") =>
        IndexFixture.Names(index.Store.Search(new SearchRequest { Query = query, Department = department, Limit = 100 }));

    [Theory]
    [InlineData("区民課", new[] { "holding-only", "kumin", "kumin-spaced" })]
    [InlineData("区民部区民課", new[] { "kumin", "kumin-spaced" })]
    [InlineData("区民部　区民課", new[] { "kumin", "kumin-spaced" })]
    [InlineData("区民部", new[] { "kumin", "kumin-spaced" })]
    [InlineData("戸籍住民課", new[] { "koseki" })]
    [InlineData("地域振興部", new[] { "koseki" })]
    [InlineData("住民課", new[] { "jumin" })]
    [InlineData("社会福祉課", new[] { "shakai" })]
    [InlineData("福祉課", new string[0])]
    [InlineData("民課", new string[0])]
    [InlineData("区民", new string[0])]
    [InlineData("事務局", new[] { "kyoiku" })]
    [InlineData("教育支援課", new[] { "kyoiku" })]
    [InlineData("子ども家庭支援センター", new[] { "center" })]
    [InlineData("存在しない課", new string[0])]
    public void DepartmentFilterMatchesWholeUnitsOfTheFoldedName(string department, string[] expected) =>
        Assert.Equal(expected, Departments(department));

    [Fact]
    public void DepartmentFilterKeepsOrDropsASubmissionWholeAndCountsOnlyWhatItKeeps()
    {
        var result = index.Store.Search(new SearchRequest { Query = "部署検証", Department = "区民課", Limit = 100 });
        Assert.Equal(3, result.TotalSubmissions);
        // kumin's two sheets both stay, though only its 担当部課 names the department.
        Assert.Equal(4, result.TotalSheets);
        Assert.Equal(2, result.Submissions.Single(hit => hit.Record.Source.Path.EndsWith("/kumin.txt", StringComparison.Ordinal)).Sheets.Count);
        Assert.Equal(new Dictionary<string, int> { ["外部結合"] = 3, ["委託"] = 1 }, result.Facets.SheetType);
        // With no query at all, the filter alone selects.
        Assert.Equal(3, index.Store.Search(new SearchRequest { Department = "区民課" }).TotalSubmissions);
    }

    [Fact]
    public void MatchingIsByWholeUnits()
    {
        Assert.True(DepartmentMatch.Matches("区民部区民課", "区民課"));
        Assert.True(DepartmentMatch.Matches("区民課", "区民課"));
        Assert.False(DepartmentMatch.Matches("戸籍住民課", "住民課"));
        Assert.False(DepartmentMatch.Matches("区民部区民課", "区民部区"));
        Assert.False(DepartmentMatch.Matches("区民課", ""));
        Assert.True(DepartmentMatch.Matches("健康福祉局保健部健康課", "保健部"));
    }

    [Fact]
    public void OffsetPagesThroughSubmissionsInRankOrderWithTheTotalOnEveryPage()
    {
        var all = index.Store.Search(new SearchRequest { Query = DepartmentIndexFixture.PagingWord, Limit = 100 });
        Assert.Equal(DepartmentIndexFixture.PagingRecords, all.TotalSubmissions);
        Assert.Equal(2 * DepartmentIndexFixture.PagingRecords, all.TotalSheets);

        var paged = new List<SubmissionHit>();
        for (var offset = 0; offset < DepartmentIndexFixture.PagingRecords; offset += 5)
        {
            var page = index.Store.Search(new SearchRequest { Query = DepartmentIndexFixture.PagingWord, Offset = offset, Limit = 5 });
            Assert.Equal(DepartmentIndexFixture.PagingRecords, page.TotalSubmissions);
            Assert.Equal(2 * DepartmentIndexFixture.PagingRecords, page.TotalSheets);
            Assert.Equal(offset, page.Offset);
            Assert.Equal(Math.Min(5, DepartmentIndexFixture.PagingRecords - offset), page.Submissions.Count);
            // Paging is by submission: each hit keeps both its sheets.
            Assert.All(page.Submissions, hit => Assert.Equal(2, hit.Sheets.Count));
            paged.AddRange(page.Submissions);
        }
        Assert.Equal(all.Submissions.Select(hit => hit.Record.Source.Path), paged.Select(hit => hit.Record.Source.Path));
    }

    [Theory]
    [InlineData(DepartmentIndexFixture.PagingRecords)]
    [InlineData(DepartmentIndexFixture.PagingRecords + 100)]
    [InlineData(int.MaxValue)]
    public void AnOffsetPastTheEndReturnsNoSubmissionsButTheTotals(int offset)
    {
        var result = index.Store.Search(new SearchRequest { Query = DepartmentIndexFixture.PagingWord, Offset = offset, Limit = SearchRequest.MaxLimit });
        Assert.Empty(result.Submissions);
        Assert.Equal(DepartmentIndexFixture.PagingRecords, result.TotalSubmissions);
    }

    [Fact]
    public void OffsetAndDepartmentCombine()
    {
        var first = index.Store.Search(new SearchRequest { Department = "総務課", Offset = 0, Limit = 20 });
        var second = index.Store.Search(new SearchRequest { Department = "総務課", Offset = 20, Limit = 20 });
        // The paging records and the packet's two submissions.
        Assert.Equal(DepartmentIndexFixture.PagingRecords + 2, first.TotalSubmissions);
        Assert.Equal(20, first.Submissions.Count);
        Assert.Equal(DepartmentIndexFixture.PagingRecords + 2 - 20, second.Submissions.Count);
        Assert.Empty(first.Submissions.Select(hit => hit.Record).Intersect(second.Submissions.Select(hit => hit.Record)));
    }

    [Fact]
    public void ANegativeOffsetIsTheFirstPage() =>
        Assert.Equal(
            index.Store.Search(new SearchRequest { Query = DepartmentIndexFixture.PagingWord, Limit = 3 }).Submissions.Select(hit => hit.Record.Source.Path),
            index.Store.Search(new SearchRequest { Query = DepartmentIndexFixture.PagingWord, Offset = -4, Limit = 3 }).Submissions.Select(hit => hit.Record.Source.Path));

    [Fact]
    public void FindTakesTheOrdinalAskedForAndNothingWhenTheFileHasNoSuchSubmission()
    {
        var sha = TestRecords.Sha("packet");
        Assert.Equal("束ねられた一件目", index.Store.Find(sha)?.Title);
        Assert.Equal("束ねられた一件目", index.Store.Find(sha + "#0")?.Title);
        Assert.Equal("束ねられた二件目", index.Store.Find(sha + "#1")?.Title);
        Assert.Equal("束ねられた二件目", index.Store.Find(sha[..12] + "#1")?.Title);
        Assert.Null(index.Store.Find(sha + "#2"));
        Assert.Null(index.Store.Find(sha[..12] + "#7"));

        var single = TestRecords.Sha("kumin");
        Assert.NotNull(index.Store.Find(single + "#0"));
        Assert.Null(index.Store.Find(single + "#7"));
        Assert.Null(index.Store.Find(single[..8] + "#7"));
    }
}
