using Ingest.Core.Layout;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Ingest.Readers.Pdf;

/// <summary>
/// Turns a page's drawn paths into axis-aligned ruling segments, as pdfplumber's "lines" and "rects" edges do:
/// stroked lines, the edges of stroked rectangles, and thin filled rectangles (how many producers draw borders).
/// Segments that sit just under a run of letters and cover it are underlines, not rules: they mark the letters and are
/// taken out of the ruling set.
/// </summary>
internal static class RulingExtractor
{
    /// <summary>A filled rectangle thinner than this (points) is drawn as a line.</summary>
    private const double ThinRectangle = 3.0;

    /// <summary>Segments shorter than this are dots or glyph parts, not rules.</summary>
    private const double MinLength = 2.0;

    /// <summary>Axis-aligned segments of the page's paths; null when the page has more than <paramref name="limit"/> (a drawing, not a form).</summary>
    public static List<Segment>? Segments(Page page, int limit)
    {
        var segments = new List<Segment>();
        var pageArea = page.Width * page.Height;
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || !(path.IsStroked || path.IsFilled))
                continue;
            foreach (var subpath in path)
            {
                var rectangle = subpath.IsDrawnAsRectangle ? subpath.GetDrawnRectangle() : null;
                if (rectangle is { } r)
                {
                    var box = new Box(Math.Min(r.Left, r.Right), Math.Min(r.Bottom, r.Top), Math.Max(r.Left, r.Right), Math.Max(r.Bottom, r.Top));
                    if (box.Height <= ThinRectangle && box.Width > box.Height)
                        Add(segments, Segment.Of(box.Left, (box.Bottom + box.Top) / 2, box.Right, (box.Bottom + box.Top) / 2));
                    else if (box.Width <= ThinRectangle)
                        Add(segments, Segment.Of((box.Left + box.Right) / 2, box.Bottom, (box.Left + box.Right) / 2, box.Top));
                    else if (path.IsStroked && box.Width * box.Height < 0.9 * pageArea)
                    {
                        Add(segments, Segment.Of(box.Left, box.Bottom, box.Right, box.Bottom));
                        Add(segments, Segment.Of(box.Left, box.Top, box.Right, box.Top));
                        Add(segments, Segment.Of(box.Left, box.Bottom, box.Left, box.Top));
                        Add(segments, Segment.Of(box.Right, box.Bottom, box.Right, box.Top));
                    }
                }
                else if (path.IsStroked)
                {
                    PdfPoint? start = null, current = null;
                    foreach (var command in subpath.Commands)
                    {
                        switch (command)
                        {
                            case PdfSubpath.Move move:
                                start = current = move.Location;
                                break;
                            case PdfSubpath.Line line:
                                AddLine(segments, line.From, line.To);
                                current = line.To;
                                break;
                            case PdfSubpath.Close when start is { } s && current is { } c:
                                AddLine(segments, c, s);
                                current = s;
                                break;
                        }
                    }
                }
                if (segments.Count > limit)
                    return null;
            }
        }
        return segments;
    }

    private static void AddLine(List<Segment> segments, PdfPoint from, PdfPoint to)
    {
        if (Math.Abs(from.Y - to.Y) < 1.0 || Math.Abs(from.X - to.X) < 1.0)
        {
            var horizontal = Math.Abs(from.Y - to.Y) < Math.Abs(from.X - to.X);
            var segment = horizontal
                ? Segment.Of(from.X, (from.Y + to.Y) / 2, to.X, (from.Y + to.Y) / 2)
                : Segment.Of((from.X + to.X) / 2, from.Y, (from.X + to.X) / 2, to.Y);
            Add(segments, segment);
        }
    }

    private static void Add(List<Segment> segments, Segment segment)
    {
        if (segment.Length >= MinLength)
            segments.Add(segment);
    }

    /// <summary>
    /// Finds underlines among the horizontal segments, marks the letters above them, and returns the remaining rules.
    /// An underline lies a little under the baseline (up to 0.3 em), is mostly covered by the letters above it, and does
    /// not end on a vertical rule (table borders do).
    /// </summary>
    public static List<Segment> TakeUnderlines(List<Segment> segments, Glyph[] glyphs, double tolerance)
    {
        var rules = new List<Segment>(segments.Count);
        var verticals = segments.Where(s => !s.IsHorizontal).ToArray();
        var byLeft = glyphs.Select((g, i) => (g.Left, i)).OrderBy(t => t.Left).ToArray();
        var lefts = byLeft.Select(t => t.Left).ToArray();
        foreach (var segment in segments)
        {
            if (!segment.IsHorizontal || EndsOnVertical(segment, verticals, tolerance))
            {
                rules.Add(segment);
                continue;
            }
            var covered = 0.0;
            var marked = new List<int>();
            var first = LowerBound(lefts, segment.X1 - 20);
            for (var k = first; k < byLeft.Length && lefts[k] <= segment.X2; k++)
            {
                var g = glyphs[byLeft[k].i];
                if (g.IsSpace || g.CenterX < segment.X1 || g.CenterX > segment.X2)
                    continue;
                var drop = g.Baseline - segment.Y1;
                if (drop >= -0.05 * g.Size && drop <= 0.3 * g.Size)
                {
                    covered += g.Width;
                    marked.Add(byLeft[k].i);
                }
            }
            if (marked.Count > 0 && covered >= 0.6 * (segment.X2 - segment.X1))
            {
                foreach (var i in marked)
                    glyphs[i] = glyphs[i] with { Style = glyphs[i].Style | TextStyle.Underline };
            }
            else
            {
                rules.Add(segment);
            }
        }
        return rules;
    }

    private static bool EndsOnVertical(Segment h, Segment[] verticals, double tolerance)
    {
        foreach (var v in verticals)
        {
            if (h.Y1 < v.Y1 - tolerance || h.Y1 > v.Y2 + tolerance)
                continue;
            if (Math.Abs(v.X1 - h.X1) <= tolerance || Math.Abs(v.X1 - h.X2) <= tolerance)
                return true;
        }
        return false;
    }

    internal static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}
