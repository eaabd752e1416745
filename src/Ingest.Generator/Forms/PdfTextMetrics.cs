using System.Text;

namespace Ingest.Generator.Forms;

/// <summary>
/// Advance widths the PDF writer lays text out with, in thousandths of an em: half width (500) for ASCII and the
/// half-width katakana and forms, full width (1000) for everything else, as in a fixed-pitch Japanese Gothic such as
/// IPAGothic. The same table becomes the fonts' <c>/W</c> array, so a reader places every letter where the layout did.
/// </summary>
internal static class PdfTextMetrics
{
    /// <summary>Width of a full-width letter, and the fonts' <c>/DW</c>.</summary>
    public const int FullWidth = 1000;

    /// <summary>Width of a half-width letter.</summary>
    public const int HalfWidth = 500;

    /// <summary>UTF-16 code unit ranges drawn half width: ASCII, half-width katakana (U+FF61–FF9F), half-width forms (U+FFE8–FFEE).</summary>
    public static readonly IReadOnlyList<(char First, char Last)> HalfWidthRanges =
    [
        ('\u0020', '\u007E'),
        ('\uFF61', '\uFF9F'),
        ('\uFFE8', '\uFFEE'),
    ];

    /// <summary>Advance of a letter in thousandths of an em; letters outside the Basic Multilingual Plane are full width.</summary>
    public static int Advance(Rune rune)
    {
        if (rune.IsBmp)
        {
            var c = (char)rune.Value;
            foreach (var (first, last) in HalfWidthRanges)
            {
                if (c >= first && c <= last)
                    return HalfWidth;
            }
        }
        return FullWidth;
    }

    /// <summary>Width of a text in points at a font size.</summary>
    public static double Width(string text, double size)
    {
        var total = 0;
        foreach (var rune in text.EnumerateRunes())
            total += Advance(rune);
        return total * size / 1000;
    }

    /// <summary>
    /// True for letters a line may break before or after (Japanese text has no word spaces): everything but ASCII,
    /// whose letters and digits make words that break only at spaces.
    /// </summary>
    public static bool BreaksFreely(Rune rune) => rune.Value > 0x7E;
}
