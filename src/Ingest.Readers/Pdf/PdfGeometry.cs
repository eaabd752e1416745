using Ingest.Core.Layout;

namespace Ingest.Readers.Pdf;

/// <summary>
/// One letter as the layout stages see it: advance box on the baseline (PDF user space, y up), size and style; for a letter
/// recognised from an image, the recogniser's confidence (0–1), null for a letter the file itself holds.
/// </summary>
internal readonly record struct Glyph(string Text, double Left, double Right, double Baseline, double Size, TextStyle Style, double? Confidence = null)
{
    public bool IsSpace => string.IsNullOrWhiteSpace(Text);
    public double CenterX => (Left + Right) / 2;
    public double CenterY => Baseline + 0.3 * Size;
    public double Width => Right - Left;
}

/// <summary>An axis-aligned ruling segment, normalised so that X1 ≤ X2 and Y1 ≤ Y2.</summary>
internal readonly record struct Segment(double X1, double Y1, double X2, double Y2)
{
    public bool IsHorizontal => Y2 - Y1 <= X2 - X1;
    public double Length => Math.Max(X2 - X1, Y2 - Y1);

    public static Segment Of(double x1, double y1, double x2, double y2) =>
        new(Math.Min(x1, x2), Math.Min(y1, y2), Math.Max(x1, x2), Math.Max(y1, y2));
}

/// <summary>An axis-aligned rectangle in PDF user space (y up).</summary>
internal readonly record struct Box(double Left, double Bottom, double Right, double Top)
{
    public double Width => Right - Left;
    public double Height => Top - Bottom;
}

/// <summary>Character classes that decide how wrapped lines are joined.</summary>
internal static class Script
{
    /// <summary>Kana, CJK ideographs (with extensions, compatibility forms and the radicals PDF fonts mis-map to), CJK punctuation, full-width forms.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u3000' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF'
            or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF' or >= '\u2E80' and <= '\u2FDF'
            || char.IsSurrogate(c);
}
