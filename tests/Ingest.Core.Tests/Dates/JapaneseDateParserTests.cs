using Ingest.Core.Dates;

namespace Ingest.Core.Tests.Dates;

public sealed class JapaneseDateParserTests
{
    [Theory]
    [InlineData("令和8年6月14日", 2026, 6, 14, DatePrecision.Day)]
    [InlineData("令和６年１２月２日", 2024, 12, 2, DatePrecision.Day)]
    [InlineData("令和元年", 2019, 5, 1, DatePrecision.Year)]
    [InlineData("令和元年5月1日", 2019, 5, 1, DatePrecision.Day)]
    [InlineData("平成 24 年 7 月 9 日", 2012, 7, 9, DatePrecision.Day)]
    [InlineData("H27.1.30", 2015, 1, 30, DatePrecision.Day)]
    [InlineData("R6.12.2", 2024, 12, 2, DatePrecision.Day)]
    [InlineData("R6年12月", 2024, 12, 1, DatePrecision.Month)]
    [InlineData("令和６年１１月", 2024, 11, 1, DatePrecision.Month)]
    [InlineData("令和５年", 2023, 1, 1, DatePrecision.Year)]
    [InlineData("2024年4月1日", 2024, 4, 1, DatePrecision.Day)]
    [InlineData("２０２４年４月１日", 2024, 4, 1, DatePrecision.Day)]
    [InlineData("2024/4/1", 2024, 4, 1, DatePrecision.Day)]
    [InlineData("2024-04-01", 2024, 4, 1, DatePrecision.Day)]
    [InlineData("2024年", 2024, 1, 1, DatePrecision.Year)]
    [InlineData("平成31年4月30日", 2019, 4, 30, DatePrecision.Day)]
    [InlineData("平成31年5月1日", 2019, 5, 1, DatePrecision.Day)] // past the era's end: mapped all the same
    [InlineData("平成32年3月31日", 2020, 3, 31, DatePrecision.Day)]
    [InlineData("昭和64年1月7日", 1989, 1, 7, DatePrecision.Day)]
    [InlineData("平成元年1月8日", 1989, 1, 8, DatePrecision.Day)]
    [InlineData("令和六年十二月二日", 2024, 12, 2, DatePrecision.Day)]
    [InlineData("令和六年十月三十一日", 2024, 10, 31, DatePrecision.Day)]
    [InlineData("二〇二四年四月一日", 2024, 4, 1, DatePrecision.Day)]
    [InlineData("㍻31年4月1日", 2019, 4, 1, DatePrecision.Day)]
    [InlineData("令和6年2月29日", 2024, 2, 29, DatePrecision.Day)]
    [InlineData("平成元年", 1989, 1, 8, DatePrecision.Year)]
    public void One_date_is_read_with_its_precision(string text, int y, int m, int d, DatePrecision precision)
    {
        Assert.True(JapaneseDateParser.TryParse(text, out var match), text);
        Assert.Equal(new DateOnly(y, m, d), match.Date);
        Assert.Equal(precision, match.Precision);
        Assert.Equal(0, match.Index);
        Assert.Equal(text.Length, match.Length);
    }

    [Theory]
    [InlineData("令和0年4月1日")]
    [InlineData("令和5年2月30日")]
    [InlineData("令和5年2月29日")]
    [InlineData("令和5年13月")]
    [InlineData("令和6年度")]
    [InlineData("2024年度")]
    [InlineData("R6")]
    [InlineData("SH27.1.30")]
    [InlineData("第3条第1項第3号")]
    [InlineData("12,000人")]
    [InlineData("3.14")]
    [InlineData("4月1日")]
    [InlineData("2024/13/1")]
    [InlineData("")]
    public void Impossible_or_incomplete_dates_are_not_dates(string text)
    {
        Assert.Empty(JapaneseDateParser.FindAll(text));
        Assert.False(JapaneseDateParser.TryParse(text, out _));
    }

    [Fact]
    public void All_dates_of_a_text_are_found_in_order_with_their_positions()
    {
        const string text = "令和元年11月5日から令和2年3月31日まで (次年度以降も、同様の委任を行う。) ※H27.1.30 委任開始";
        var found = JapaneseDateParser.FindAll(text);
        Assert.Equal(3, found.Count);
        Assert.Equal(new DateOnly(2019, 11, 5), found[0].Date);
        Assert.Equal(new DateOnly(2020, 3, 31), found[1].Date);
        Assert.Equal(new DateOnly(2015, 1, 30), found[2].Date);
        Assert.Equal("令和元年11月5日", text.Substring(found[0].Index, found[0].Length));
        Assert.Equal("令和2年3月31日", text.Substring(found[1].Index, found[1].Length));
        Assert.Equal("H27.1.30", text.Substring(found[2].Index, found[2].Length));
    }

    [Fact]
    public void A_law_number_gives_a_year_precision_date()
    {
        const string text = "番号法の一部を改正する法律(令和５年法律第 48号)に基づき";
        var match = Assert.Single(JapaneseDateParser.FindAll(text));
        Assert.Equal(DatePrecision.Year, match.Precision);
        Assert.Equal(new DateOnly(2023, 1, 1), match.Date);
        Assert.Equal("令和５年", text.Substring(match.Index, match.Length));
    }

    [Fact]
    public void Month_and_year_matches_know_their_last_day()
    {
        Assert.True(JapaneseDateParser.TryParse("令和6年2月", out var month));
        Assert.Equal(new DateOnly(2024, 2, 29), month.LastDay);
        Assert.True(JapaneseDateParser.TryParse("2023年", out var year));
        Assert.Equal(new DateOnly(2023, 12, 31), year.LastDay);
    }

    [Theory]
    [InlineData(" 令和6年12月2日 ", true)]
    [InlineData("令和6年12月2日から", false)]
    [InlineData("令和6年12月2日 令和7年1月1日", false)]
    public void TryParse_wants_the_whole_text(string text, bool expected)
    {
        Assert.Equal(expected, JapaneseDateParser.TryParse(text, out _));
    }

    [Theory]
    [InlineData("令和元年度", 2019)]
    [InlineData("平成23年度", 2011)]
    [InlineData("平成31年度", 2019)]
    [InlineData("2024年度", 2024)]
    [InlineData("R6年度", 2024)]
    [InlineData("H30年度", 2018)]
    [InlineData("令和６年度", 2024)]
    [InlineData("令和 6 年度", 2024)]
    [InlineData("令和六年度", 2024)]
    [InlineData("2024_令和6年度_第3回", 2024)]
    [InlineData("令和元年度第６回情報公開・個人情報保護審議会承認済み", 2019)]
    [InlineData("昭和63年度", 1988)]
    public void Fiscal_years_are_read(string text, int expected)
    {
        Assert.Equal(expected, JapaneseDateParser.ParseFiscalYear(text));
    }

    [Theory]
    [InlineData("令和0年度")]
    [InlineData("令和6年")]
    [InlineData("第3回")]
    [InlineData("年度")]
    [InlineData("")]
    public void Text_without_a_fiscal_year_gives_null(string text)
    {
        Assert.Null(JapaneseDateParser.ParseFiscalYear(text));
    }

    [Fact]
    public void Fiscal_years_and_dates_do_not_overlap()
    {
        const string text = "令和6年度から令和8年度まで、令和6年4月1日に開始";
        var years = JapaneseDateParser.FindFiscalYears(text);
        Assert.Equal([2024, 2026], years.Select(y => y.FiscalYear.Year));
        var date = Assert.Single(JapaneseDateParser.FindAll(text));
        Assert.Equal(new DateOnly(2024, 4, 1), date.Date);
    }

    [Theory]
    [InlineData("元", 1)]
    [InlineData("12", 12)]
    [InlineData("１２", 12)]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("三十一", 31)]
    [InlineData("二〇二四", 2024)]
    [InlineData("十十", null)]
    [InlineData("x", null)]
    [InlineData("", null)]
    public void Numbers_read_in_every_script(string text, int? expected)
    {
        Assert.Equal(expected, JapaneseDateParser.ParseNumber(text));
    }

    [Fact]
    public void Random_text_never_throws()
    {
        string[] pool = ["令和", "平成", "H", "R", "元", "年", "月", "日", "度", "1", "2", "3", "0", "9", "１", "十", "二", "〇", ".", "/", "-", " ", "\n", "から", "まで", "※", "第", "回"];
        var random = new Random(7);
        for (var round = 0; round < 3000; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 30)).Select(_ => pool[random.Next(pool.Length)]));
            var dates = JapaneseDateParser.FindAll(text);
            for (var i = 1; i < dates.Count; i++)
                Assert.True(dates[i].Index >= dates[i - 1].End, text);
            Assert.All(dates, d => Assert.True(d.End <= text.Length));
            _ = JapaneseDateParser.ParseFiscalYear(text);
            _ = JapaneseDateParser.TryParse(text, out _);
        }
    }
}
