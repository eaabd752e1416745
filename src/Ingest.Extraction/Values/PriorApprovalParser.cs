using System.Text.RegularExpressions;
using Ingest.Core.Dates;
using Ingest.Core.Records;

namespace Ingest.Extraction.Values;

/// <summary>
/// Finds the earlier approvals a submission refers to: 令和元年度第６回情報公開・個人情報保護審議会承認済み,
/// 平成23年度第7回本審議会承認事項, 令和3年度第9回本審議会承認・了承済. Pure and thread-safe.
/// </summary>
public static partial class PriorApprovalParser
{
    /// <summary>Longest text searched.</summary>
    public const int MaxInputLength = 2_000_000;

    /// <summary>
    /// Every fiscal year (…年度) followed by an optional session (第N回) and, within the same sentence and at most
    /// <see cref="MaxGap"/> characters, an approval word (承認 or 了承). <see cref="PriorApproval.Text"/> is the phrase from
    /// the era through the approval word and its suffix (済み, 済, 事項). Deduplicated by (fiscal year, session), first kept.
    /// A fiscal year without an approval word nearby (令和6年度から) is no approval, nor is one without a session that names no
    /// council or meeting (令和5年度の予算を承認).
    /// </summary>
    public static IReadOnlyList<PriorApproval> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var input = text.Length > MaxInputLength ? text[..MaxInputLength] : text;
        var approvals = new List<PriorApproval>();
        foreach (var year in JapaneseDateParser.FindFiscalYears(input))
        {
            var tail = Tail().Match(input, year.End, Math.Min(MaxGap + 40, input.Length - year.End));
            if (!tail.Success)
                continue;
            // Without 第N回 the phrase must name a council or meeting: 令和5年度の予算を承認 is no prior approval.
            if (!tail.Groups["session"].Success && !CouncilWord().IsMatch(tail.Groups["body"].Value))
                continue;
            int? session = tail.Groups["session"].Success ? JapaneseDateParser.ParseNumber(tail.Groups["session"].Value) : null;
            if (approvals.Any(a => a.FiscalYear == year.FiscalYear.Year && a.Session == session))
                continue;
            approvals.Add(new PriorApproval
            {
                FiscalYear = year.FiscalYear.Year,
                Session = session,
                Text = input[year.Index..(tail.Index + tail.Length)],
            });
        }
        return approvals;
    }

    /// <summary>Most characters between the session (or fiscal year) and the approval word: the body's name.</summary>
    public const int MaxGap = 30;

    // Anchored at the end of the fiscal year: [第N回] then the body's name (no sentence end, no other fiscal year) then the
    // approval word(s) and suffix.
    [GeneratedRegex(@"\G\s{0,2}(?:第\s{0,2}(?<session>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s{0,2}回)?(?<body>(?:(?!年度)[^。\n]){0,30}?)(?:承認|了承)(?:[・、](?:承認|了承))?(?:済み|済|事項|案件)?")]
    private static partial Regex Tail();

    [GeneratedRegex("審議会|会議|委員会", RegexOptions.NonBacktracking)]
    private static partial Regex CouncilWord();
}
