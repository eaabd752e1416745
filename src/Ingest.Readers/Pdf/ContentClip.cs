using UglyToad.PdfPig.Content;

namespace Ingest.Readers.Pdf;

/// <summary>
/// The clipping rectangle that holds a page's content, where the producer sets one (browsers clip each page to its
/// content box). Letters and rules outside it are not shown: a browser paints a line that straddles a page break on the
/// next page, and the parts of it that reach up across the break — the dakuten of a グ — also on this page, clipped away;
/// the borders of a table cell continued on the next page run on into the margin, clipped the same way.
/// </summary>
internal static class ContentClip
{
    /// <summary>Share of a page's letters a clipping rectangle must hold to be taken for the content box.</summary>
    private const double MinShareOfLetters = 0.9;

    /// <summary>Points a letter's centre or a rule's end may lie outside the rectangle and still count as inside.</summary>
    private const double Tolerance = 1.0;

    /// <summary>The rectangular clip holding most of the letters, or null when there is none (most producers set no such clip).</summary>
    public static Box? Find(Page page, IReadOnlyList<Glyph> glyphs, PageFrame frame = default)
    {
        if (glyphs.Count == 0)
            return null;
        Box? best = null;
        var bestCount = 0;
        foreach (var path in page.Paths)
        {
            if (!path.IsClipping || path.Count != 1 || !path[0].IsDrawnAsRectangle || path[0].GetDrawnRectangle() is not { } r)
                continue;
            var box = frame.Apply(r);
            var count = glyphs.Count(g => Holds(box, g));
            if (count > bestCount)
                (best, bestCount) = (box, count);
        }
        return bestCount >= MinShareOfLetters * glyphs.Count ? best : null;
    }

    public static bool Holds(Box clip, Glyph glyph) =>
        glyph.CenterX >= clip.Left - Tolerance && glyph.CenterX <= clip.Right + Tolerance
        && glyph.CenterY >= clip.Bottom - Tolerance && glyph.CenterY <= clip.Top + Tolerance;

    /// <summary>The part of <paramref name="segment"/> inside <paramref name="clip"/>, or null when none of it is.</summary>
    public static Segment? Cut(Box clip, Segment segment)
    {
        var x1 = Math.Max(segment.X1, clip.Left - Tolerance);
        var x2 = Math.Min(segment.X2, clip.Right + Tolerance);
        var y1 = Math.Max(segment.Y1, clip.Bottom - Tolerance);
        var y2 = Math.Min(segment.Y2, clip.Top + Tolerance);
        return x1 > x2 || y1 > y2 ? null : new Segment(x1, y1, x2, y2);
    }
}
