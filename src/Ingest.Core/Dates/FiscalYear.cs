namespace Ingest.Core.Dates;

/// <summary>
/// A Japanese fiscal year (年度), named by the calendar year it starts in: FY2024 runs from 2024-04-01 to 2025-03-31.
/// 令和元年度 is FY2019 even though its first month fell in 平成.
/// </summary>
public readonly record struct FiscalYear(int Year)
{
    /// <summary>Smallest and largest years for which both ends are representable dates.</summary>
    public const int MinYear = 1, MaxYear = 9998;

    /// <summary>1 April of <see cref="Year"/>.</summary>
    public DateOnly Start => new(Checked(Year), 4, 1);

    /// <summary>31 March of the following year.</summary>
    public DateOnly End => new(Checked(Year) + 1, 3, 31);

    /// <summary>The fiscal year a date falls in: April to December belong to the same calendar year's, January to March to the previous one's.</summary>
    public static FiscalYear Of(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>Whether <paramref name="date"/> lies in this fiscal year (both ends included).</summary>
    public bool Contains(DateOnly date) => Of(date).Year == Year;

    /// <summary>The next fiscal year.</summary>
    public FiscalYear Next => new(Year + 1);

    public override string ToString() => $"FY{Year}";

    private static int Checked(int year) =>
        year is >= MinYear and <= MaxYear ? year : throw new ArgumentOutOfRangeException(nameof(Year), year, $"fiscal year must be {MinYear}–{MaxYear}");
}
