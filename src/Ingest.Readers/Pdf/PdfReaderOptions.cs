namespace Ingest.Readers.Pdf;

/// <summary>Limits and layout tolerances for <see cref="PdfDocumentReader"/>; every limit is checked while reading, never after.</summary>
public sealed record PdfReaderOptions
{
    /// <summary>Larger files are refused unread (a meeting packet with scans is tens of megabytes).</summary>
    public long MaxBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Documents with more pages are refused: an archive's largest packets have a few hundred pages.</summary>
    public int MaxPages { get; init; } = 2_000;

    /// <summary>Pages with more letters keep only this many (a page of 9-point text has about 3,000).</summary>
    public int MaxLettersPerPage { get; init; } = 100_000;

    /// <summary>Pages with more drawn path segments are read without table recovery (a map or a chart, not a form).</summary>
    public int MaxSegmentsPerPage { get; init; } = 20_000;

    /// <summary>Most table cells in the whole document.</summary>
    public int MaxTableCells { get; init; } = 200_000;

    /// <summary>Longest a read may take before the file is refused; checked between pages.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Deepest object nesting the parser follows (passed to PdfPig).</summary>
    public int MaxStackDepth { get; init; } = 256;

    /// <summary>
    /// Most bytes one stream may decode to (content, form, font, CMap, object stream). A dense page's content is about
    /// 100 kB and a whole embedded CJK font about 20 MB; a stream past this is refused while inflating, before it is held.
    /// Images are decoded only if asked for, which this reader never does.
    /// </summary>
    public long MaxStreamBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Most bytes all the streams of one document may decode to, counting each decode (a form drawn on every page is decoded per page).</summary>
    public long MaxDecodedBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>Most codes the bfrange ranges of one CMap may map: a ToUnicode map covers at most a few two-byte planes (65,536 codes each).</summary>
    public long MaxCMapRangeCodes { get; init; } = 4 * 65_536;

    /// <summary>Deepest chain of form XObjects drawing form XObjects; a loop is refused whatever its length.</summary>
    public int MaxFormNesting { get; init; } = 32;

    /// <summary>
    /// Most times form XObjects may be drawn in one document, counting every time (a letterhead on each of 2,000 pages is
    /// 2,000): a tree of forms each drawing the next level twice is exponential work for any reader.
    /// </summary>
    public int MaxFormDraws { get; init; } = 100_000;

    /// <summary>A page with fewer non-blank letters than this and at least one image is taken for a scan.</summary>
    public int ImageOnlyMaxLetters { get; init; } = 10;

    /// <summary>Share of the page height, at the top and at the bottom, where running headers, footers and page numbers live.</summary>
    public double FurnitureBand { get; init; } = 0.08;

    /// <summary>Ruling lines closer than this (points) are the same line; also the tolerance for lines meeting.</summary>
    public double SnapTolerance { get; init; } = 2.0;

    /// <summary>Gap between letters, in font sizes, that separates the columns of a table drawn without rules.</summary>
    public double StreamColumnGap { get; init; } = 2.0;

    /// <summary>
    /// How pages without a text layer (scans) are recognised; null leaves them unread, reported as image-only. The default
    /// runs Tesseract with its Japanese models (see <see cref="Ocr.OcrOptions"/>).
    /// </summary>
    public Ocr.OcrOptions? Ocr { get; init; } = new();

    /// <summary>The clock <see cref="MaxDuration"/> is measured with.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
