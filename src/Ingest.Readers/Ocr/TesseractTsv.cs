using System.Globalization;

namespace Ingest.Readers.Ocr;

/// <summary>A word Tesseract recognised: its image (by its place in the input list, from 1), its box and its line's box, in pixels (y down).</summary>
internal sealed record OcrWord(int Image, string Text, int Left, int Top, int Width, int Height, double Confidence, int LineTop, int LineHeight)
{
    /// <summary>Whether Tesseract's plain text puts a space before this word (it writes Japanese words of a line without one).</summary>
    public bool SpaceBefore { get; init; }
}

/// <summary>
/// Reads Tesseract's TSV output (<c>tsv</c> config): one row per page, block, paragraph, line (level 4) and word
/// (level 5), with the box, the confidence (0–100, -1 for non-words) and the text. A word takes its line's box, so
/// that the words of a line share a baseline and a size.
/// </summary>
internal static class TesseractTsv
{
    /// <summary>
    /// The words, each told whether Tesseract's plain text (<c>txt</c> output of the same run) has a space before it:
    /// its TSV splits a Japanese line into many words with gaps between their boxes, and only its text says which gaps
    /// are spaces. Words are found in the text in order; a word not found there keeps no space.
    /// </summary>
    public static List<OcrWord> Words(string tsv, string text)
    {
        var words = Words(tsv);
        var cursor = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var at = text.IndexOf(words[i].Text, cursor, StringComparison.Ordinal);
            if (at < 0 || at - cursor > 4 * words[i].Text.Length + 8)
                continue; // not where the next word should be: leave the text where it is
            words[i] = words[i] with { SpaceBefore = at > 0 && text[at - 1] == ' ' };
            cursor = at + words[i].Text.Length;
        }
        return words;
    }

    public static List<OcrWord> Words(string tsv)
    {
        var words = new List<OcrWord>();
        var lines = new Dictionary<(int, int, int, int), (int Top, int Height)>();
        foreach (var row in tsv.Split('\n'))
        {
            var f = row.TrimEnd('\r').Split('\t');
            if (f.Length < 12 || !int.TryParse(f[0], out var level))
                continue; // the header, or a cut line
            if (!int.TryParse(f[1], out var image) || !int.TryParse(f[2], out var block) || !int.TryParse(f[3], out var paragraph)
                || !int.TryParse(f[4], out var line) || !int.TryParse(f[6], out var left) || !int.TryParse(f[7], out var top)
                || !int.TryParse(f[8], out var width) || !int.TryParse(f[9], out var height)
                || !double.TryParse(f[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence))
                continue;
            var key = (image, block, paragraph, line);
            if (level == 4)
                lines[key] = (top, height);
            else if (level == 5 && confidence >= 0 && !string.IsNullOrWhiteSpace(f[11]))
            {
                var (lineTop, lineHeight) = lines.TryGetValue(key, out var box) ? box : (top, height);
                words.Add(new OcrWord(image, f[11].Trim(), left, top, width, height, confidence / 100, lineTop, lineHeight));
            }
        }
        return words;
    }
}
