using System.Text;
using Ingest.Generator.Forms.Fonts;

namespace Ingest.Generator.Forms;

/// <summary>
/// Advance widths the PDF writer lays text out with, in thousandths of an em: the embedded font's own (IPAex Gothic:
/// full width for kana, kanji and full-width forms, proportional Latin). The same widths become the fonts' <c>/W</c>
/// array, so a reader places every letter where the layout did and a viewer draws it there.
/// </summary>
internal static class PdfTextMetrics
{
    /// <summary>Width of a full-width letter, the fonts' <c>/DW</c>, and the advance of a letter the font lacks.</summary>
    public const int FullWidth = 1000;

    /// <summary>Advance of a letter in thousandths of an em.</summary>
    public static int Advance(Rune rune)
    {
        var font = IpaexGothic.Font;
        var glyph = font.GlyphOf(rune.Value);
        return glyph == 0 ? FullWidth : (int)Math.Round(font.Advance(glyph) * 1000.0 / font.UnitsPerEm);
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
