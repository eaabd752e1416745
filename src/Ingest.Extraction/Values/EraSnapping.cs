using System.Text.RegularExpressions;
using Ingest.Core.Records;

namespace Ingest.Extraction.Values;

/// <summary>
/// OCR slips in era names before a year (令印7年, 平戊30年): two letters before a year number that are one letter from exactly
/// one era name are read as that era, so the date parses. Only for text read by OCR; 〇和7年 stays (令和 or 昭和?).
/// </summary>
public static partial class EraSnapping
{
    private static readonly string[] Eras = ["明治", "大正", "昭和", "平成", "令和"];

    /// <summary>The text with unambiguous era misreads snapped, and the review marks of <paramref name="field"/> saying what was changed.</summary>
    public static (string Text, IReadOnlyList<ReviewMark> Marks) Snap(string field, string text)
    {
        var marks = new List<ReviewMark>();
        var snapped = EraBeforeYear().Replace(text, match =>
        {
            var read = match.Groups["era"].Value;
            if (Eras.Contains(read))
                return match.Value;
            var near = Eras.Where(era => OneLetterApart(era, read)).ToArray();
            if (near.Length != 1)
                return match.Value;
            marks.Add(new ReviewMark { Field = field, Reason = $"corrected from {read} to {near[0]}" });
            return near[0] + match.Value[read.Length..];
        });
        return (snapped, marks);
    }

    private static bool OneLetterApart(string a, string b) =>
        a.Length == b.Length && a.Where((c, i) => c != b[i]).Count() == 1;

    [GeneratedRegex(@"(?<era>\p{IsCJKUnifiedIdeographs}{2})\s*(?:\d{1,2}|元)\s*年", RegexOptions.NonBacktracking)]
    private static partial Regex EraBeforeYear();
}
