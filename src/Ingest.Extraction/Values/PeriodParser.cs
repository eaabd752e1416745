using System.Text.RegularExpressions;
using Ingest.Core.Dates;
using Ingest.Core.Records;

namespace Ingest.Extraction.Values;

/// <summary>
/// Types a 開始時期と期間 / 開始時期及び期限 cell (see DOMAIN.md "Periods and renewal"): its start and end dates, how it
/// repeats, and when the arrangement first began. Input is cleaned text (<c>TextNormaliser.Clean</c>); raw text works too.
/// Pure and thread-safe.
/// </summary>
public static partial class PeriodParser
{
    /// <summary>Longest cell read; a period cell is a line or two.</summary>
    public const int MaxInputLength = 10_000;

    /// <summary>
    /// Rules:
    /// <list type="bullet">
    /// <item>history — a date inside a ※ note (※H27.1.30 委任開始, ※上記相手方との外部結合は、令和4年3月から行っている。) or
    /// followed by から行っている / から実施している — never counts as the start; the earliest history date followed by
    /// 開始 or 行って/実施して is <see cref="Period.FirstStarted"/>;</item>
    /// <item>start: the date followed by から (より, or ~ before another date) or after 開始時期:; else the first date that
    /// is neither history nor the end; a month (令和6年12月から) means its first day;</item>
    /// <item>end: the date followed by まで (or after 期限:, or after ~); a month means its last day;</item>
    /// <item>a fiscal year (令和6年度から, 令和8年度まで) stands for its first or last day when no date says more;</item>
    /// <item>recurrence: 次年度以降も…同様の…を行う, 毎年度, 年度ごとに → annual; 以降、同様の…を行う, 以後継続, 期限なし
    /// (without 次年度) → ongoing; dates and no such phrase → none; nothing recognisable → unknown.
    /// <see cref="Period.Evidence"/> is the phrase that decided it (for none: the end phrase 令和2年3月31日まで, else the
    /// start phrase), always a substring of <see cref="Period.Text"/>.</item>
    /// </list>
    /// </summary>
    public static Period Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
            return new Period { Text = text, Recurrence = Recurrence.Unknown };
        var input = text.Length > MaxInputLength ? text[..MaxInputLength] : text;

        var notes = Note().Matches(input).Select(m => (m.Index, End: m.Index + m.Length)).ToArray();
        bool InNote(int index) => notes.Any(n => index >= n.Index && index < n.End);

        DateOnly? firstStarted = null;
        DateMatch? start = null, end = null, firstOther = null;
        var dates = JapaneseDateParser.FindAll(input);
        for (var i = 0; i < dates.Count; i++)
        {
            var date = dates[i];
            var after = Slice(input, date.End, 30);
            var before = input[Math.Max(0, date.Index - 12)..date.Index];
            if (InNote(date.Index) || PastContinuing().IsMatch(after))
            {
                if (StartCue().IsMatch(after) && (firstStarted is null || date.Date < firstStarted))
                    firstStarted = date.Date;
                continue;
            }
            var followedByUntil = UntilAfter().IsMatch(after);
            var followedByFrom = FromAfter().IsMatch(after);
            var isRangeStart = RangeAfter().Match(after) is { Success: true } range
                && i + 1 < dates.Count && dates[i + 1].Index == date.End + range.Length;
            if (date.Precision == DatePrecision.Year && !followedByFrom && !followedByUntil)
                continue; // 令和5年法律第48号: a law's year, not a period
            if (end is null && (followedByUntil || EndLabelBefore().IsMatch(before) || start is { } s && RangeAfter().Match(Slice(input, s.End, 30)) is { Success: true } r && s.End + r.Length == date.Index))
            {
                end = date;
                continue;
            }
            if (start is null && (followedByFrom || isRangeStart || StartLabelBefore().IsMatch(before)))
            {
                start = date;
                continue;
            }
            firstOther ??= date;
        }
        start ??= firstOther;

        DateOnly? startDate = start?.Date;
        DateOnly? endDate = end?.LastDay;
        string? boundEvidence = end is { } e ? EvidenceFor(input, e.Index, e.End, UntilAfter())
            : start is { } st ? EvidenceFor(input, st.Index, st.End, FromAfter())
            : null;
        foreach (var fy in JapaneseDateParser.FindFiscalYears(input))
        {
            if (InNote(fy.Index))
                continue;
            var after = Slice(input, fy.End, 10);
            if (startDate is null && FromAfter().IsMatch(after))
            {
                startDate = fy.FiscalYear.Start;
                boundEvidence ??= EvidenceFor(input, fy.Index, fy.End, FromAfter());
            }
            else if (endDate is null && UntilAfter().IsMatch(after))
            {
                endDate = fy.FiscalYear.End;
                boundEvidence = EvidenceFor(input, fy.Index, fy.End, UntilAfter());
            }
        }

        var (recurrence, evidence) = Annual().Match(input) is { Success: true } annual ? (Recurrence.Annual, annual.Value)
            : Ongoing().Match(input) is { Success: true } ongoing ? (Recurrence.Ongoing, ongoing.Value)
            : startDate is not null || endDate is not null ? (Recurrence.None, boundEvidence)
            : (Recurrence.Unknown, null);

        return new Period
        {
            Text = text,
            Start = startDate,
            End = endDate,
            Recurrence = recurrence,
            FirstStarted = firstStarted,
            Evidence = evidence,
        };
    }

    private static string Slice(string s, int from, int length) => s.Substring(from, Math.Min(length, s.Length - from));

    /// <summary>The date and the particle that follows it (令和2年3月31日まで).</summary>
    private static string EvidenceFor(string input, int index, int end, Regex particle)
    {
        var m = particle.Match(Slice(input, end, 30));
        return input[index..(m.Success ? end + m.Length : end)];
    }

    /// <summary>A note: ※ to the next ※ or the end of the line.</summary>
    [GeneratedRegex(@"※[^※\n]*", RegexOptions.NonBacktracking)]
    private static partial Regex Note();

    [GeneratedRegex(@"^\s*(?:から|より)", RegexOptions.NonBacktracking)]
    private static partial Regex FromAfter();

    [GeneratedRegex(@"^\s*まで", RegexOptions.NonBacktracking)]
    private static partial Regex UntilAfter();

    [GeneratedRegex(@"^\s*[~〜～-]\s*", RegexOptions.NonBacktracking)]
    private static partial Regex RangeAfter();

    [GeneratedRegex(@"開始(?:時期|日|予定日|年月日)?\s*[:：]?\s*$", RegexOptions.NonBacktracking)]
    private static partial Regex StartLabelBefore();

    [GeneratedRegex(@"(?:期限|終期|終了(?:時期|日|予定日)?)\s*[:：]?\s*$", RegexOptions.NonBacktracking)]
    private static partial Regex EndLabelBefore();

    /// <summary>History told in the past continuous: 令和4年3月から行っている, H27.1.30から委任している.</summary>
    [GeneratedRegex(@"^\s*(?:から|より)[^。()（）]{0,12}?[しっ]て(?:いる|おり|きた)", RegexOptions.NonBacktracking)]
    private static partial Regex PastContinuing();

    /// <summary>What makes a history date the first start: 委任開始, から行っている.</summary>
    [GeneratedRegex(@"^[^。※]{0,20}?(?:開始|[しっ]て(?:いる|おり|きた)|稼働)", RegexOptions.NonBacktracking)]
    private static partial Regex StartCue();

    private const string Verb = @"(?:行う|行います|行っていく|実施する|実施します|継続する|継続します|更新する|更新します|同様とする)";

    /// <summary>Yearly renewal: 次年度以降も(、)同様の…を行う, 毎年度, 年度ごとに, 各年度, 1年ごとに更新.</summary>
    [GeneratedRegex(@"次年度以降[もは]?[、,]?\s*(?:[^。()（）\n]{0,30}?" + Verb + @")?|毎年度(?:[^。()（）\n]{0,30}?" + Verb + @")?|年度(?:ごと|毎)に?|各年度|毎年(?!度)|1\s*年(?:ごと|毎)に?[^。()（）\n]{0,10}?更新")]
    private static partial Regex Annual();

    /// <summary>Continuing without yearly renewal: 以降、同様の…を行う, 以後継続, 継続して行う, 期限なし — never after 次年度.</summary>
    [GeneratedRegex(@"(?<!次年度)以[降後][もは]?[、,]?\s*[^。()（）\n]{0,20}?同様の?[^。()（）\n]{0,30}?" + Verb + @"|(?<!次年度)以[降後][もは]?[、,]?\s*継続(?:する|して[^。()（）\n]{0,20}?" + Verb + @")?|継続して" + Verb + @"|期限(?:は|の定め)?(?:なし|無し|を定めない|は定めない|はない|なく)|期限の定めはない|終期(?:は)?(?:なし|定めない)")]
    private static partial Regex Ongoing();
}
