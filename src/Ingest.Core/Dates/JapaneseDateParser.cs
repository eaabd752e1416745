using System.Text.RegularExpressions;

namespace Ingest.Core.Dates;

/// <summary>
/// Finds dates in Japanese administrative text. Forms: 令和8年6月14日, 令和６年１２月２日 (full-width), 令和元年,
/// 平成 24 年 7 月 9 日 (spaces inside), 令和六年十二月二日 (kanji numerals), H27.1.30 / R6.12.2, 令和６年１１月 (month
/// only), 令和５年 (year only), 2024年4月1日, 2024/4/1, 2024-04-01, 二〇二四年; the era ligatures ㋿ ㍻ ㍼ ㍽ ㍾.
/// Works on raw and normalised text alike; indices refer to the text given.
/// <para>Validation: era year 0 and impossible days (2月30日) are not dates. A date past its era's end (平成31年5月1日,
/// 平成32年3月31日) is still mapped arithmetically (to 2019-05-01, 2020-03-31): documents drafted before the 2019 era change
/// name 平成 years that never came. 年度 (a fiscal year) is never read as a calendar date; see <see cref="FindFiscalYears"/>.</para>
/// Pure and thread-safe.
/// </summary>
public static partial class JapaneseDateParser
{
    /// <summary>Longest text searched; dates further on are ignored (a cell or page is far shorter).</summary>
    public const int MaxInputLength = 1_000_000;

    /// <summary>All dates in <paramref name="text"/>, in order, not overlapping.</summary>
    public static IReadOnlyList<DateMatch> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var input = Limit(text);
        var found = new List<DateMatch>();
        foreach (Match m in DatePattern().Matches(input))
        {
            if (ToDate(m) is { } date)
                found.Add(date);
        }
        return found;
    }

    /// <summary>Whether the whole of <paramref name="text"/> (surrounding whitespace aside) is one date.</summary>
    public static bool TryParse(string text, out DateMatch match)
    {
        match = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
            return false;
        var found = FindAll(text);
        if (found.Count != 1)
            return false;
        var leading = text.Length - text.TrimStart().Length;
        var trailing = text.Length - text.TrimEnd().Length;
        if (found[0].Index != leading || found[0].End != text.Length - trailing)
            return false;
        match = found[0];
        return true;
    }

    /// <summary>The first fiscal year named in the text: 令和元年度 → 2019, 平成23年度 → 2011, 2024年度 → 2024, R6年度 → 2024.</summary>
    public static int? ParseFiscalYear(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = FindFiscalYears(text);
        return found.Count == 0 ? null : found[0].FiscalYear.Year;
    }

    /// <summary>All fiscal years named in the text (…年度), in order.</summary>
    public static IReadOnlyList<FiscalYearMatch> FindFiscalYears(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<FiscalYearMatch>();
        foreach (Match m in FiscalYearPattern().Matches(Limit(text)))
        {
            int? year = null;
            if (m.Groups["era"].Success)
            {
                if (Eras.TryParseEra(m.Groups["era"].Value, out var era) && ParseNumber(m.Groups["y"].Value) is { } eraYear and >= 1)
                    year = Eras.ToGregorianYear(era, eraYear);
            }
            else
            {
                year = ParseNumber(m.Groups["wy"].Value);
            }
            if (year is >= FiscalYear.MinYear and <= FiscalYear.MaxYear)
                found.Add(new FiscalYearMatch(m.Index, m.Length, new FiscalYear(year.Value)));
        }
        return found;
    }

    /// <summary>
    /// A number as the documents write it: ASCII or full-width digits, 元 (the first year), kanji digits read
    /// positionally (二〇二四) or with 十 (十二, 二十, 三十一). Null when it is none of these.
    /// </summary>
    public static int? ParseNumber(string s)
    {
        if (string.IsNullOrEmpty(s) || s.Length > 9)
            return null;
        if (s == "元")
            return 1;
        var value = 0;
        var tens = s.IndexOf('十');
        if (tens >= 0)
        {
            if (s.IndexOf('十', tens + 1) >= 0)
                return null;
            var left = tens == 0 ? 1 : Digits(s[..tens]);
            var right = tens == s.Length - 1 ? 0 : Digits(s[(tens + 1)..]);
            return left is >= 1 and <= 9 && right is >= 0 and <= 9 ? left * 10 + right : null;
        }
        return Digits(s);

        int? Digits(string digits)
        {
            value = 0;
            foreach (var c in digits)
            {
                var d = DigitValue(c);
                if (d < 0)
                    return null;
                value = value * 10 + d;
            }
            return value;
        }
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '０' and <= '９' => c - '０',
        '〇' or '○' or '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };

    private static string Limit(string text) => text.Length > MaxInputLength ? text[..MaxInputLength] : text;

    private static DateMatch? ToDate(Match m)
    {
        int? year;
        string? monthText, dayText;
        var firstYearOfEra = false;
        JapaneseEra era = default;
        var hasEra = false;
        if (m.Groups["era"].Success || m.Groups["sera"].Success)
        {
            var eraGroup = m.Groups["era"].Success ? "era" : "sera";
            var prefix = eraGroup == "era" ? "e" : "s";
            if (!Eras.TryParseEra(m.Groups[eraGroup].Value, out era))
                return null;
            hasEra = true;
            var eraYear = ParseNumber(m.Groups[prefix + "y"].Value);
            if (eraYear is not >= 1)
                return null; // 令和0年 is no year
            year = Eras.ToGregorianYear(era, eraYear.Value);
            firstYearOfEra = eraYear == 1;
            monthText = Value(m.Groups[prefix + "m"]);
            dayText = Value(m.Groups[prefix + "d"]);
        }
        else
        {
            var prefix = m.Groups["wy"].Success ? "w" : "n";
            year = ParseNumber(m.Groups[prefix + "y"].Value);
            monthText = Value(m.Groups[prefix + "m"]);
            dayText = Value(m.Groups[prefix + "d"]);
        }
        if (year is not (>= 1 and <= 9999))
            return null;

        if (monthText is null)
        {
            var first = hasEra && firstYearOfEra ? Eras.StartOf(era) : new DateOnly(year.Value, 1, 1);
            return new DateMatch(m.Index, m.Length, first, DatePrecision.Year);
        }
        if (ParseNumber(monthText) is not (>= 1 and <= 12) || ParseNumber(monthText) is not { } month)
            return null;
        if (dayText is null)
            return new DateMatch(m.Index, m.Length, new DateOnly(year.Value, month, 1), DatePrecision.Month);
        if (ParseNumber(dayText) is not { } day || day < 1 || day > DateTime.DaysInMonth(year.Value, month))
            return null; // 2月30日 is no date
        return new DateMatch(m.Index, m.Length, new DateOnly(year.Value, month, day), DatePrecision.Day);
    }

    private static string? Value(Group g) => g.Success ? g.Value : null;

    // Era names, ligatures, and a one-letter abbreviation not glued to a preceding Latin letter or digit.
    private const string EraName = @"令和|平成|昭和|大正|明治|㋿|㍻|㍼|㍽|㍾";
    private const string EraLetter = @"(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９])[RHSTMＲＨＳＴＭ]";
    private const string ShortEraLetter = @"(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９])(?<sera>[RHSTMrhstmＲＨＳＴＭ])";
    private const string Num = @"[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}";
    private const string Gap = @"[ \t\u3000]{0,2}";

    // Alternatives: era date (令和6年12月2日, year and month optional parts), dotted era date (H27.1.30), western date
    // with 年月日 (2024年4月1日, 二〇二四年), numeric western date (2024/4/1, 2024-04-01, 2024.4.1).
    // 年 followed by 度 is a fiscal year, not a date.
    [GeneratedRegex(
        @"(?<era>" + EraName + "|" + EraLetter + @"(?=" + Gap + @"(?:[0-9０-９]|元)))" + Gap + @"(?<ey>元|" + Num + ")" + Gap + @"年(?!" + Gap + "度)"
        + @"(?:" + Gap + @"(?<em>" + Num + ")" + Gap + @"月(?:" + Gap + @"(?<ed>" + Num + ")" + Gap + @"日)?)?"
        + @"|" + ShortEraLetter + @"\.?" + Gap
        + @"(?<sy>[0-9０-９]{1,2})[.．](?<sm>[0-9０-９]{1,2})[.．](?<sd>[0-9０-９]{1,2})(?![0-9０-９])"
        + @"|(?<![0-9０-９])(?<wy>(?:1[89]|2[01])[0-9]{2}|(?:１[８９]|２[０１])[０-９]{2}|[〇一二三四五六七八九]{4})" + Gap + @"年(?!" + Gap + "度)"
        + @"(?:" + Gap + @"(?<wm>" + Num + ")" + Gap + @"月(?:" + Gap + @"(?<wd>" + Num + ")" + Gap + @"日)?)?"
        + @"|(?<![0-9０-９./-])(?<ny>(?:1[89]|2[01])[0-9]{2})(?<sep>[/.-])(?<nm>[0-9]{1,2})\k<sep>(?<nd>[0-9]{1,2})(?![0-9]|[./-][0-9])")]
    private static partial Regex DatePattern();

    [GeneratedRegex(
        @"(?<era>" + EraName + "|" + EraLetter + @")" + Gap + @"(?<y>元|" + Num + ")" + Gap + "年" + Gap + "度"
        + @"|(?<![0-9０-９])(?<wy>(?:1[89]|2[01])[0-9]{2}|(?:１[８９]|２[０１])[０-９]{2})" + Gap + "年" + Gap + "度")]
    private static partial Regex FiscalYearPattern();
}
