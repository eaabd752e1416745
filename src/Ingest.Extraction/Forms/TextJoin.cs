using System.Text;

namespace Ingest.Extraction.Forms;

/// <summary>
/// Joins lines that the page wrapped. Japanese is written without spaces, so a line broken inside a cell (a PDF table
/// wraps at the cell's width, 002 breaks 電子証明 / 書希望) is joined with no space; only two Latin letters or digits
/// meeting across the break keep a space, as an English word boundary would.
/// </summary>
public static class TextJoin
{
    /// <summary>Joins wrapped lines with the Japanese-aware rule.</summary>
    public static string Join(IEnumerable<string> pieces)
    {
        var builder = new StringBuilder();
        foreach (var raw in pieces)
        {
            var piece = raw.Trim();
            if (piece.Length == 0)
                continue;
            if (builder.Length > 0 && char.IsAsciiLetterOrDigit(builder[^1]) && char.IsAsciiLetterOrDigit(piece[0]))
                builder.Append(' ');
            builder.Append(piece);
        }
        return builder.ToString();
    }

    /// <summary>Joins separate cells or paragraphs: always one space.</summary>
    public static string Cells(IEnumerable<string> pieces) =>
        string.Join(' ', pieces.Select(p => p.Trim()).Where(p => p.Length > 0));

    /// <summary>Kana, ideographs, Japanese punctuation and full-width forms.</summary>
    public static bool IsJapanese(char c) =>
        c is (>= '\u3000' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF01' and <= '\uFF60') or '々' or '〆';

    /// <summary>
    /// Removes the space converters put between Japanese text and a bracket
    /// (…について (相手先の変更) → …について(相手先の変更)); brackets hug Japanese text.
    /// </summary>
    public static string TightenBrackets(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ' && i > 0 && i + 1 < text.Length)
            {
                var before = text[i - 1];
                var after = text[i + 1];
                if ((IsJapanese(before) && IsOpening(after)) || (IsClosing(before) && IsJapanese(after)))
                    continue;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool IsOpening(char c) => c is '(' or '（' or '「' or '『' or '【';

    private static bool IsClosing(char c) => c is ')' or '）' or '」' or '』' or '】';
}
