using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Ingest.Readers.Pdf;

/// <summary>
/// The page as it is read: user space turned by quarter turns so that most of its letters run left to right. PdfPig
/// already undoes a page's <c>/Rotate</c>; this undoes a content matrix that draws a landscape sheet turned on a portrait
/// page (the reader turns the paper), so its lines, tables and reading order come out as on a landscape page.
/// </summary>
internal readonly record struct PageFrame(int QuarterTurns, double PageWidth, double PageHeight)
{
    /// <summary>Share of a page's letters that must run one way for the page to be read turned that way.</summary>
    private const double MinShareTurned = 0.6;

    public double Width => QuarterTurns % 2 == 0 ? PageWidth : PageHeight;

    public double Height => QuarterTurns % 2 == 0 ? PageHeight : PageWidth;

    public bool IsTurned => QuarterTurns != 0;

    /// <summary>A user-space point in the reading frame.</summary>
    public PdfPoint Apply(PdfPoint p) => QuarterTurns switch
    {
        1 => new PdfPoint(PageHeight - p.Y, p.X), // the text ran down the page
        2 => new PdfPoint(PageWidth - p.X, PageHeight - p.Y), // upside down
        3 => new PdfPoint(p.Y, PageWidth - p.X), // the text ran up the page
        _ => p,
    };

    /// <summary>A user-space rectangle in the reading frame.</summary>
    public Box Apply(PdfRectangle r)
    {
        var a = Apply(r.BottomLeft);
        var b = Apply(r.TopRight);
        return new Box(Math.Min(a.X, b.X), Math.Min(a.Y, b.Y), Math.Max(a.X, b.X), Math.Max(a.Y, b.Y));
    }

    public Segment Apply(Segment s)
    {
        var a = Apply(new PdfPoint(s.X1, s.Y1));
        var b = Apply(new PdfPoint(s.X2, s.Y2));
        return Segment.Of(a.X, a.Y, b.X, b.Y);
    }

    /// <summary>The frame in which most of the page's letters run left to right (the page itself when they already do, or none decide).</summary>
    public static PageFrame Of(Page page)
    {
        Span<int> runs = stackalloc int[4]; // letters running right, down, left, up
        var total = 0;
        foreach (var letter in page.Letters)
        {
            var dx = letter.EndBaseLine.X - letter.StartBaseLine.X;
            var dy = letter.EndBaseLine.Y - letter.StartBaseLine.Y;
            if (dx == 0 && dy == 0)
                continue;
            total++;
            runs[Math.Abs(dx) >= Math.Abs(dy) ? (dx > 0 ? 0 : 2) : (dy < 0 ? 1 : 3)]++;
        }
        var turns = 0;
        for (var k = 1; k < 4; k++)
        {
            if (runs[k] > MinShareTurned * total)
                turns = k;
        }
        return new PageFrame(turns, page.Width, page.Height);
    }
}
