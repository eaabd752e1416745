using Ingest.Core.Records;
using Ingest.Reports.Renewals;
using Ingest.Reports.Tests.Support;

namespace Ingest.Reports.Tests;

/// <summary>The acceptance case: the user's seeds through the real pipeline, as of 2026-11-22.</summary>
public sealed class SeedReportTests
{
    private static readonly RenewalQuery AsOf20261122 = new() { AsOf = new DateOnly(2026, 11, 22) };

    private static RenewalReport Report() => RenewalReportBuilder.Build(Corpus.Seeds(), AsOf20261122);

    private static RenewalRow Row(RenewalReport report, string filePrefix, string sheetType) =>
        report.Rows.Single(r => Corpus.FileName(r.Path).StartsWith(filePrefix, StringComparison.Ordinal) && r.SheetType == sheetType);

    [Theory]
    [InlineData("000", "外部結合", "次年度以降も同様の外部結合を行う")]
    [InlineData("002", "外部結合", "次年度以降も同様の外部結合を行う")]
    [InlineData("004", "外部結合", "次年度以降も、同様の外部結合を行う")]
    [InlineData("003", "委任", "次年度以降も、同様の委任を行う")]
    [InlineData("003", "委託", "次年度以降も、同様の委託を行う")]
    public void AnnualArrangementsNeedRenewalForFiscalYear2026(string file, string sheetType, string evidence)
    {
        var row = Row(Report(), file, sheetType);
        Assert.Equal(ArrangementStatus.NeedsRenewal, row.Status);
        Assert.True(row.NeedsRenewal);
        Assert.Equal(Recurrence.Annual, row.Recurrence);
        Assert.Equal(new DateOnly(2027, 3, 31), row.NextDue);
        Assert.Equal(129, row.DaysLeft);
        Assert.Equal(evidence, row.Evidence);
        Assert.Contains(row.Evidence, row.PeriodText);
    }

    [Fact]
    public void OngoingLinkageOf001NeedsNoRenewal()
    {
        var row = Row(Report(), "001", "外部結合");
        Assert.Equal(ArrangementStatus.Active, row.Status);
        Assert.False(row.NeedsRenewal);
        Assert.Null(row.NextDue);
        Assert.Equal("以降、同様の外部結合を行う", row.Evidence);
        Assert.Equal(["出入国在留管理庁長官"], row.Partners);
    }

    [Fact]
    public void EveryRowShowsTheDecidingPhraseFromItsPeriodText()
    {
        var report = Report();
        Assert.Equal(6, report.Rows.Count); // 002's 電算処理 is no arrangement
        Assert.DoesNotContain(report.Rows, r => r.SheetType == "電算処理");
        Assert.All(report.Rows, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Evidence), r.Path);
            Assert.Contains(r.Evidence, r.PeriodText!);
        });
        Assert.Equal(5, report.NeedingRenewal.Count());
    }

    [Fact]
    public void SeedsAboutDifferentProjectsAreNotLinked()
    {
        // 000 and 002 share section, registered business and J-LIS, but are different linkages.
        var report = Report();
        Assert.DoesNotContain(report.Rows, r => r.Status == ArrangementStatus.Replaced);
        Assert.All(report.Rows, r => Assert.Single(r.History));
    }

    [Fact]
    public void FirstStartOf003IsKept()
    {
        var row = Row(Report(), "003", "委任");
        Assert.Equal(new DateOnly(2015, 1, 30), row.FirstStarted);
        Assert.Equal(new DateOnly(2019, 11, 5), row.Start);
    }

    [Fact]
    public void TypeFilterKeepsOneFamily()
    {
        var records = Corpus.Seeds();
        var linkages = RenewalReportBuilder.Build(records, AsOf20261122 with { SheetType = "外部結合" });
        Assert.Equal(4, linkages.Rows.Count);
        Assert.All(linkages.Rows, r => Assert.Equal("外部結合", r.SheetType));
        var outsourcing = RenewalReportBuilder.Build(records, AsOf20261122 with { SheetType = "委託" });
        Assert.Equal("003", Corpus.FileName(Assert.Single(outsourcing.Rows).Path)[..3]);
        Assert.Throws<ArgumentException>(() => RenewalReportBuilder.Build(records, AsOf20261122 with { SheetType = "電算処理" }));
    }
}
