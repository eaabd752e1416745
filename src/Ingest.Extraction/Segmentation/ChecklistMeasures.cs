using System.Text.RegularExpressions;

namespace Ingest.Extraction.Segmentation;

/// <summary>
/// Splits a checklist cell that holds two measures. Converters flatten two rows into one cell by joining them with a
/// space after the sentence end (…防止させる。 システムを提供する…); a measure's own second sentence follows its 。
/// directly or opens with a connective (また、なお、ただし), so neither of those is split.
/// </summary>
internal static partial class ChecklistMeasures
{
    public static IReadOnlyList<string> Split(string text)
    {
        var parts = new List<string>();
        var start = 0;
        foreach (Match m in Boundary().Matches(text))
        {
            var next = m.Index + m.Length;
            if (Connective().IsMatch(text.AsSpan(next).ToString()))
                continue;
            parts.Add(text[start..(m.Index + 1)].Trim());
            start = next;
        }
        parts.Add(text[start..].Trim());
        return parts.Where(p => p.Length > 0).ToArray();
    }

    [GeneratedRegex(@"。\s+(?=\S)")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"^(また|なお|ただし|さらに|併せて|あわせて|この|その|当該|取得した|※)", RegexOptions.NonBacktracking)]
    private static partial Regex Connective();
}
