using Ingest.Core.Dates;

namespace Ingest.Core.Tests.Dates;

public sealed class FiscalYearTests
{
    [Theory]
    [InlineData(2025, 3, 31, 2024)]
    [InlineData(2025, 4, 1, 2025)]
    [InlineData(2024, 12, 31, 2024)]
    [InlineData(2025, 1, 1, 2024)]
    [InlineData(2019, 4, 30, 2019)] // 平成31年度 and 令和元年度 are one fiscal year
    [InlineData(2019, 5, 1, 2019)]
    [InlineData(1989, 1, 7, 1988)]
    [InlineData(1989, 1, 8, 1988)]
    public void A_date_belongs_to_the_fiscal_year_starting_on_the_last_1_april(int y, int m, int d, int expected)
    {
        Assert.Equal(expected, FiscalYear.Of(new DateOnly(y, m, d)).Year);
    }

    [Fact]
    public void Fiscal_years_run_from_1_april_to_31_march()
    {
        var fy = new FiscalYear(2024);
        Assert.Equal(new DateOnly(2024, 4, 1), fy.Start);
        Assert.Equal(new DateOnly(2025, 3, 31), fy.End);
        Assert.True(fy.Contains(fy.Start));
        Assert.True(fy.Contains(fy.End));
        Assert.False(fy.Contains(new DateOnly(2024, 3, 31)));
        Assert.False(fy.Contains(new DateOnly(2025, 4, 1)));
        Assert.Equal(new FiscalYear(2025), fy.Next);
        Assert.Equal("FY2024", fy.ToString());
    }

    [Fact]
    public void Fiscal_year_ends_are_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalYear(9999).End);
        Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalYear(0).Start);
    }

    [Fact]
    public void Every_day_of_a_leap_fiscal_year_is_contained_once()
    {
        var fy = new FiscalYear(2023);
        var days = 0;
        for (var d = fy.Start; d <= fy.End; d = d.AddDays(1))
        {
            Assert.Equal(fy, FiscalYear.Of(d));
            days++;
        }
        Assert.Equal(366, days); // includes 2024-02-29
    }
}
