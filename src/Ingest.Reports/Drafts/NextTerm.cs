using System.Globalization;
using System.Text;
using Ingest.Core.Dates;
using Ingest.Core.Records;

namespace Ingest.Reports.Drafts;

/// <summary>
/// The term a renewal asks for: a yearly arrangement due at the end of fiscal year N runs next from N+1-04-01 to
/// N+2-03-31, the whole of fiscal year N+1.
/// </summary>
public readonly record struct NextTerm(FiscalYear Year)
{
    public DateOnly Start => Year.Start;
    public DateOnly End => Year.End;

    /// <summary>The term after the fiscal year a renewal is due at the end of.</summary>
    public static NextTerm After(DateOnly due) => new(FiscalYear.Of(due).Next);

    /// <summary>
    /// The period text for this term, written as the original writes it: its dates replaced by this term's in the same
    /// calendar (era years with 元年, or Western years) and digit width, and everything else — から, まで, the recurrence
    /// phrase (次年度以降も同様の外部結合を行う。) — kept. An original giving only a start (…から(次年度以降も…)) gets this
    /// term's end after its から, since a draft names the term it asks for; one giving only an end (契約締結日から…まで)
    /// gets this term's end. An original with no date the reader knows
    /// gets the term written out in front of its words, which are kept for staff to reconcile.
    /// </summary>
    public string Roll(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var text = period.Text;
        var dates = JapaneseDateParser.FindAll(text);
        if (dates.Count == 0)
            return $"{Eras.Format(Start)}から{Eras.Format(End)}まで（従前の記載：{text}）";

        // The start is the first date followed by から, the end the first date after it followed by まで; other dates
        // (※…令和6年3月31日から行っている, ※H27.1.30 委任開始) are notes about the past and stay as written.
        var start = dates.Select((d, i) => (d, i)).FirstOrDefault(x => Follows(text, x.d, "から"), (default, -1)).Item2;
        var end = dates.Select((d, i) => (d, i)).FirstOrDefault(x => x.i > start && Follows(text, x.d, "まで"), (default, -1)).Item2;
        if (start < 0 && end < 0)
            start = 0; // a lone date: the start
        var model = dates[start >= 0 ? start : end];
        var style = DateStyle.Of(text.Substring(model.Index, model.Length));
        var result = new StringBuilder();
        var at = 0;
        for (var i = 0; i < dates.Count; i++)
        {
            if (i != start && i != end)
                continue;
            result.Append(text, at, dates[i].Index - at).Append(style.Write(i == start ? Start : End));
            at = dates[i].End;
            if (i == start && end < 0)
            {
                // Start only: this term's end goes after the から that follows the start, else straight after the date.
                var rest = text[at..];
                var cut = Follows(text, dates[i], "から") ? rest.Length - rest.TrimStart().Length + 2 : 0;
                result.Append(rest, 0, cut).Append(cut == 0 ? "から" : string.Empty).Append(style.Write(End)).Append("まで");
                at += cut;
            }
        }
        return result.Append(text, at, text.Length - at).ToString();
    }

    private static bool Follows(string text, DateMatch date, string word) =>
        text.AsSpan(date.End).TrimStart().StartsWith(word, StringComparison.Ordinal);

    /// <summary>How the original writes a date: era or Western year, ASCII or full-width digits.</summary>
    private readonly record struct DateStyle(bool Western, bool FullWidth)
    {
        public static DateStyle Of(string written)
        {
            var folded = written.Normalize(NormalizationForm.FormKC);
            var western = folded.Length >= 4 && folded[..4].All(char.IsAsciiDigit);
            return new DateStyle(western, written.Any(c => c is >= '０' and <= '９'));
        }

        public string Write(DateOnly date)
        {
            var text = Western
                ? string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日")
                : Eras.Format(date);
            return FullWidth ? string.Concat(text.Select(c => c is >= '0' and <= '9' ? (char)(c - '0' + '０') : c)) : text;
        }
    }
}
