using System.Globalization;
using System.Text;
using Ingest.Core.Dates;

namespace Ingest.Readers.Xlsx;

/// <summary>
/// Shows a numeric cell as Excel shows it, from its number format code (ECMA-376 part 1, 18.8.31): the section for
/// positive, negative or zero values; quoted and escaped literals; dates and times (a date cell holds a serial number, so
/// a date format is what makes it a date) with the Japanese era codes (g, gg, ggg, e, ee) and weekday names (aaa, aaaa);
/// digit placeholders with grouping, decimals and percent. Colours, conditions and fill characters do not change the
/// text and are dropped. Built-in formats are those of a Japanese Excel, where the archive's workbooks were written.
/// </summary>
public static class CellNumberFormat
{
    /// <summary>
    /// The built-in format codes by id, as a Japanese-locale Excel shows them (ECMA-376 part 1, 18.8.30; ids 14 and 22
    /// follow the locale's short date, year first; 27–36 and 50–58 are the Japanese-locale date formats).
    /// </summary>
    private static readonly Dictionary<uint, string> BuiltIn = new()
    {
        [0] = "General", [1] = "0", [2] = "0.00", [3] = "#,##0", [4] = "#,##0.00",
        [5] = "\"¥\"#,##0;\"¥\"\\-#,##0", [6] = "\"¥\"#,##0;[Red]\"¥\"\\-#,##0", [7] = "\"¥\"#,##0.00;\"¥\"\\-#,##0.00", [8] = "\"¥\"#,##0.00;[Red]\"¥\"\\-#,##0.00",
        [9] = "0%", [10] = "0.00%", [11] = "0.00E+00", [12] = "# ?/?", [13] = "# ??/??",
        [14] = "yyyy/m/d", [15] = "d-mmm-yy", [16] = "d-mmm", [17] = "mmm-yy", [18] = "h:mm AM/PM", [19] = "h:mm:ss AM/PM",
        [20] = "h:mm", [21] = "h:mm:ss", [22] = "yyyy/m/d h:mm",
        [27] = "[$-411]ge.m.d", [28] = "[$-411]ggge\"年\"m\"月\"d\"日\"", [29] = "[$-411]ggge\"年\"m\"月\"d\"日\"", [30] = "m/d/yy",
        [31] = "yyyy\"年\"m\"月\"d\"日\"", [32] = "h\"時\"mm\"分\"", [33] = "h\"時\"mm\"分\"ss\"秒\"", [34] = "yyyy\"年\"m\"月\"", [35] = "m\"月\"d\"日\"",
        [36] = "[$-411]ge.m.d", [37] = "#,##0 ;(#,##0)", [38] = "#,##0 ;[Red](#,##0)", [39] = "#,##0.00;(#,##0.00)", [40] = "#,##0.00;[Red](#,##0.00)",
        [45] = "mm:ss", [46] = "[h]:mm:ss", [47] = "mm:ss.0", [48] = "##0.0E+0", [49] = "@",
        [50] = "[$-411]ge.m.d", [51] = "[$-411]ggge\"年\"m\"月\"d\"日\"", [52] = "yyyy\"年\"m\"月\"", [53] = "m\"月\"d\"日\"",
        [54] = "[$-411]ggge\"年\"m\"月\"d\"日\"", [55] = "yyyy\"年\"m\"月\"", [56] = "m\"月\"d\"日\"", [57] = "[$-411]ge.m.d", [58] = "[$-411]ggge\"年\"m\"月\"d\"日\"",
    };

    /// <summary>The code of a built-in format id; General for ids a workbook uses without defining.</summary>
    public static string BuiltInCode(uint id) => BuiltIn.GetValueOrDefault(id, "General");

    /// <summary>True when the code shows a date or a time (it has date or time letters outside quotes and brackets).</summary>
    public static bool IsDateTime(string code)
    {
        foreach (var token in Tokens(Sections(code)[0]))
        {
            if (token.Kind == TokenKind.DatePart)
                return true;
        }
        return false;
    }

    /// <summary>
    /// The cell's text: <paramref name="value"/> shown with <paramref name="code"/>. <paramref name="date1904"/> is the
    /// workbook's date system (serial 0 is 1904-01-01 rather than 1899-12-31).
    /// </summary>
    public static string Format(double value, string code, bool date1904 = false)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
            return General(value);
        var sections = Sections(code);
        string section;
        var negativeSection = false;
        if (value < 0 && sections.Count >= 2)
        {
            section = sections[1];
            negativeSection = true;
        }
        else if (value == 0 && sections.Count >= 3)
            section = sections[2];
        else
            section = sections[0];
        var tokens = Tokens(section);
        if (tokens.Any(t => t.Kind == TokenKind.DatePart))
            return ToDate(value, date1904) is { } date ? FormatDate(date, tokens, section) : General(value);
        if (!tokens.Any(t => t.Kind == TokenKind.Digit) || section.Trim().Equals("General", StringComparison.OrdinalIgnoreCase))
        {
            // General (or text, or only literals around General): the shortest exact rendering, as Excel's General does.
            var literalOnly = tokens.All(t => t.Kind is TokenKind.Literal or TokenKind.General);
            if (!literalOnly)
                return General(value);
            var text = new StringBuilder();
            foreach (var token in tokens)
                text.Append(token.Kind == TokenKind.General ? General(negativeSection ? Math.Abs(value) : value) : token.Text);
            return text.ToString();
        }
        return FormatNumber(negativeSection ? Math.Abs(value) : value, tokens);
    }

    /// <summary>Excel's General for a value in a wide column: up to 15 significant digits, no trailing zeros.</summary>
    public static string General(double value)
    {
        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
            return value.ToString("0", CultureInfo.InvariantCulture);
        var text = value.ToString("G15", CultureInfo.InvariantCulture);
        return text.Contains('E', StringComparison.Ordinal) ? value.ToString("0.##########E+00", CultureInfo.InvariantCulture) : text;
    }

    /// <summary>A serial date of the workbook's system as a date and time; null outside what Excel shows (before 1900 or after 9999).</summary>
    public static DateTime? ToDate(double serial, bool date1904)
    {
        if (serial < 0 || serial >= 2958466)
            return null;
        var days = Math.Floor(serial);
        // Day and time apart, the time rounded to the millisecond, so 0.5 is noon and not 11:59:59.999.
        var milliseconds = Math.Round((serial - days) * 86_400_000);
        DateTime origin;
        if (date1904)
            origin = new DateTime(1904, 1, 1);
        else if (days >= 61)
            origin = new DateTime(1899, 12, 30);
        else if (days == 60)
            return new DateTime(1900, 2, 28); // Excel's 1900-02-29, a day that never was (kept for Lotus 1-2-3's sake)
        else
            origin = new DateTime(1899, 12, 31);
        return origin.AddDays(days).AddMilliseconds(milliseconds);
    }

    private enum TokenKind
    {
        Literal,
        DatePart,
        Digit,
        DecimalPoint,
        Grouping,
        Percent,
        General,
        AmPm,
        Exponent,
    }

    private readonly record struct Token(TokenKind Kind, string Text);

    /// <summary>The sections of a code, split at semicolons outside quotes and brackets.</summary>
    private static List<string> Sections(string code)
    {
        var sections = new List<string>();
        var start = 0;
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '\\' && !quoted)
                i++;
            else if (c == '"')
                quoted = !quoted;
            else if (!quoted && c == '[')
                bracket = true;
            else if (!quoted && c == ']')
                bracket = false;
            else if (!quoted && !bracket && c == ';')
            {
                sections.Add(code[start..i]);
                start = i + 1;
            }
        }
        sections.Add(code[start..]);
        return sections;
    }

    private static List<Token> Tokens(string section)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < section.Length)
        {
            var c = section[i];
            switch (c)
            {
                case '"':
                    var end = section.IndexOf('"', i + 1);
                    if (end < 0)
                        end = section.Length;
                    tokens.Add(new Token(TokenKind.Literal, section[(i + 1)..end]));
                    i = end + 1;
                    continue;
                case '\\' when i + 1 < section.Length:
                    tokens.Add(new Token(TokenKind.Literal, section[i + 1].ToString()));
                    i += 2;
                    continue;
                case '[':
                    var close = section.IndexOf(']', i + 1);
                    if (close < 0)
                        close = section.Length - 1;
                    var inner = section[(i + 1)..close];
                    // [h], [mm], [ss]: elapsed time; [Red], [$-411], [DBNum1], [>100]: no text of their own.
                    if (inner.Length > 0 && inner.All(ch => ch is 'h' or 'H' or 'm' or 'M' or 's' or 'S'))
                        tokens.Add(new Token(TokenKind.DatePart, "[" + inner.ToLowerInvariant() + "]"));
                    else if (inner.StartsWith('$') && inner.IndexOf('-') is var dash and > 1)
                        tokens.Add(new Token(TokenKind.Literal, inner[1..dash])); // a currency symbol: [$¥-411]
                    i = close + 1;
                    continue;
                case '_' or '*':
                    i += 2; // a space as wide as the next character, or a fill: no text in a record
                    continue;
                case '0' or '#' or '?':
                    tokens.Add(new Token(TokenKind.Digit, c.ToString()));
                    i++;
                    continue;
                case '.':
                    tokens.Add(new Token(TokenKind.DecimalPoint, "."));
                    i++;
                    continue;
                case ',':
                    tokens.Add(new Token(TokenKind.Grouping, ","));
                    i++;
                    continue;
                case '%':
                    tokens.Add(new Token(TokenKind.Percent, "%"));
                    i++;
                    continue;
                case '@':
                    tokens.Add(new Token(TokenKind.General, "@"));
                    i++;
                    continue;
            }
            if (section.AsSpan(i).StartsWith("General", StringComparison.OrdinalIgnoreCase))
            {
                tokens.Add(new Token(TokenKind.General, "General"));
                i += 7;
                continue;
            }
            if (section.AsSpan(i).StartsWith("AM/PM", StringComparison.OrdinalIgnoreCase))
            {
                tokens.Add(new Token(TokenKind.AmPm, "AM/PM"));
                i += 5;
                continue;
            }
            if (section.AsSpan(i).StartsWith("A/P", StringComparison.OrdinalIgnoreCase))
            {
                tokens.Add(new Token(TokenKind.AmPm, "A/P"));
                i += 3;
                continue;
            }
            if (c is 'E' or 'e' && i + 1 < section.Length && section[i + 1] is '+' or '-')
            {
                tokens.Add(new Token(TokenKind.Exponent, "E" + section[i + 1]));
                i += 2;
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            if (lower is 'y' or 'm' or 'd' or 'h' or 's' or 'g' or 'e' or 'a' && (lower != 'a' || RunLength(section, i) >= 3))
            {
                var length = RunLength(section, i);
                tokens.Add(new Token(TokenKind.DatePart, new string(lower, length)));
                i += length;
                continue;
            }
            tokens.Add(new Token(TokenKind.Literal, c.ToString()));
            i++;
        }
        return tokens;
    }

    private static int RunLength(string text, int start)
    {
        var lower = char.ToLowerInvariant(text[start]);
        var end = start;
        while (end < text.Length && char.ToLowerInvariant(text[end]) == lower)
            end++;
        return end - start;
    }

    private static readonly string[] WeekdaysJapanese = ["日", "月", "火", "水", "木", "金", "土"];

    private static string FormatDate(DateTime date, List<Token> tokens, string section)
    {
        // Fractions of a second are dropped unless shown; seconds are rounded as Excel does when no fraction is shown.
        if (!tokens.Any(t => t.Kind == TokenKind.Digit) && date.Millisecond >= 500)
            date = date.AddMilliseconds(1000 - date.Millisecond);
        var gannen = section.Contains("gannen", StringComparison.OrdinalIgnoreCase);
        var twelveHour = tokens.Any(t => t.Kind == TokenKind.AmPm);
        var text = new StringBuilder();
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            switch (token.Kind)
            {
                case TokenKind.DatePart:
                    text.Append(DatePart(date, token.Text, tokens, k, twelveHour, gannen));
                    break;
                case TokenKind.AmPm:
                    var morning = date.Hour < 12;
                    text.Append(token.Text == "A/P" ? (morning ? "A" : "P") : section.Contains("$-411", StringComparison.Ordinal) ? (morning ? "午前" : "午後") : (morning ? "AM" : "PM"));
                    break;
                case TokenKind.Digit:
                    text.Append(token.Text == "0" ? "0" : string.Empty); // "ss.0": the tenths
                    break;
                default:
                    text.Append(token.Text);
                    break;
            }
        }
        return text.ToString();
    }

    private static string DatePart(DateTime date, string part, List<Token> tokens, int index, bool twelveHour, bool gannen)
    {
        var (era, eraYear) = date.Year >= 1873 ? Eras.ToEraYear(DateOnly.FromDateTime(date)) : (JapaneseEra.Meiji, date.Year - 1867);
        var hour = twelveHour ? (date.Hour % 12 == 0 ? 12 : date.Hour % 12) : date.Hour;
        return part switch
        {
            "yy" or "y" => (date.Year % 100).ToString("00", CultureInfo.InvariantCulture),
            _ when part.StartsWith("yyy", StringComparison.Ordinal) => date.Year.ToString(CultureInfo.InvariantCulture),
            "m" or "mm" when IsMinute(tokens, index) => part == "m" ? date.Minute.ToString(CultureInfo.InvariantCulture) : date.Minute.ToString("00", CultureInfo.InvariantCulture),
            "m" => date.Month.ToString(CultureInfo.InvariantCulture),
            "mm" => date.Month.ToString("00", CultureInfo.InvariantCulture),
            "mmm" => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(date.Month),
            "mmmmm" => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(date.Month)[..1],
            _ when part.StartsWith("mmmm", StringComparison.Ordinal) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(date.Month),
            "d" => date.Day.ToString(CultureInfo.InvariantCulture),
            "dd" => date.Day.ToString("00", CultureInfo.InvariantCulture),
            "ddd" => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(date.DayOfWeek),
            _ when part.StartsWith("dddd", StringComparison.Ordinal) => CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(date.DayOfWeek),
            "aaa" => WeekdaysJapanese[(int)date.DayOfWeek],
            _ when part.StartsWith("aaaa", StringComparison.Ordinal) => WeekdaysJapanese[(int)date.DayOfWeek] + "曜日",
            "g" => Eras.LetterOf(era).ToString(),
            "gg" => Eras.NameOf(era)[..1],
            _ when part.StartsWith("ggg", StringComparison.Ordinal) => Eras.NameOf(era),
            "e" or "ee" when gannen && eraYear == 1 => "元",
            "e" => eraYear.ToString(CultureInfo.InvariantCulture),
            _ when part.StartsWith("ee", StringComparison.Ordinal) => eraYear.ToString("00", CultureInfo.InvariantCulture),
            "h" => hour.ToString(CultureInfo.InvariantCulture),
            _ when part.StartsWith("hh", StringComparison.Ordinal) => hour.ToString("00", CultureInfo.InvariantCulture),
            "s" => date.Second.ToString(CultureInfo.InvariantCulture),
            _ when part.StartsWith("ss", StringComparison.Ordinal) => date.Second.ToString("00", CultureInfo.InvariantCulture),
            "[h]" or "[hh]" => Math.Floor((date - date.Date).TotalHours + (date.Date - new DateTime(1899, 12, 31)).TotalDays * 24).ToString(CultureInfo.InvariantCulture),
            _ => part,
        };
    }

    /// <summary>An m or mm right after hours or right before seconds is minutes, not the month.</summary>
    private static bool IsMinute(List<Token> tokens, int index)
    {
        for (var k = index - 1; k >= 0; k--)
        {
            if (tokens[k].Kind == TokenKind.DatePart)
            {
                if (tokens[k].Text.StartsWith('h') || tokens[k].Text.StartsWith("[h", StringComparison.Ordinal))
                    return true;
                break;
            }
        }
        for (var k = index + 1; k < tokens.Count; k++)
        {
            if (tokens[k].Kind == TokenKind.DatePart)
                return tokens[k].Text.StartsWith('s');
        }
        return false;
    }

    private static string FormatNumber(double value, List<Token> tokens)
    {
        if (tokens.Any(t => t.Kind == TokenKind.Exponent))
        {
            // Scientific: .NET's custom format reads the digits, point and exponent the same way.
            var scientific = string.Concat(tokens.Where(t => t.Kind is TokenKind.Digit or TokenKind.DecimalPoint or TokenKind.Exponent).Select(t => t.Text == "?" ? "#" : t.Text));
            return value.ToString(scientific, CultureInfo.InvariantCulture);
        }
        var percent = tokens.Count(t => t.Kind == TokenKind.Percent);
        for (var p = 0; p < percent; p++)
            value *= 100;
        var firstDigit = tokens.FindIndex(t => t.Kind == TokenKind.Digit);
        var lastDigit = tokens.FindLastIndex(t => t.Kind == TokenKind.Digit);
        var point = tokens.FindIndex(t => t.Kind == TokenKind.DecimalPoint);
        if (point > lastDigit || point < firstDigit)
            point = -1;
        var integerEnd = point >= 0 ? point : lastDigit + 1;
        var minimumIntegers = 0;
        var grouping = false;
        for (var k = firstDigit; k < integerEnd; k++)
        {
            if (tokens[k].Kind == TokenKind.Digit && tokens[k].Text == "0")
                minimumIntegers++;
            else if (tokens[k].Kind == TokenKind.Grouping && k + 1 < integerEnd)
                grouping = true;
        }
        // Commas right after the last integer digit scale by a thousand each (#,##0, shows thousands).
        for (var k = lastDigit + 1; k < tokens.Count && tokens[k].Kind == TokenKind.Grouping; k++)
            value /= 1000;
        int minimumDecimals = 0, maximumDecimals = 0;
        if (point >= 0)
        {
            for (var k = point + 1; k <= lastDigit; k++)
            {
                if (tokens[k].Kind != TokenKind.Digit)
                    continue;
                maximumDecimals++;
                if (tokens[k].Text == "0")
                    minimumDecimals = maximumDecimals;
            }
        }
        var rounded = Math.Round(value, maximumDecimals, MidpointRounding.AwayFromZero);
        var pattern = new StringBuilder(grouping ? "#,##" : "#");
        pattern.Append(minimumIntegers > 0 ? new string('0', Math.Max(1, minimumIntegers)) : "#");
        if (grouping && minimumIntegers > 1)
            pattern = new StringBuilder("#,##" + new string('0', minimumIntegers));
        if (maximumDecimals > 0)
            pattern.Append('.').Append('0', minimumDecimals).Append('#', maximumDecimals - minimumDecimals);
        var number = rounded.ToString(pattern.ToString(), CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        for (var k = 0; k < tokens.Count; k++)
        {
            if (k == firstDigit)
                text.Append(number);
            else if (k > firstDigit && k <= lastDigit)
                continue;
            else if (tokens[k].Kind is TokenKind.Literal or TokenKind.Percent)
                text.Append(tokens[k].Text);
        }
        return text.ToString();
    }
}
