using Ingest.Core.Dates;
using Ingest.Core.Records;
using Ingest.Reports.Renewals;
using static Ingest.Reports.Tests.Support.Build;

namespace Ingest.Reports.Tests;

/// <summary>Each period form of DOMAIN.md "Periods and renewal", fiscal-year boundaries and the 2019 era change.</summary>
public sealed class RenewalClassifierTests
{
    private static RenewalDecision Classify(Period? period, DateOnly asOf, int? fiscalYear = null)
    {
        var record = Linkage("a.txt", null, period);
        var arrangement = ArrangementKinds.From([record]).Single();
        return RenewalClassifier.Classify(arrangement, new RenewalQuery { AsOf = asOf, FiscalYear = fiscalYear is { } y ? new FiscalYear(y) : null });
    }

    // 令和8年6月14日から令和9年3月31日まで(次年度以降も同様の外部結合を行う。)
    private static readonly Period AnnualBounded = Period("令和8年6月14日から令和9年3月31日まで(次年度以降も同様の外部結合を行う。)",
        D(2026, 6, 14), D(2027, 3, 31), Recurrence.Annual, "次年度以降も同様の外部結合を行う");

    // 令和６年１２月２日から（次年度以降も同様の外部結合を行う。）
    private static readonly Period AnnualOpen = Period("令和６年１２月２日から（次年度以降も同様の外部結合を行う。）",
        D(2024, 12, 2), null, Recurrence.Annual, "次年度以降も同様の外部結合を行う");

    // 平成31年4月1日から(以降、同様の外部結合を行う。)
    private static readonly Period Ongoing = Period("平成31年4月1日から(以降、同様の外部結合を行う。)",
        D(2019, 4, 1), null, Recurrence.Ongoing, "以降、同様の外部結合を行う");

    // A one-off: 平成30年6月1日から平成31年3月31日まで
    private static readonly Period OneOff = Period("平成30年6月1日から平成31年3月31日まで",
        D(2018, 6, 1), D(2019, 3, 31), Recurrence.None, "平成31年3月31日まで");

    [Fact]
    public void AnnualBoundedNeedsRenewalForTheFiscalYearOfTheDate()
    {
        var decision = Classify(AnnualBounded, D(2026, 11, 22));
        Assert.Equal(ArrangementStatus.NeedsRenewal, decision.Status);
        Assert.True(decision.NeedsRenewal);
        Assert.Equal(D(2027, 3, 31), decision.NextDue);
        Assert.Equal(129, decision.DaysLeft); // 2026-11-22 → 2027-03-31
        Assert.Equal("次年度以降も同様の外部結合を行う", decision.Evidence);
    }

    [Fact]
    public void AnnualWithoutEndDateIsRenewedEveryYearAfterItsFirstYear()
    {
        var decision = Classify(AnnualOpen, D(2026, 11, 22));
        Assert.Equal(ArrangementStatus.NeedsRenewal, decision.Status);
        Assert.Equal(D(2027, 3, 31), decision.NextDue);
    }

    [Fact]
    public void OngoingNeedsNoRenewal()
    {
        var decision = Classify(Ongoing, D(2026, 11, 22));
        Assert.Equal(ArrangementStatus.Active, decision.Status);
        Assert.False(decision.NeedsRenewal);
        Assert.Null(decision.NextDue);
        Assert.Null(decision.DaysLeft);
        Assert.Equal("以降、同様の外部結合を行う", decision.Evidence);
    }

    [Fact]
    public void OneOffEndsTheDayAfterItsEnd()
    {
        // 平成31年3月31日 is the last day of FY2018 and of 平成's last full fiscal year.
        Assert.Equal(ArrangementStatus.Active, Classify(OneOff, D(2019, 3, 31)).Status);
        var ended = Classify(OneOff, D(2019, 4, 1));
        Assert.Equal(ArrangementStatus.Ended, ended.Status);
        Assert.False(ended.NeedsRenewal);
        Assert.Equal("平成31年3月31日まで", ended.Evidence);
    }

    [Fact]
    public void OneOffWithoutEndStaysActive()
    {
        var period = Period("令和5年4月1日から", D(2023, 4, 1), null, Recurrence.None, "令和5年4月1日から");
        Assert.Equal(ArrangementStatus.Active, Classify(period, D(2030, 1, 1)).Status);
    }

    [Fact]
    public void UnknownRecurrenceIsUnknownNotRenewal()
    {
        var unknown = Period("契約締結の日から業務完了の日まで", null, null, Recurrence.Unknown, "");
        var decision = Classify(unknown, D(2026, 11, 22));
        Assert.Equal(ArrangementStatus.Unknown, decision.Status);
        Assert.Equal("契約締結の日から業務完了の日まで", decision.Evidence); // no evidence phrase: the whole text is shown
    }

    [Fact]
    public void MissingPeriodNeedsReviewAndSaysSo()
    {
        var decision = Classify(null, D(2026, 11, 22));
        Assert.Equal(ArrangementStatus.NeedsReview, decision.Status);
        Assert.False(decision.NeedsRenewal);
        Assert.Equal("no period found", decision.Evidence);
    }

    [Fact]
    public void FirstStartedDoesNotDecideTheStatus()
    {
        // ※H27.1.30 委任開始: history, not the current period.
        var period = Period("令和元年11月5日から令和2年3月31日まで (次年度以降も、同様の委任を行う。) ※H27.1.30 委任開始",
            D(2019, 11, 5), D(2020, 3, 31), Recurrence.Annual, "次年度以降も、同様の委任を行う", first: D(2015, 1, 30));
        var decision = Classify(period, D(2026, 11, 22));
        Assert.Equal(ArrangementStatus.NeedsRenewal, decision.Status);
        Assert.Equal(D(2027, 3, 31), decision.NextDue);
    }

    [Fact]
    public void StartAfterTheDateIsUpcoming()
    {
        Assert.Equal(ArrangementStatus.Upcoming, Classify(AnnualBounded, D(2026, 6, 13)).Status);
        Assert.Equal(ArrangementStatus.NeedsRenewal, Classify(AnnualBounded, D(2026, 6, 14)).Status);
        var upcoming = Classify(AnnualBounded, D(2026, 5, 1));
        Assert.False(upcoming.NeedsRenewal);
        Assert.Equal(D(2027, 3, 31), upcoming.NextDue); // first due at the end of the fiscal year it starts in
        Assert.Equal(ArrangementStatus.Upcoming, Classify(Ongoing, D(2019, 3, 31)).Status);
    }

    [Theory]
    [InlineData("2027-03-31", "2027-03-31", 0)]   // last day of FY2026: due today
    [InlineData("2027-04-01", "2028-03-31", 365)] // first day of FY2027: next year's renewal
    [InlineData("2026-04-01", "2027-03-31", 364)]
    [InlineData("2027-01-01", "2027-03-31", 89)]  // January to March belong to the previous calendar year's fiscal year
    public void FiscalYearBoundaries(string asOf, string due, int daysLeft)
    {
        var decision = Classify(AnnualOpen, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), decision.NextDue);
        Assert.Equal(daysLeft, decision.DaysLeft);
    }

    [Theory]
    [InlineData("2019-04-30")] // 平成31年4月30日, the last day of 平成
    [InlineData("2019-05-01")] // 令和元年5月1日
    [InlineData("2020-03-31")] // 令和2年3月31日
    public void EraChangeFallsInsideOneFiscalYear(string asOf)
    {
        // 平成31年4月1日から令和2年3月31日まで(次年度以降も、同様の委任を行う。): 令和元年度 = FY2019 whichever era the date is written in.
        var period = Period("平成31年4月1日から令和2年3月31日まで(次年度以降も、同様の委任を行う。)",
            D(2019, 4, 1), D(2020, 3, 31), Recurrence.Annual, "次年度以降も、同様の委任を行う");
        var decision = Classify(period, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ArrangementStatus.NeedsRenewal, decision.Status);
        Assert.Equal(D(2020, 3, 31), decision.NextDue);
    }

    [Fact]
    public void FiscalYearOptionChoosesTheYearToRenewFor()
    {
        var decision = Classify(AnnualBounded, D(2027, 2, 1), fiscalYear: 2027);
        Assert.Equal(D(2028, 3, 31), decision.NextDue);
        Assert.Equal(424, decision.DaysLeft);
        // An arrangement that starts after the requested fiscal year has nothing to renew in it.
        Assert.Equal(ArrangementStatus.Upcoming, Classify(AnnualBounded, D(2026, 11, 22), fiscalYear: 2025).Status);
    }

    [Fact]
    public void QueryTodayComesFromTheInjectedClock()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(9)));
        var query = RenewalQuery.Today(clock);
        Assert.Equal(D(2026, 11, 22), query.AsOf);
        Assert.Equal(new FiscalYear(2026), query.TargetYear);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("JST", TimeSpan.FromHours(9), "JST", "JST");
    }
}
