using Ingest.Readers.Xlsx;

namespace Ingest.Readers.Tests.Xlsx;

public sealed class CellNumberFormatTests
{
    [Theory]
    [InlineData(2024, 4, 1, "yyyy/m/d", "2024/4/1")]
    [InlineData(2024, 4, 1, "[$-411]ggge\"年\"m\"月\"d\"日\"", "令和6年4月1日")]
    [InlineData(2019, 5, 1, "[$-ja-JP-x-gannen]ggge\"年\"m\"月\"d\"日\"", "令和元年5月1日")]
    [InlineData(2019, 4, 30, "[$-411]ggge\"年\"m\"月\"d\"日\"", "平成31年4月30日")]
    [InlineData(2019, 5, 1, "[$-411]ge.m.d", "R1.5.1")]
    [InlineData(1989, 1, 7, "[$-411]gge\"年\"", "昭64年")]
    [InlineData(2024, 4, 1, "yyyy\"年\"mm\"月\"dd\"日\"(aaa)", "2024年04月01日(月)")]
    [InlineData(2024, 4, 1, "mmm d, yyyy", "Apr 1, 2024")]
    public void Dates_are_shown_in_their_format(int year, int month, int day, string code, string expected)
    {
        var serial = XlsxReaderTests.Serial(new DateOnly(year, month, day));
        Assert.True(CellNumberFormat.IsDateTime(code));
        Assert.Equal(expected, CellNumberFormat.Format(serial, code));
    }

    [Theory]
    [InlineData(0.75, "h:mm", "18:00")]
    [InlineData(0.5 + 30.0 / 86400, "hh:mm:ss", "12:00:30")]
    [InlineData(0.25, "h\"時\"mm\"分\"", "6時00分")]
    [InlineData(0.75, "[$-411]AM/PM h:mm", "午後 6:00")]
    public void Times_are_shown_with_minutes_not_months(double serial, string code, string expected) =>
        Assert.Equal(expected, CellNumberFormat.Format(serial, code));

    [Theory]
    [InlineData(1234.5, "#,##0.00", "1,234.50")]
    [InlineData(1234567, "#,##0", "1,234,567")]
    [InlineData(-1234, "#,##0;\"△\"#,##0", "△1,234")]
    [InlineData(-1234, "#,##0", "-1,234")]
    [InlineData(0, "#,##0;-#,##0;\"－\"", "－")]
    [InlineData(0.125, "0.0%", "12.5%")]
    [InlineData(12, "000", "012")]
    [InlineData(5, "0\"件\"", "5件")]
    [InlineData(1500000, "#,##0,\"千円\"", "1,500千円")]
    [InlineData(1234567, "General", "1234567")]
    [InlineData(0.30000000000000004, "General", "0.3")]
    [InlineData(12345.678, "0.00E+00", "1.23E+04")]
    [InlineData(42, "@", "42")]
    public void Numbers_are_shown_in_their_format(double value, string code, string expected) =>
        Assert.Equal(expected, CellNumberFormat.Format(value, code));

    [Fact]
    public void Built_in_date_formats_are_those_of_a_japanese_excel()
    {
        var serial = XlsxReaderTests.Serial(new DateOnly(2024, 4, 1));
        Assert.Equal("2024/4/1", CellNumberFormat.Format(serial, CellNumberFormat.BuiltInCode(14)));
        Assert.Equal("令和6年4月1日", CellNumberFormat.Format(serial, CellNumberFormat.BuiltInCode(58)));
        Assert.Equal("2024年4月1日", CellNumberFormat.Format(serial, CellNumberFormat.BuiltInCode(31)));
        Assert.False(CellNumberFormat.IsDateTime(CellNumberFormat.BuiltInCode(3)));
    }

    [Fact]
    public void Serial_dates_follow_the_workbook_date_system()
    {
        Assert.Equal(new DateTime(1900, 3, 1), CellNumberFormat.ToDate(61, date1904: false));
        Assert.Equal(new DateTime(1900, 2, 28), CellNumberFormat.ToDate(59, date1904: false));
        Assert.Equal(new DateTime(1904, 1, 2), CellNumberFormat.ToDate(1, date1904: true));
        Assert.Null(CellNumberFormat.ToDate(-1, date1904: false));
    }
}
