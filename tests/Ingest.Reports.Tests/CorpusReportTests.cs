using Ingest.Core.Records;
using Ingest.Reports.Renewals;
using Ingest.Reports.Tests.Support;

namespace Ingest.Reports.Tests;

/// <summary>
/// Our renewal corpus (corpus/renewals) with the seeds, through the real pipeline: the cases the seeds lack — a 平成 委託
/// that ended, another department's annual linkage and its change a year later, the 法務大臣 → 出入国在留管理庁長官
/// partner change, 004's predecessor, an upcoming linkage, an unclassifiable period, a delegation across the era change.
/// </summary>
public sealed class CorpusReportTests
{
    private static readonly Lazy<IReadOnlyList<SubmissionRecord>> _records =
        new(() => [.. Corpus.Seeds(), .. Corpus.Renewals()]);

    private static RenewalReport Report(DateOnly asOf) => RenewalReportBuilder.Build(_records.Value, new RenewalQuery { AsOf = asOf });

    private static RenewalRow Row(RenewalReport report, string file) =>
        report.Rows.Single(r => Corpus.FileName(r.Path).StartsWith(file, StringComparison.Ordinal));

    private static readonly DateOnly AsOf = new(2026, 11, 22);

    [Fact]
    public void PartnerChangeReplacesTheHeiseiLinkageWithTheMinisterOfJustice()
    {
        var report = Report(AsOf);
        var old = Row(report, "h24_houmu");
        var current = Row(report, "001");
        Assert.Equal(["法務大臣"], old.Partners);
        Assert.Equal(ArrangementStatus.Replaced, old.Status);
        Assert.Equal(current.Path, old.ReplacedBy);
        // The evidence is the approval reference exactly as the later submission writes it (spaced out in 001).
        var reference = _records.Value.Single(r => Corpus.FileName(r.Source.Path).StartsWith("001", StringComparison.Ordinal)).PriorApprovals.Single();
        Assert.Equal(2011, reference.FiscalYear);
        Assert.StartsWith(reference.Text, old.Evidence);
        Assert.Contains("平成23年度第7回", old.Evidence.Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(ArrangementStatus.Active, current.Status);
        Assert.Equal([2012, 2019], current.History.Select(h => h.FiscalYear!.Value));
        // One current linkage with the immigration side, not two.
        Assert.Single(report.Rows, r => r.Status != ArrangementStatus.Replaced && r.OwningSection == "戸籍住民課"
            && r.Partners.Any(p => p is "法務大臣" or "出入国在留管理庁長官"));
    }

    [Fact]
    public void ChangedAnnualLinkageOfAnotherDepartmentIsRenewedOnceFromItsLatestSubmission()
    {
        var report = Report(AsOf);
        var first = Row(report, "r06_kaigo");
        var changed = Row(report, "r07_kaigo");
        Assert.Equal(ArrangementStatus.Replaced, first.Status);
        Assert.Equal(changed.Path, first.ReplacedBy);
        Assert.Equal(ArrangementStatus.NeedsRenewal, changed.Status);
        Assert.Equal("介護保険課", changed.OwningSection);
        Assert.Equal(["東京都国民健康保険団体連合会"], changed.Partners);
        Assert.Equal(new DateOnly(2027, 3, 31), changed.NextDue);
        Assert.Equal("次年度以降も同様の外部結合を行う", changed.Evidence);
        Assert.Equal(2, changed.History.Count);
    }

    [Fact]
    public void Seed004ReplacesItsReiwa3PredecessorAndStillNeedsRenewal()
    {
        var report = Report(AsOf);
        var predecessor = Row(report, "r03_pittari");
        var current = Row(report, "004");
        Assert.Equal(ArrangementStatus.Replaced, predecessor.Status);
        Assert.Equal(ArrangementStatus.NeedsRenewal, current.Status);
        Assert.Equal([Corpus.FileName(predecessor.Path), Corpus.FileName(current.Path)], current.History.Select(h => Corpus.FileName(h.Path)));
        // The seeds' verdicts do not change when the archive grows.
        foreach (var (file, type) in new[] { ("000", "外部結合"), ("002", "外部結合"), ("004", "外部結合"), ("003", "委任"), ("003", "委託") })
            Assert.True(report.Rows.Single(r => Corpus.FileName(r.Path).StartsWith(file, StringComparison.Ordinal) && r.SheetType == type).NeedsRenewal, file + type);
        Assert.False(Row(report, "001").NeedsRenewal);
    }

    [Fact]
    public void HeiseiOutsourcingEndedBeforeTheEraChange()
    {
        var row = Row(Report(AsOf), "h30_kenshin");
        Assert.Equal("委託", row.SheetType);
        Assert.Equal(Recurrence.None, row.Recurrence);
        Assert.Equal(ArrangementStatus.Ended, row.Status);
        Assert.Equal(new DateOnly(2019, 3, 31), row.End);
        Assert.Contains(row.Evidence, row.PeriodText!);
        // On its last day, 平成31年3月31日, it still ran.
        Assert.Equal(ArrangementStatus.Active, Row(Report(new DateOnly(2019, 3, 31)), "h30_kenshin").Status);
    }

    [Fact]
    public void LinkageStartingNextYearIsUpcoming()
    {
        var row = Row(Report(AsOf), "r08_jidou");
        Assert.Equal(ArrangementStatus.Upcoming, row.Status);
        Assert.Equal(new DateOnly(2027, 1, 4), row.Start);
        Assert.False(row.NeedsRenewal);
        Assert.Equal(ArrangementStatus.Active, Row(Report(new DateOnly(2027, 1, 4)), "r08_jidou").Status);
    }

    [Fact]
    public void UnclassifiablePeriodIsShownAsUnknownWithItsText()
    {
        var row = Row(Report(AsOf), "r05_gakkou");
        Assert.Equal(Recurrence.Unknown, row.Recurrence);
        Assert.Equal(ArrangementStatus.Unknown, row.Status);
        Assert.False(string.IsNullOrWhiteSpace(row.Evidence));
        Assert.Contains(row.Evidence, row.PeriodText!);
    }

    [Theory]
    [InlineData(2019, 4, 30, 2020)] // 平成31年4月30日
    [InlineData(2019, 5, 1, 2020)]  // 令和元年5月1日
    [InlineData(2020, 3, 31, 2020)]
    [InlineData(2020, 4, 1, 2021)]
    public void DelegationAcrossTheEraChangeIsDueAtTheEndOfItsFiscalYear(int y, int m, int d, int dueYear)
    {
        var row = Row(Report(new DateOnly(y, m, d)), "r01_chihouzei");
        Assert.Equal("委任", row.SheetType);
        Assert.Equal(ArrangementStatus.NeedsRenewal, row.Status);
        Assert.Equal(new DateOnly(dueYear, 3, 31), row.NextDue);
    }

    [Fact]
    public void ShiftJisDocumentIsReadLikeTheOthers()
    {
        var record = _records.Value.Single(r => Corpus.FileName(r.Source.Path) == "h30_kenshin_itaku.sjis.txt");
        Assert.Equal("健康づくり課", record.Sheets.Single().Fields["保有課"]);
    }
}
