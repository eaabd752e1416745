namespace Ingest.Core.Dates;

/// <summary>How much of a date the text gave.</summary>
public enum DatePrecision
{
    Year,
    Month,
    Day,
}

/// <summary>
/// A date found in a text: where it is (<see cref="Index"/>, <see cref="Length"/> in that text) and what it says.
/// For month and year precision <see cref="Date"/> is the first day of that month or year (the first day of the era for
/// an era's first year: 令和元年 → 2019-05-01).
/// </summary>
public readonly record struct DateMatch(int Index, int Length, DateOnly Date, DatePrecision Precision)
{
    /// <summary>Index just after the match.</summary>
    public int End => Index + Length;

    /// <summary>The last day the text can mean: the date itself, or the last day of the month or year.</summary>
    public DateOnly LastDay => Precision switch
    {
        DatePrecision.Day => Date,
        DatePrecision.Month => new DateOnly(Date.Year, Date.Month, DateTime.DaysInMonth(Date.Year, Date.Month)),
        _ => new DateOnly(Date.Year, 12, 31),
    };
}

/// <summary>A fiscal year named in a text (令和元年度, 2024年度, R6年度) and where.</summary>
public readonly record struct FiscalYearMatch(int Index, int Length, FiscalYear FiscalYear)
{
    /// <summary>Index just after the match.</summary>
    public int End => Index + Length;
}
