namespace Ingest.Readers.Ocr;

/// <summary>How scans are recognised: the outside programs, their languages, resolution and time limits.</summary>
public sealed record OcrOptions
{
    /// <summary>Tesseract (Debian: tesseract-ocr), run as a command as Apache Tika runs it.</summary>
    public string Tesseract { get; init; } = "tesseract";

    /// <summary>poppler's rasteriser (Debian: poppler-utils).</summary>
    public string Pdftoppm { get; init; } = "pdftoppm";

    /// <summary>Wraps a TIFF, PNG or JPEG scan as a PDF page without re-encoding it (Debian: img2pdf).</summary>
    public string Img2pdf { get; init; } = "img2pdf";

    /// <summary>Tesseract's model for horizontal Japanese (Debian: tesseract-ocr-jpn).</summary>
    public string Language { get; init; } = "jpn";

    /// <summary>Tesseract's model for vertical Japanese, used for tall narrow cells (Debian: tesseract-ocr-jpn-vert).</summary>
    public string VerticalLanguage { get; init; } = "jpn_vert";

    /// <summary>Least resolution a page is recognised at, whatever its scan's own: Tesseract's models want letters about 30 pixels high.</summary>
    public int MinDpi { get; init; } = 300;

    /// <summary>Most resolution a page is rendered at (a 1200-dpi scan is read at this), bounding the page image to about 35 MB.</summary>
    public int MaxDpi { get; init; } = 600;

    /// <summary>
    /// Most pixels a page is rendered with: an A3 page at 600 dpi (7,016 × 9,921). A larger page is rendered at a lower
    /// resolution that fits, down to half of <see cref="MinDpi"/>; a page too large even for that (a 37 KB PNG can declare
    /// a page 3 metres square) is not read, rather than rendered into gigabytes by pdftoppm, outside the parser's budget.
    /// </summary>
    public long MaxPagePixels { get; init; } = 72_000_000;

    /// <summary>
    /// Address space each outside program may map (<c>prlimit --as</c>, when util-linux's prlimit is there): their memory
    /// is their own processes', which the parser worker's budget does not see. Tesseract reading a page of
    /// <see cref="MaxPagePixels"/> stays far below it.
    /// </summary>
    public long ToolAddressSpace { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// Longest one outside program may run (one page's rendering or recognition). The per-file budget of the import
    /// ends the whole file sooner; this also ends a program left behind by a killed parser process.
    /// </summary>
    public TimeSpan ToolTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A single mark that is not a letter or digit recognised with less confidence (0–1) than this is dropped as noise
    /// (specks, stamp rims). Words are kept however unsure: Tesseract gives 0 to some words it reads right, and a
    /// doubtful word is marked for review, not lost.
    /// </summary>
    public double MinWordConfidence { get; init; } = 0.15;

}
