namespace Ingest.Extraction.Segmentation;

/// <summary>The marks of a checklist: ○ (the measure is taken) or a dash (not needed), whichever dash the document used.</summary>
internal static class ChecklistMarks
{
    /// <summary>Whether <paramref name="token"/> is a mark, and which (<c>○</c> or <c>－</c>).</summary>
    public static bool IsMark(string token, out string mark)
    {
        switch (token)
        {
            case "○" or "〇" or "◯":
                mark = "○";
                return true;
            case "-" or "－" or "ー" or "―" or "‐" or "−" or "–" or "—":
                mark = "－";
                return true;
            default:
                mark = string.Empty;
                return false;
        }
    }

    /// <summary>A running line that opens with a mark (○ 通信内容は暗号化する。): the mark and the measure after it.</summary>
    public static (string Mark, string Measure)? LeadingMark(string line)
    {
        var space = line.IndexOf(' ');
        var first = space < 0 ? line : line[..space];
        return IsMark(first, out var mark) ? (mark, space < 0 ? string.Empty : line[(space + 1)..].Trim()) : null;
    }
}
