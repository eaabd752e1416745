using Ingest.Core.Normalisation;
using Ingest.Core.Records;
using Ingest.Extraction.Values;

namespace Ingest.Extraction.Tests.Values;

public sealed class PeriodParserTests
{
    public static TheoryData<string, string?, string?, Recurrence, string?, string?> Examples => new()
    {
        // text, start, end, recurrence, firstStarted, evidence
        { "令和8年6月14日から令和9年3月31日まで(次年度以降も同様の外部結合を行う。)", "2026-06-14", "2027-03-31", Recurrence.Annual, null, "次年度以降も同様の外部結合を行う" },
        { "令和6年12月2日から(次年度以降も同様の外部結合を行う。)", "2024-12-02", null, Recurrence.Annual, null, "次年度以降も同様の外部結合を行う" },
        { "平成31年4月1日から(以降、同様の外部結合を行う。)", "2019-04-01", null, Recurrence.Ongoing, null, "以降、同様の外部結合を行う" },
        { "令和元年11月5日から令和2年3月31日まで (次年度以降も、同様の委任を行う。) ※H27.1.30 委任開始", "2019-11-05", "2020-03-31", Recurrence.Annual, "2015-01-30", "次年度以降も、同様の委任を行う" },
        { "令和元年11月5日から令和2年3月31日まで (次年度以降も、同様の委託を行う。) ※H27.1.30 委託開始", "2019-11-05", "2020-03-31", Recurrence.Annual, "2015-01-30", "次年度以降も、同様の委託を行う" },
        { "令和5年2月6日から(次年度以降も、同様の外部結合を行う。) ※上記相手方との外部結合は、令和4年3月から行っている。", "2023-02-06", null, Recurrence.Annual, "2022-03-01", "次年度以降も、同様の外部結合を行う" },
        { "令和3年4月1日から令和4年3月31日まで", "2021-04-01", "2022-03-31", Recurrence.None, null, "令和4年3月31日まで" },
        { "令和元年11月5日から令和2年3月31日まで", "2019-11-05", "2020-03-31", Recurrence.None, null, "令和2年3月31日まで" },
        { "", null, null, Recurrence.Unknown, null, null },
        { "未定", null, null, Recurrence.Unknown, null, null },
        // full-width and month-only starts
        { "令和６年１２月２日から（次年度以降も同様の外部結合を行う。）", "2024-12-02", null, Recurrence.Annual, null, "次年度以降も同様の外部結合を行う" },
        { "令和６年１２月から", "2024-12-01", null, Recurrence.None, null, "令和６年１２月から" },
        // 平成-era periods, the era change inside a period
        { "平成30年4月1日から平成31年3月31日まで(次年度以降も同様の外部結合を行う。)", "2018-04-01", "2019-03-31", Recurrence.Annual, null, "次年度以降も同様の外部結合を行う" },
        { "平成31年4月1日から令和2年3月31日まで", "2019-04-01", "2020-03-31", Recurrence.None, null, "令和2年3月31日まで" },
        { "平成24年7月9日から(以後継続)", "2012-07-09", null, Recurrence.Ongoing, null, "以後継続" },
        // documents drafted before the era change name a 平成 year that never came
        { "平成31年4月1日から平成32年3月31日まで", "2019-04-01", "2020-03-31", Recurrence.None, null, "平成32年3月31日まで" },
        // other wordings of repetition
        { "令和6年4月1日から毎年度更新する", "2024-04-01", null, Recurrence.Annual, null, "毎年度更新する" },
        { "令和6年4月1日から(年度ごとに契約を更新)", "2024-04-01", null, Recurrence.Annual, null, "年度ごとに" },
        { "令和6年4月1日から(期限なし)", "2024-04-01", null, Recurrence.Ongoing, null, "期限なし" },
        { "次年度以降も同様", null, null, Recurrence.Annual, null, "次年度以降も" },
        // ranges, labels, fiscal years
        { "令和6年4月1日~令和7年3月31日", "2024-04-01", "2025-03-31", Recurrence.None, null, "令和7年3月31日" },
        { "開始時期: 令和6年4月1日 期限: 令和7年3月31日", "2024-04-01", "2025-03-31", Recurrence.None, null, "令和7年3月31日" },
        { "令和7年3月まで", null, "2025-03-31", Recurrence.None, null, "令和7年3月まで" },
        { "令和6年度から令和8年度まで", "2024-04-01", "2027-03-31", Recurrence.None, null, "令和8年度まで" },
        { "2024年4月1日から2025年3月31日まで", "2024-04-01", "2025-03-31", Recurrence.None, null, "2025年3月31日まで" },
        { "H27.1.30から", "2015-01-30", null, Recurrence.None, null, "H27.1.30から" },
        // 開始時期及び期間 cells that label their parts
        { "開始時期:令和6年4月1日、期間:令和6年4月1日から令和7年3月31日まで", "2024-04-01", "2025-03-31", Recurrence.None, null, "令和7年3月31日まで" },
        { "開始時期 令和6年10月 期間 令和7年3月31日まで(次年度以降も同様の委託を行う。)", "2024-10-01", "2025-03-31", Recurrence.Annual, null, "次年度以降も同様の委託を行う" },
        { "令和6年4月1日(予定)から", "2024-04-01", null, Recurrence.None, null, "令和6年4月1日" },
        { "令和6年4月1日から令和7年3月31日まで(契約は1年ごとに更新)", "2024-04-01", "2025-03-31", Recurrence.Annual, null, "1年ごとに更新" },
        { "随時", null, null, Recurrence.Unknown, null, null },
        // a law's year is no period
        { "令和5年法律第48号の施行日から", null, null, Recurrence.Unknown, null, null },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Periods_are_typed(string text, string? start, string? end, Recurrence recurrence, string? firstStarted, string? evidence)
    {
        var period = PeriodParser.Parse(text);
        Assert.Equal(text, period.Text);
        Assert.Equal(Date(start), period.Start);
        Assert.Equal(Date(end), period.End);
        Assert.Equal(recurrence, period.Recurrence);
        Assert.Equal(Date(firstStarted), period.FirstStarted);
        Assert.Equal(evidence, period.Evidence);
        if (period.Evidence is not null)
            Assert.Contains(period.Evidence, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cleaned_and_raw_text_give_the_same_period()
    {
        const string raw = "令和元年１１月５日から令和２年３月３１日まで　（次年度以降も、同様の委任を行う。）　※Ｈ２７．１．３０　委任開始";
        var fromRaw = PeriodParser.Parse(raw);
        var fromClean = PeriodParser.Parse(TextNormaliser.Clean(raw));
        Assert.Equal(new DateOnly(2019, 11, 5), fromClean.Start);
        Assert.Equal(new DateOnly(2015, 1, 30), fromClean.FirstStarted);
        Assert.Equal((fromClean.Start, fromClean.End, fromClean.Recurrence), (fromRaw.Start, fromRaw.End, fromRaw.Recurrence));
    }

    [Fact]
    public void History_never_counts_as_the_start()
    {
        var period = PeriodParser.Parse("※平成27年1月30日委任開始");
        Assert.Null(period.Start);
        Assert.Equal(new DateOnly(2015, 1, 30), period.FirstStarted);
        Assert.Equal(Recurrence.Unknown, period.Recurrence);

        var told = PeriodParser.Parse("令和4年3月から行っている外部結合を令和5年2月6日から拡大する");
        Assert.Equal(new DateOnly(2023, 2, 6), told.Start);
        Assert.Equal(new DateOnly(2022, 3, 1), told.FirstStarted);
    }

    [Fact]
    public void Random_text_never_throws_and_evidence_is_always_a_substring()
    {
        string[] pool = ["令和", "平成", "H27.1.30", "6年", "元年", "12月", "2日", "から", "まで", "(", ")", "次年度以降も", "同様の", "外部結合を", "行う", "以降、", "。", "※", "委任開始", " ", "~", "年度", "期限なし", "開始時期:"];
        var random = new Random(11);
        for (var round = 0; round < 3000; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 16)).Select(_ => pool[random.Next(pool.Length)]));
            var period = PeriodParser.Parse(text);
            if (period.Evidence is not null)
                Assert.Contains(period.Evidence, text, StringComparison.Ordinal);
        }
    }

    private static DateOnly? Date(string? iso) => iso is null ? null : DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
