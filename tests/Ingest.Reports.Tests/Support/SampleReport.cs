using Ingest.Core.Records;
using Ingest.Reports.Renewals;
using static Ingest.Reports.Tests.Support.Build;

namespace Ingest.Reports.Tests.Support;

/// <summary>A small report with every status and text that needs escaping in each format.</summary>
internal static class SampleReport
{
    public static RenewalReport Create()
    {
        var annual = Period("令和8年6月14日から令和9年3月31日まで(次年度以降も同様の外部結合を行う。)", D(2026, 6, 14), D(2027, 3, 31), Recurrence.Annual, "次年度以降も同様の外部結合を行う");
        var ongoing = Period("平成31年4月1日から(以降、同様の外部結合を行う。)", D(2019, 4, 1), null, Recurrence.Ongoing, "以降、同様の外部結合を行う");
        var ended = Period("平成30年6月1日から平成31年3月31日まで", D(2018, 6, 1), D(2019, 3, 31), Recurrence.None, "平成31年3月31日まで");
        var records = new[]
        {
            Linkage("seeds/000.txt", 2026, annual, title: "マイナンバーカードと在留カード等の一体化に係る外部結合について"),
            Linkage("seeds/001.txt", 2019, ongoing, partner: "出入国在留管理庁長官", title: "法務省との情報連携, \"相手先\" の変更 <script>alert(1)</script> | 改行\n二行目"),
            Submission("h30.txt", 2018, "委託", [Sheet("委託", "健康づくり課", "特定健康診査", "データ化業務の委託について", ended, "株式会社A", "株式会社B")]),
        };
        return RenewalReportBuilder.Build(records, new RenewalQuery { AsOf = D(2026, 11, 22) });
    }
}
