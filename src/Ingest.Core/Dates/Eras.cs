using System.Text;

namespace Ingest.Core.Dates;

/// <summary>The Japanese eras (元号) met in ward archives, oldest first.</summary>
public enum JapaneseEra
{
    Meiji,
    Taisho,
    Showa,
    Heisei,
    Reiwa,
}

/// <summary>
/// Era arithmetic, in one small place: era year ↔ Gregorian year, the era of a date, era names and abbreviations.
/// Era year N of an era is the Gregorian year in which the era began plus N − 1 (令和N年 = 2018 + N, 平成N年 = 1988 + N,
/// 昭和N年 = 1925 + N); the first year is written 元年. Pure and thread-safe.
/// </summary>
public static class Eras
{
    private sealed record EraInfo(JapaneseEra Era, DateOnly Start, string Name, char Letter);

    // First days in the Gregorian calendar. 明治 is counted from 1868-01-25, the first day of the lunar year it was made
    // retroactive to (the proclamation itself was 1868-10-23); nothing in a ward archive depends on that difference.
    private static readonly EraInfo[] _eras =
    [
        new(JapaneseEra.Meiji, new DateOnly(1868, 1, 25), "明治", 'M'),
        new(JapaneseEra.Taisho, new DateOnly(1912, 7, 30), "大正", 'T'),
        new(JapaneseEra.Showa, new DateOnly(1926, 12, 25), "昭和", 'S'),
        new(JapaneseEra.Heisei, new DateOnly(1989, 1, 8), "平成", 'H'),
        new(JapaneseEra.Reiwa, new DateOnly(2019, 5, 1), "令和", 'R'),
    ];

    /// <summary>The Gregorian year of <paramref name="eraYear"/> of <paramref name="era"/> (令和6 → 2024). Years past the era's end are computed all the same: documents written before an era change name 平成32年 for 2020.</summary>
    public static int ToGregorianYear(JapaneseEra era, int eraYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(eraYear, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(eraYear, 9999 - Info(era).Start.Year);
        return Info(era).Start.Year + eraYear - 1;
    }

    /// <summary>The first day of an era (平成 → 1989-01-08).</summary>
    public static DateOnly StartOf(JapaneseEra era) => Info(era).Start;

    /// <summary>The last day of an era, or null for the current one (平成 → 2019-04-30).</summary>
    public static DateOnly? EndOf(JapaneseEra era) =>
        era == JapaneseEra.Reiwa ? null : Info(era + 1).Start.AddDays(-1);

    /// <summary>The era's name in kanji (令和).</summary>
    public static string NameOf(JapaneseEra era) => Info(era).Name;

    /// <summary>The era's one-letter abbreviation (R, H, S, T, M) as in R6.12.2.</summary>
    public static char LetterOf(JapaneseEra era) => Info(era).Letter;

    /// <summary>
    /// Reads an era name: the full name (令和), its first kanji (令), its letter in either case and width (R, ｒ), or the
    /// one-character ligature (㋿ ㍻ ㍼ ㍽ ㍾). Surrounding whitespace is ignored.
    /// </summary>
    public static bool TryParseEra(string? name, out JapaneseEra era)
    {
        era = default;
        if (string.IsNullOrWhiteSpace(name) || name.Length > 8)
            return false;
        var s = name.Trim().Normalize(NormalizationForm.FormKC);
        foreach (var info in _eras)
        {
            if (s == info.Name || s == info.Name[..1]
                || s.Length == 1 && char.ToUpperInvariant(s[0]) == info.Letter)
            {
                era = info.Era;
                return true;
            }
        }
        return false;
    }

    /// <summary>The era a date belongs to; dates before 明治 are out of range.</summary>
    public static JapaneseEra EraOf(DateOnly date)
    {
        for (var i = _eras.Length - 1; i >= 0; i--)
        {
            if (date >= _eras[i].Start)
                return _eras[i].Era;
        }
        throw new ArgumentOutOfRangeException(nameof(date), date, "before 明治 (1868-01-25): no Japanese era is defined for it");
    }

    /// <summary>The era and era year of a date (2019-04-30 → (平成, 31); 2019-05-01 → (令和, 1)).</summary>
    public static (JapaneseEra Era, int Year) ToEraYear(DateOnly date)
    {
        var era = EraOf(date);
        return (era, date.Year - Info(era).Start.Year + 1);
    }

    /// <summary>A date the way the documents write it: 令和6年12月2日, with 元年 for the first year.</summary>
    public static string Format(DateOnly date)
    {
        var (era, year) = ToEraYear(date);
        var yearText = year == 1 ? "元" : year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{NameOf(era)}{yearText}年{date.Month}月{date.Day}日";
    }

    private static EraInfo Info(JapaneseEra era) =>
        era is >= JapaneseEra.Meiji and <= JapaneseEra.Reiwa
            ? _eras[(int)era]
            : throw new ArgumentOutOfRangeException(nameof(era), era, "unknown era");
}
