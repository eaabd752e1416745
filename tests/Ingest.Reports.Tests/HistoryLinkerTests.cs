using Ingest.Core.Records;
using Ingest.Reports.Renewals;
using static Ingest.Reports.Tests.Support.Build;

namespace Ingest.Reports.Tests;

/// <summary>History linking across years, partner replacement, and what must stay apart.</summary>
public sealed class HistoryLinkerTests
{
    private static readonly Period Ongoing2012 = Period("平成24年7月9日から(以降、同様の外部結合を行う。)", D(2012, 7, 9), null, Recurrence.Ongoing, "以降、同様の外部結合を行う");
    private static readonly Period Ongoing2019 = Period("平成31年4月1日から(以降、同様の外部結合を行う。)", D(2019, 4, 1), null, Recurrence.Ongoing, "以降、同様の外部結合を行う");

    private const string MojTitle = "住民基本台帳事務等における法務省との情報連携に係る外部結合について";
    private const string MojBusiness = "住民基本台帳事務 市区町村在留関連事務 特別永住許可事務";

    [Fact]
    public void PartnerChangeReplacesTheOldLinkage()
    {
        var old = Linkage("h24.txt", 2012, Ongoing2012, partner: "法務大臣", business: MojBusiness, title: MojTitle);
        var changed = Linkage("r01.txt", 2019, Ongoing2019, partner: "出入国在留管理庁長官", business: MojBusiness,
            title: MojTitle + "(相手先の変更)", prior: Approval(2011, 7, "平成23年度第7回本審議会承認事項"));

        var report = RenewalReportBuilder.Build([changed, old], new RenewalQuery { AsOf = D(2026, 11, 22) });

        Assert.Equal(2, report.Rows.Count);
        var current = report.Rows.Single(r => r.Path == "r01.txt");
        var replaced = report.Rows.Single(r => r.Path == "h24.txt");
        Assert.Equal(ArrangementStatus.Active, current.Status);
        Assert.Equal(ArrangementStatus.Replaced, replaced.Status);
        Assert.Equal("r01.txt", replaced.ReplacedBy);
        Assert.Contains("平成23年度第7回本審議会承認事項", replaced.Evidence);
        Assert.Equal(["h24.txt", "r01.txt"], current.History.Select(h => h.Path));
        Assert.Equal([2012, 2019], current.History.Select(h => h.FiscalYear!.Value));
        // Only one current linkage with the immigration side: the new partner.
        Assert.Single(report.Rows, r => r.Status != ArrangementStatus.Replaced);
    }

    [Fact]
    public void ASuccessorThatHasNotStartedDoesNotYetReplace()
    {
        var annual = Period("令和6年4月1日から(次年度以降も同様の外部結合を行う。)", D(2024, 4, 1), null, Recurrence.Annual, "次年度以降も同様の外部結合を行う");
        var current = Linkage("2024.txt", 2024, annual, title: "T");
        var change = Linkage("2027.txt", 2027, annual with { Start = D(2027, 4, 1) }, title: "T（相手先の変更）");
        var before = RenewalReportBuilder.Build([current, change], new RenewalQuery { AsOf = D(2026, 11, 22) });
        Assert.Equal(ArrangementStatus.NeedsRenewal, before.Rows.Single(r => r.Path == "2024.txt").Status);
        Assert.Equal(ArrangementStatus.Upcoming, before.Rows.Single(r => r.Path == "2027.txt").Status);
        Assert.Equal(["2024.txt", "2027.txt"], before.Rows.Single(r => r.Path == "2024.txt").History.Select(h => h.Path));

        var after = RenewalReportBuilder.Build([current, change], new RenewalQuery { AsOf = D(2027, 4, 1) });
        Assert.Equal(ArrangementStatus.Replaced, after.Rows.Single(r => r.Path == "2024.txt").Status);
        Assert.Equal(ArrangementStatus.NeedsRenewal, after.Rows.Single(r => r.Path == "2027.txt").Status);
    }

    [Fact]
    public void PriorApprovalLinksEvenWithoutChangeNotice()
    {
        var old = Linkage("a.txt", 2021, Ongoing2019, business: "住民基本台帳", title: "X");
        var later = Linkage("b.txt", 2023, Ongoing2019 with { Start = D(2023, 2, 6) }, business: "住民基本台帳", title: "Y",
            prior: Approval(2021, 9, "令和3年度第9回本審議会承認済"));
        var link = HistoryLinker.TryLink(Arrangement(old), Arrangement(later));
        Assert.NotNull(link);
        Assert.Equal(LinkReason.PriorApproval, link.Reason);
        Assert.Equal("令和3年度第9回本審議会承認済", link.Evidence);
    }

    [Fact]
    public void ApprovalOfTheFiscalYearBeforeTheStartCounts()
    {
        // Approved at 平成23年度第7回 (FY2011), started 平成24年7月9日 (FY2012).
        var old = Linkage("a.txt", 2012, Ongoing2012, partner: "法務大臣", business: MojBusiness, title: MojTitle);
        var later = Linkage("b.txt", 2019, Ongoing2019, partner: "出入国在留管理庁長官", business: MojBusiness, title: "別の件名",
            prior: Approval(2011, 7, "平成23年度第7回本審議会承認事項"));
        Assert.Equal(LinkReason.PriorApproval, HistoryLinker.TryLink(Arrangement(old), Arrangement(later))!.Reason);
        var tooOld = later with { PriorApprovals = [Approval(2009, 7, "平成21年度第7回本審議会承認事項")] };
        Assert.Null(HistoryLinker.TryLink(Arrangement(old), Arrangement(tooOld)));
    }

    [Fact]
    public void SameSubjectBusinessAndPartnerLinksAsTheSameArrangement()
    {
        var period = Period("令和6年4月1日から令和7年3月31日まで(次年度以降も同様の外部結合を行う。)", D(2024, 4, 1), D(2025, 3, 31), Recurrence.Annual, "次年度以降も同様の外部結合を行う");
        var first = Linkage("2024.txt", 2024, period, partner: "東京都国民健康保険団体連合会", section: "介護保険課", business: "介護保険事務", title: "介護保険事務における外部結合について");
        var again = Linkage("2025.txt", 2025, period with { Start = D(2025, 4, 1) }, partner: "東京都国民健康保険団体連合会", section: "介護保険課", business: "介護保険事務", title: "介護保険事務における外部結合について");
        var link = HistoryLinker.TryLink(Arrangement(first), Arrangement(again));
        Assert.Equal(LinkReason.SameArrangement, link!.Reason);
    }

    [Fact]
    public void SameBusinessAndPartnerButDifferentSubjectStayApart()
    {
        // Two projects of one section link J-LIS under the same registered business (seeds 000 and 002).
        const string business = "個人番号の指定、通知カード及び個人番号カードに関する事務";
        var express = Linkage("002.txt", 2024, Period("令和6年12月2日から(次年度以降も同様の外部結合を行う。)", D(2024, 12, 2), null, Recurrence.Annual, "次年度以降も同様の外部結合を行う"),
            business: business, title: "マイナンバーカード特急発行に係る外部結合について");
        var unification = Linkage("000.txt", 2026, Period("令和8年6月14日から令和9年3月31日まで(次年度以降も同様の外部結合を行う。)", D(2026, 6, 14), D(2027, 3, 31), Recurrence.Annual, "次年度以降も同様の外部結合を行う"),
            business: business, title: "マイナンバーカードと在留カード等の一体化に係る外部結合について");
        Assert.Null(HistoryLinker.TryLink(Arrangement(express), Arrangement(unification)));
        var report = RenewalReportBuilder.Build([express, unification], new RenewalQuery { AsOf = D(2026, 11, 22) });
        Assert.All(report.Rows, r => Assert.Equal(ArrangementStatus.NeedsRenewal, r.Status));
    }

    [Fact]
    public void DifferentSectionKindOrSameSubmissionNeverLink()
    {
        var old = Linkage("a.txt", 2020, Ongoing2019, title: "T");
        var otherSection = Linkage("b.txt", 2021, Ongoing2019, section: "区民課", title: "T");
        Assert.Null(HistoryLinker.TryLink(Arrangement(old), Arrangement(otherSection)));

        var delegation = Submission("c.txt", 2021, "T", [Sheet("委任", "戸籍住民課", "住民基本台帳事務", "T", Ongoing2019, "地方公共団体情報システム機構")]);
        Assert.Null(HistoryLinker.TryLink(Arrangement(old), Arrangement(delegation)));

        var both = Submission("d.txt", 2021, "T", [
            Sheet("外部結合", "戸籍住民課", "住民基本台帳事務", "T", Ongoing2019, "地方公共団体情報システム機構"),
            Sheet("外部結合", "戸籍住民課", "住民基本台帳事務", "T", Ongoing2019 with { Start = D(2020, 1, 1) }, "地方公共団体情報システム機構")]);
        var history = HistoryLinker.Link(ArrangementKinds.From([both]));
        Assert.Empty(history.Links);
    }

    [Fact]
    public void SuboutsourcingBelongsToTheOutsourcingFamily()
    {
        Assert.Equal("委託", ArrangementKinds.Family("再委託"));
        Assert.False(ArrangementKinds.IsArrangement("電算処理"));
        var old = Submission("a.txt", 2020, "T", [Sheet("委託", "戸籍住民課", "B", "T", Ongoing2019, "株式会社A")]);
        var later = Submission("b.txt", 2022, "T", [Sheet("再委託", "戸籍住民課", "B", "T", Ongoing2019, "株式会社A")]);
        Assert.NotNull(HistoryLinker.TryLink(Arrangement(old), Arrangement(later)));
    }

    [Fact]
    public void ChainFollowsTheLatestSubmissionAcrossThreeYears()
    {
        var p = Period("令和4年4月1日から(次年度以降も同様の外部結合を行う。)", D(2022, 4, 1), null, Recurrence.Annual, "次年度以降も同様の外部結合を行う");
        var y1 = Linkage("y1.txt", 2022, p, title: "T");
        var y2 = Linkage("y2.txt", 2023, p with { Start = D(2023, 4, 1) }, title: "T（情報項目の追加）");
        var y3 = Linkage("y3.txt", 2024, p with { Start = D(2024, 4, 1) }, title: "T（手続の追加）");
        var report = RenewalReportBuilder.Build([y3, y1, y2], new RenewalQuery { AsOf = D(2024, 5, 1) });
        var current = Assert.Single(report.Rows, r => r.Status == ArrangementStatus.NeedsRenewal);
        Assert.Equal("y3.txt", current.Path);
        Assert.Equal(["y1.txt", "y2.txt", "y3.txt"], current.History.Select(h => h.Path));
        Assert.Equal("y2.txt", report.Rows.Single(r => r.Path == "y1.txt").ReplacedBy);
        Assert.Equal(["y1.txt", "y2.txt", "y3.txt"], report.Rows.Single(r => r.Path == "y1.txt").History.Select(h => h.Path));
    }

    [Fact]
    public void ChangeNoticeAndSubjectAreReadFromTheTitle()
    {
        var a = Arrangement(Linkage("a.txt", 2019, Ongoing2019, title: MojTitle + " (相手先の変更)"));
        Assert.Equal("(相手先の変更)", HistoryLinker.ChangeNotice(a));
        var b = Arrangement(Linkage("b.txt", 2012, Ongoing2012, title: MojTitle));
        Assert.Null(HistoryLinker.ChangeNotice(b));
        Assert.Equal(HistoryLinker.Subject(a), HistoryLinker.Subject(b));
        // びったり is a mis-extraction of ぴったり.
        var c = Arrangement(Linkage("c.txt", 2022, Ongoing2019, title: "マイナポータルびったり電子申請サービスの利用に係る外部結合について (手続の追加)"));
        var d = Arrangement(Linkage("d.txt", 2021, Ongoing2019, title: "マイナポータルぴったり電子申請サービスの利用に係る外部結合について"));
        Assert.Equal(HistoryLinker.Subject(d), HistoryLinker.Subject(c));
    }

    [Fact]
    public void PartnerOverlapTreatsABodyAndItsHeadAsOne()
    {
        Assert.True(HistoryLinker.PartnersOverlap(["出入国在留管理庁"], ["出入国在留管理庁長官"]));
        Assert.True(HistoryLinker.PartnersOverlap(["Ｊ－ＬＩＳ", "x"], ["J-LIS"]));
        Assert.False(HistoryLinker.PartnersOverlap(["法務大臣"], ["出入国在留管理庁長官"]));
        Assert.False(HistoryLinker.PartnersOverlap([], ["出入国在留管理庁長官"]));
    }

    [Fact]
    public void LinkingDoesNotDependOnInputOrder()
    {
        var records = Enumerable.Range(2018, 6)
            .Select(y => Linkage($"{y}.txt", y, Ongoing2019 with { Start = D(y, 4, 1) }, title: "T"))
            .ToList();
        var forward = RenewalReportBuilder.Build(records, new RenewalQuery { AsOf = D(2026, 1, 1) });
        var backward = RenewalReportBuilder.Build(Enumerable.Reverse(records), new RenewalQuery { AsOf = D(2026, 1, 1) });
        Assert.Equal(forward.Rows.Select(r => (r.Path, r.Status, r.ReplacedBy)), backward.Rows.Select(r => (r.Path, r.Status, r.ReplacedBy)));
        Assert.Equal("2023.txt", Assert.Single(forward.Rows, r => r.Status != ArrangementStatus.Replaced).Path);
    }

    [Fact]
    public void HugeGroupsLinkBySubjectOnly()
    {
        // Beyond MaxPairwiseGroup arrangements of one section and kind, only same-subject pairs are compared.
        var count = HistoryLinker.MaxPairwiseGroup + 1;
        var records = Enumerable.Range(0, count)
            .Select(i => Linkage($"{i:D5}.txt", 2000 + i / 1000, Ongoing2019 with { Start = D(2000 + i / 1000, 4, 1).AddDays(i % 1000 / 4) },
                title: i == count - 1 ? "T00000" : $"T{i:D5}"))
            .ToList();
        var history = HistoryLinker.Link(ArrangementKinds.From(records));
        var link = Assert.Single(history.Links);
        Assert.Equal("00000.txt", link.Earlier.Path);
        Assert.Equal($"{count - 1:D5}.txt", link.Later.Path);
    }

    [Fact]
    public void EveryArrangementOfAChainSharesItsChainAndABranchNotFollowedHasItsOwn()
    {
        var p = Period("令和4年4月1日から(次年度以降も同様の外部結合を行う。)", D(2022, 4, 1), null, Recurrence.Annual, "次年度以降も同様の外部結合を行う");
        var y1 = Linkage("y1.txt", 2022, p, title: "T");
        var y2 = Linkage("y2.txt", 2023, p with { Start = D(2023, 4, 1) }, title: "T");
        var y3 = Linkage("y3.txt", 2024, p with { Start = D(2024, 4, 1) }, title: "T");
        // A second arrangement that names y1's approval, started earlier in y2's year: y1 has two successors, the later
        // (by start) is followed, the other is a branch with a chain of its own.
        var branch = Linkage("y2-early.txt", 2023, p with { Start = D(2023, 1, 4) }, title: "U", prior: Approval(2022, 3, "令和4年度第3回承認済"));
        var history = HistoryLinker.Link(ArrangementKinds.From([y3, branch, y1, y2]));
        var (a1, a2, a3, early) = (Find("y1.txt"), Find("y2.txt"), Find("y3.txt"), Find("y2-early.txt"));
        Assert.Equal(["y2-early.txt", "y2.txt"], history.SuccessorsOf(a1).Select(l => l.Later.Path)); // oldest first

        var chain = history.ChainOf(a1);
        Assert.Equal(["y1.txt", "y2.txt", "y3.txt"], chain.Select(a => a.Path));
        Assert.Same(chain, history.ChainOf(a2));
        Assert.Same(chain, history.ChainOf(a3));
        Assert.Equal(["y1.txt", "y2-early.txt"], history.ChainOf(early).Select(a => a.Path));

        // An equal arrangement made by another read of the same record is found by its id and keeps its own object.
        var again = Arrangement(y2);
        var chainAgain = history.ChainOf(again);
        Assert.Equal(["y1.txt", "y2.txt", "y3.txt"], chainAgain.Select(a => a.Path));
        Assert.Same(again, chainAgain[1]);
        Assert.Equal("y1.txt", history.PredecessorOf(again)!.Earlier.Path);
        // One the history does not hold has no links: its chain is itself.
        var stranger = Arrangement(Linkage("other.txt", 2022, p, title: "U"));
        Assert.Equal([stranger], history.ChainOf(stranger));
        Assert.Null(history.PredecessorOf(stranger));
        Assert.Empty(history.SuccessorsOf(stranger));

        Arrangement Find(string path) => history.Arrangements.Single(a => a.Path == path);
    }

    [Fact]
    public void AHistoryIsRefusedWhenItsOrderOrLinksCouldMakeAWalkLoop()
    {
        var p = Period("令和4年4月1日から(次年度以降も同様の外部結合を行う。)", D(2022, 4, 1), null, Recurrence.Annual, "次年度以降も同様の外部結合を行う");
        var history = HistoryLinker.Link(ArrangementKinds.From(
            [Linkage("y1.txt", 2022, p, title: "T"), Linkage("y2.txt", 2023, p with { Start = D(2023, 4, 1) }, title: "T"),
             Linkage("y3.txt", 2024, p with { Start = D(2024, 4, 1) }, title: "T")]));
        var (a1, a2, a3) = (history.Arrangements[0], history.Arrangements[1], history.Arrangements[2]);
        var link = history.Links[0];
        Assert.Throws<ArgumentException>(() => new ArrangementHistory([a2, a1, a3], []));
        Assert.Throws<ArgumentException>(() => new ArrangementHistory([a1, a1, a3], []));
        Assert.Throws<ArgumentException>(() => new ArrangementHistory(history.Arrangements, [link with { Earlier = a3, Later = a1 }]));
        Assert.Throws<ArgumentException>(() => new ArrangementHistory(history.Arrangements, [link with { Earlier = a1, Later = a3 }, link with { Earlier = a2, Later = a3 }]));
        Assert.Throws<ArgumentException>(() => new ArrangementHistory([a1, a2], [link with { Earlier = a1, Later = a3 }]));
    }

    private static Arrangement Arrangement(SubmissionRecord record) => ArrangementKinds.From([record]).Single();
}
