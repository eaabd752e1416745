using Ingest.Core.Dates;

namespace Ingest.Core.Tests.Dates;

public sealed class ErasTests
{
    [Theory]
    [InlineData(JapaneseEra.Reiwa, 1, 2019)]
    [InlineData(JapaneseEra.Reiwa, 6, 2024)]
    [InlineData(JapaneseEra.Heisei, 1, 1989)]
    [InlineData(JapaneseEra.Heisei, 23, 2011)]
    [InlineData(JapaneseEra.Heisei, 31, 2019)]
    [InlineData(JapaneseEra.Heisei, 32, 2020)] // written before the era change was known
    [InlineData(JapaneseEra.Showa, 1, 1926)]
    [InlineData(JapaneseEra.Showa, 64, 1989)]
    [InlineData(JapaneseEra.Taisho, 15, 1926)]
    [InlineData(JapaneseEra.Meiji, 45, 1912)]
    public void Era_years_map_to_gregorian_years(JapaneseEra era, int eraYear, int expected)
    {
        Assert.Equal(expected, Eras.ToGregorianYear(era, eraYear));
    }

    [Fact]
    public void Era_year_zero_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Eras.ToGregorianYear(JapaneseEra.Reiwa, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Eras.ToGregorianYear((JapaneseEra)99, 1));
    }

    [Theory]
    [InlineData("令和", JapaneseEra.Reiwa)]
    [InlineData("令", JapaneseEra.Reiwa)]
    [InlineData("R", JapaneseEra.Reiwa)]
    [InlineData("r", JapaneseEra.Reiwa)]
    [InlineData("Ｒ", JapaneseEra.Reiwa)]
    [InlineData("㋿", JapaneseEra.Reiwa)]
    [InlineData(" 平成 ", JapaneseEra.Heisei)]
    [InlineData("平", JapaneseEra.Heisei)]
    [InlineData("H", JapaneseEra.Heisei)]
    [InlineData("㍻", JapaneseEra.Heisei)]
    [InlineData("昭和", JapaneseEra.Showa)]
    [InlineData("S", JapaneseEra.Showa)]
    [InlineData("大正", JapaneseEra.Taisho)]
    [InlineData("T", JapaneseEra.Taisho)]
    [InlineData("明治", JapaneseEra.Meiji)]
    [InlineData("M", JapaneseEra.Meiji)]
    public void Era_names_letters_and_ligatures_parse(string name, JapaneseEra expected)
    {
        Assert.True(Eras.TryParseEra(name, out var era));
        Assert.Equal(expected, era);
    }

    [Theory]
    [InlineData("")]
    [InlineData("X")]
    [InlineData("令和元")]
    [InlineData("RH")]
    [InlineData(null)]
    public void Other_text_is_no_era(string? name)
    {
        Assert.False(Eras.TryParseEra(name, out _));
    }

    [Theory]
    [InlineData(2019, 4, 30, JapaneseEra.Heisei, 31)]
    [InlineData(2019, 5, 1, JapaneseEra.Reiwa, 1)]
    [InlineData(1989, 1, 7, JapaneseEra.Showa, 64)]
    [InlineData(1989, 1, 8, JapaneseEra.Heisei, 1)]
    [InlineData(1926, 12, 24, JapaneseEra.Taisho, 15)]
    [InlineData(1926, 12, 25, JapaneseEra.Showa, 1)]
    [InlineData(1912, 7, 29, JapaneseEra.Meiji, 45)]
    [InlineData(1912, 7, 30, JapaneseEra.Taisho, 1)]
    [InlineData(2024, 12, 2, JapaneseEra.Reiwa, 6)]
    public void Dates_know_their_era_across_the_boundaries(int y, int m, int d, JapaneseEra era, int eraYear)
    {
        var date = new DateOnly(y, m, d);
        Assert.Equal(era, Eras.EraOf(date));
        Assert.Equal((era, eraYear), Eras.ToEraYear(date));
        Assert.Equal(y, Eras.ToGregorianYear(era, eraYear));
    }

    [Fact]
    public void Dates_before_meiji_have_no_era()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Eras.EraOf(new DateOnly(1868, 1, 24)));
        Assert.Equal(JapaneseEra.Meiji, Eras.EraOf(new DateOnly(1868, 1, 25)));
    }

    [Fact]
    public void Era_ends_are_the_day_before_the_next_era()
    {
        Assert.Equal(new DateOnly(2019, 4, 30), Eras.EndOf(JapaneseEra.Heisei));
        Assert.Equal(new DateOnly(1989, 1, 7), Eras.EndOf(JapaneseEra.Showa));
        Assert.Null(Eras.EndOf(JapaneseEra.Reiwa));
        Assert.Equal(new DateOnly(2019, 5, 1), Eras.StartOf(JapaneseEra.Reiwa));
    }

    [Theory]
    [InlineData(2019, 5, 1, "令和元年5月1日")]
    [InlineData(2019, 4, 30, "平成31年4月30日")]
    [InlineData(2024, 12, 2, "令和6年12月2日")]
    public void Dates_format_the_way_documents_write_them(int y, int m, int d, string expected)
    {
        Assert.Equal(expected, Eras.Format(new DateOnly(y, m, d)));
    }
}
