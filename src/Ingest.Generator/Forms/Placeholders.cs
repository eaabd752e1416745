using System.Text.RegularExpressions;

namespace Ingest.Generator.Forms;

/// <summary>
/// Text a draft's writer cannot know (the meeting, the 資料 number, this year's new facts) is written as a placeholder,
/// 【要記入：資料番号】, never made up. Writers that can (Word) highlight it; the brackets keep it visible everywhere else.
/// </summary>
public static partial class Placeholders
{
    /// <summary>The placeholder for one thing to fill in.</summary>
    public static string For(string what) => $"【要記入：{what}】";

    /// <summary>Whether a text still holds a placeholder.</summary>
    public static bool In(string? text) => text is not null && Pattern().IsMatch(text);

    /// <summary>The text cut into pieces, each a placeholder or not, in order; empty pieces left out.</summary>
    public static IEnumerable<(string Text, bool IsPlaceholder)> Split(string text)
    {
        var at = 0;
        foreach (Match m in Pattern().Matches(text))
        {
            if (m.Index > at)
                yield return (text[at..m.Index], false);
            yield return (m.Value, true);
            at = m.Index + m.Length;
        }
        if (at < text.Length)
            yield return (text[at..], false);
    }

    [GeneratedRegex("【要記入：[^】]{1,40}】", RegexOptions.NonBacktracking)]
    private static partial Regex Pattern();
}
