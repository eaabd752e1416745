using System.Text;

namespace Ingest.Generator.Forms;

/// <summary>
/// Breaks a paragraph into lines of at most a given width, as a Japanese word processor does: anywhere between Japanese
/// letters, at spaces between Latin words, never inside a Latin word (unless it is wider than the line), and with the
/// basic kinsoku rules of JIS X 4051 (no closing bracket or 、。 at a line start, no opening bracket at a line end), which
/// push at most one letter down to the next line. A space where a line breaks stays at the end of that line and hangs
/// past the width, as Word draws it.
/// </summary>
internal static class PdfLineBreaker
{
    /// <summary>Letters that may not start a line: closing brackets, punctuation, iteration marks, the long vowel mark.</summary>
    private const string NoLineStart = "!),.:;?]}、。，．・：；？！）」』】〕〉》］｝々ゝゞヽヾー゛゜℃％｡｣､･ﾞﾟ";

    /// <summary>Letters that may not end a line: opening brackets.</summary>
    private const string NoLineEnd = "([{（「『【〔〈《［｛｢";

    /// <summary>Lines of <paramref name="text"/> (which holds no line feed) for a line <paramref name="width"/> points wide at font <paramref name="size"/>; an empty text is one empty line.</summary>
    public static List<string> Break(string text, double width, double size)
    {
        var runes = text.EnumerateRunes().ToArray();
        var lines = new List<string>();
        var start = 0;
        var used = 0.0;
        for (var i = 0; i < runes.Length; i++)
        {
            var advance = PdfTextMetrics.Advance(runes[i]) * size / 1000;
            // A space never overflows: it hangs at the end of the line it ends.
            while (runes[i].Value != ' ' && i > start && used + advance > width + 1e-6)
            {
                var cut = CutBefore(runes, start, i);
                lines.Add(Concat(runes, start, cut));
                start = cut;
                used = 0;
                for (var k = start; k < i; k++)
                    used += PdfTextMetrics.Advance(runes[k]) * size / 1000;
            }
            used += advance;
        }
        if (start < runes.Length || lines.Count == 0)
            lines.Add(Concat(runes, start, runes.Length));
        return lines;
    }

    /// <summary>
    /// Where to break a line that letter <paramref name="overflow"/> no longer fits on: before it if allowed; else one
    /// letter earlier (kinsoku); else at the start of the Latin word it belongs to, or before the letter ahead of the word
    /// when the word may not start a line; else before it regardless.
    /// </summary>
    private static int CutBefore(Rune[] runes, int start, int overflow)
    {
        if (CanBreakBefore(runes, overflow))
            return overflow;
        if (overflow - 1 > start && CanBreakBefore(runes, overflow - 1))
            return overflow - 1;
        if (IsWordLetter(runes[overflow]) && IsWordLetter(runes[overflow - 1]))
        {
            var b = overflow - 2;
            for (; b > start && IsWordLetter(runes[b]); b--)
            {
                if (CanBreakBefore(runes, b))
                    return b;
            }
            // The word opens with a letter that may not start a line (出生:2,300 — the colon): the Japanese letter before
            // it goes down with the word rather than the word being cut.
            if (b > start && CanBreakBefore(runes, b))
                return b;
        }
        return overflow;
    }

    private static bool CanBreakBefore(Rune[] runes, int i)
    {
        var before = runes[i - 1];
        var after = runes[i];
        if (after.Value == ' ')
            return false;
        if (before.Value == ' ')
            return true;
        if (Contains(NoLineStart, after) || Contains(NoLineEnd, before))
            return false;
        return PdfTextMetrics.BreaksFreely(before) || PdfTextMetrics.BreaksFreely(after);
    }

    /// <summary>A letter of a Latin word: ASCII other than the space.</summary>
    private static bool IsWordLetter(Rune rune) => rune.Value != ' ' && !PdfTextMetrics.BreaksFreely(rune);

    private static bool Contains(string set, Rune rune) => rune.IsBmp && set.Contains((char)rune.Value, StringComparison.Ordinal);

    private static string Concat(Rune[] runes, int from, int to)
    {
        var text = new StringBuilder();
        for (var k = from; k < to; k++)
            text.Append(runes[k].ToString());
        return text.ToString();
    }
}
