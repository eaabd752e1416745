using System.Text.RegularExpressions;
using Ingest.Core.Diagnostics;
using Ingest.Core.Layout;
using Ingest.Core.Records;
using Ingest.Readers.Ocr;
using Ingest.Readers.Sniffing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Ingest.Readers.Pdf;

/// <summary>
/// Reads PDF files with PdfPig into the neutral layout: per page, paragraphs and tables (recovered from ruling lines,
/// or from word positions where a table has none) in reading order, with bold/underlined runs marked; running headers,
/// footers and page numbers go to <see cref="LayoutPage.Furniture"/>; a table continued on the next page is joined.
/// Scanned pages without a text layer are reported, never silently read as empty. Thread-safe.
/// </summary>
public sealed partial class PdfDocumentReader(PdfReaderOptions? options = null) : IDocumentReader
{
    private readonly PdfReaderOptions _options = options ?? new PdfReaderOptions();

    public string Format => SourceFormat.Pdf.Name;

    public bool CanRead(ReadOnlySpan<byte> head, string path) => FormatSniffer.Sniff(head, path) == SniffedFormat.Pdf;

    public Result<LayoutDocument> Read(ReadOnlyMemory<byte> content, string path)
    {
        if (content.Length > _options.MaxBytes)
            return Result<LayoutDocument>.Fail($"PDF too large ({content.Length:N0} bytes; limit {_options.MaxBytes:N0})");
        if (FormatSniffer.Sniff(content.Span[..Math.Min(content.Length, FormatSniffer.PdfHeaderSearchWindow)], path) != SniffedFormat.Pdf)
            return Result<LayoutDocument>.Fail($"not a PDF: file starts with {FormatSniffer.Describe(content.Span)}");

        var started = _options.Clock.GetTimestamp();
        var drafts = new List<PageDraft>();
        var scanPages = new Dictionary<int, ScanPage>();
        byte[] bytes;
        // Uncompressed CMaps never pass through a filter, so the file's own bytes are checked for wide ranges too.
        if (CMapRangeCheck.Refusal(content.Span, _options.MaxCMapRangeCodes) is { } wideRange)
            return Result<LayoutDocument>.Fail(wideRange);
        var filters = new BoundedFilterProvider(_options);
        try
        {
            // PdfPig wants an array: reuse the caller's when the memory is a whole array, copy otherwise.
            bytes = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
                ? segment.Array
                : content.ToArray();
            using var document = PdfDocument.Open(bytes, new ParsingOptions
            {
                UseLenientParsing = true,
                SkipMissingFonts = true,
                MaxStackDepth = _options.MaxStackDepth,
                FilterProvider = filters,
            });
            if (FormXObjectGuard.Check(document.Structure, filters, _options) is { } refusal)
                return Result<LayoutDocument>.Fail(refusal);
            if (document.NumberOfPages > _options.MaxPages)
                return Result<LayoutDocument>.Fail($"PDF has {document.NumberOfPages:N0} pages (limit {_options.MaxPages:N0})");
            if (document.NumberOfPages == 0)
                return Result<LayoutDocument>.Fail("corrupt PDF: no pages");
            var cells = 0;
            var glyphForms = new JapaneseGlyphForms(document.Structure);
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                if (_options.Clock.GetElapsedTime(started) > _options.MaxDuration)
                    return Result<LayoutDocument>.Fail($"PDF took longer than {_options.MaxDuration.TotalSeconds:N0} s to read (stopped at page {number} of {document.NumberOfPages})");
                var page = document.GetPage(number);
                var draft = PageLayoutBuilder.Build(page, _options, glyphForms);
                if (draft.ImageOnly)
                    scanPages[number] = new ScanPage(number, ScanResolution(page), page.Width, page.Height);
                cells += draft.Cells;
                if (cells > _options.MaxTableCells)
                    return Result<LayoutDocument>.Fail($"PDF has more than {_options.MaxTableCells:N0} table cells (stopped at page {number})");
                drafts.Add(draft);
            }
            if (filters.Breach is { } breach)
                return Result<LayoutDocument>.Fail(breach);
        }
        catch (PdfDocumentEncryptedException)
        {
            return Result<LayoutDocument>.Fail("encrypted PDF (password required)");
        }
        catch (Exception e) when (e is not OutOfMemoryException && filters.Breach is { } breach)
        {
            // A budget broke inside PdfPig, which may have wrapped the exception in its own.
            return Result<LayoutDocument>.Fail(breach);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // PdfPig signals damaged input with many exception types (format, argument, index, invalid-operation…);
            // whichever it is, the file is unreadable and the batch goes on.
            return Result<LayoutDocument>.Fail(e.Message.Contains("password", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("encrypt", StringComparison.OrdinalIgnoreCase)
                ? $"encrypted PDF ({e.Message})"
                : $"corrupt PDF: {e.GetType().Name}: {e.Message}");
        }
        var ocr = Recognize(bytes, drafts, scanPages, started, path);
        return Assemble(drafts, path, ocr);
    }

    /// <summary>What OCR made of the image-only pages: how many letters and their summed confidence, and why it could not run, if it could not.</summary>
    private sealed record OcrOutcome(List<int> Pages, double ConfidenceSum, int Letters, string? Failure, List<Diagnostic> Notes);

    /// <summary>Replaces image-only pages' drafts with what OCR reads on them, when OCR is configured and can run.</summary>
    private OcrOutcome? Recognize(byte[] bytes, List<PageDraft> drafts, Dictionary<int, ScanPage> scanPages, long started, string path)
    {
        if (_options.Ocr is not { } ocr || scanPages.Count == 0)
            return null;
        var scans = new ScanReader(ocr, _options);
        var outcome = new OcrOutcome([], 0, 0, scans.Unready(), []);
        if (outcome.Failure is not null)
            return outcome;
        try
        {
            foreach (var (number, draft, page) in scans.Read(bytes, [.. scanPages.OrderBy(p => p.Key).Select(p => p.Value)]))
            {
                var index = drafts.FindIndex(d => d.Number == number);
                // A page OCR found nothing on stays image-only, so the file says so rather than reading as empty.
                drafts[index] = draft with { ImageOnly = draft.Blocks.Count == 0 && draft.BandLines.Count == 0 };
                outcome.Pages.Add(number);
                var letters = page.Glyphs.Where(g => !g.IsSpace && g.Confidence is not null).ToList();
                outcome = outcome with { ConfidenceSum = outcome.ConfidenceSum + letters.Sum(g => g.Confidence!.Value), Letters = outcome.Letters + letters.Count };
                outcome.Notes.Add(new Diagnostic(Severity.Info, path,
                    $"page {number}: read by OCR at {page.Dpi} dpi (skew {page.SkewDegrees:0.00}°, {page.Cells} cells, {letters.Count} letters, mean confidence {(letters.Count == 0 ? 0 : letters.Average(g => g.Confidence!.Value)):0.00})"));
                if (_options.Clock.GetElapsedTime(started) > _options.MaxDuration)
                    return outcome with { Failure = $"OCR took longer than {_options.MaxDuration.TotalSeconds:N0} s (stopped after page {number})" };
            }
        }
        catch (Exception e) when (e is OcrUnavailableException or TimeoutException or IOException or FormatException or UnauthorizedAccessException or InvalidDataException)
        {
            return outcome with { Failure = e.Message };
        }
        return outcome;
    }

    /// <summary>The resolution of a scanned page's largest image: its pixels across over its drawn width in inches; 0 when unknown.</summary>
    private static double ScanResolution(UglyToad.PdfPig.Content.Page page)
    {
        try
        {
            var best = 0.0;
            foreach (var image in page.GetImages())
            {
                var inches = image.BoundingBox.Width / 72.0;
                if (inches > 0.5 && image.WidthInSamples > 0)
                    best = Math.Max(best, image.WidthInSamples / inches);
            }
            return best;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return 0; // an image dictionary PdfPig cannot read: pdftoppm may still render it
        }
    }

    private Result<LayoutDocument> Assemble(List<PageDraft> drafts, string path, OcrOutcome? ocr)
    {
        var diagnostics = new List<Diagnostic>();
        var imageOnly = drafts.Where(d => d.ImageOnly).Select(d => d.Number).ToArray();
        var withText = drafts.Count(d => d.Blocks.Count > 0 || d.BandLines.Count > 0);
        var why = ocr?.Failure is { } failure ? $"no text layer, and OCR could not read them: {failure}" : ocr is null ? "no text layer (scanned?)" : "no text layer, and OCR found no text";
        if (ocr is not null)
            diagnostics.AddRange(ocr.Notes);
        if (withText == 0)
        {
            return Result<LayoutDocument>.Fail(imageOnly.Length > 0
                ? $"image-only pages {Ranges(imageOnly)}: {why}"
                : $"no text layer: pages {Ranges(drafts.Select(d => d.Number).ToArray())} have no text");
        }
        if (imageOnly.Length > 0)
            diagnostics.Add(new Diagnostic(Severity.Warning, path, $"image-only pages {Ranges(imageOnly)}: {why}; their content is missing"));
        foreach (var skipped in drafts.Where(d => d.RulesSkipped))
            diagnostics.Add(new Diagnostic(Severity.Info, path, $"page {skipped.Number}: more than {_options.MaxSegmentsPerPage:N0} drawn segments; tables not recovered from rules"));

        var pages = SeparateFurniture(drafts);
        JoinContinuedTables(pages);
        var layout = new LayoutDocument
        {
            Path = path,
            Format = Format,
            Pages = pages.Select(p => new LayoutPage(p.Number, p.Blocks.Select(b => b.Block).ToArray()) { Furniture = p.Furniture }).ToArray(),
            Ocr = ocr is { Pages.Count: > 0 } read ? new OcrSummary(read.Pages, read.Letters == 0 ? 0 : read.ConfidenceSum / read.Letters) : null,
        };
        return Result<LayoutDocument>.Ok(layout, diagnostics);
    }

    private sealed record PageWork(int Number, List<PlacedBlock> Blocks, List<StyledText> Furniture);

    /// <summary>
    /// Lines in the top or bottom band are furniture when they are page numbers, when the same text (digits aside)
    /// recurs in the band on most pages (running headers and footers), or when they repeat a 資料 number already seen —
    /// the first 資料 number stays in the content, since it is the submission's document number.
    /// </summary>
    private static List<PageWork> SeparateFurniture(List<PageDraft> drafts)
    {
        var recurring = drafts
            .SelectMany(d => d.BandLines.Where(l => !DocumentNumber().IsMatch(l.Text.Text.Trim()))
                .Select(l => (d.Number, Key: FurnitureKey(l.Text.Text))).Distinct())
            .GroupBy(p => p.Key)
            .Where(g => g.Count() >= 2 && g.Count() >= 0.6 * drafts.Count)
            .Select(g => g.Key)
            .ToHashSet();
        var seenNumbers = new HashSet<string>();
        var pages = new List<PageWork>();
        foreach (var draft in drafts)
        {
            var furniture = new List<StyledText>();
            var blocks = new List<PlacedBlock>(draft.Blocks);
            foreach (var line in draft.BandLines)
            {
                var text = line.Text.Text.Trim();
                var isNumber = DocumentNumber().IsMatch(text);
                var first = isNumber && seenNumbers.Add(DigitsOnly(text));
                if (PageNumber().IsMatch(text) || recurring.Contains(FurnitureKey(text)) || (isNumber && !first))
                    furniture.Add(line.Text);
                else
                    blocks.Add(new PlacedBlock(line.Top, new ParagraphBlock(line.Text) { Confidence = PageLayoutBuilder.MeanConfidence(line.Glyphs) }));
            }
            blocks.Sort((a, b) => b.Top.CompareTo(a.Top));
            // Later document numbers in the body (not in a band) are still seen, so a repeat in a corner is furniture.
            foreach (var block in blocks)
            {
                if (block.Block is ParagraphBlock p && DocumentNumber().IsMatch(p.Text.Text.Trim()))
                    seenNumbers.Add(DigitsOnly(p.Text.Text));
            }
            pages.Add(new PageWork(draft.Number, blocks, furniture));
        }
        return pages;
    }

    /// <summary>A table continues on the next page only if it runs into the bottom fifth of its page and the next starts in the top fifth.</summary>
    private const double ContinuationBand = 0.2;

    /// <summary>A ruled table that ends a page and one that starts the next with the same column edges are one table (see <see cref="TableJoiner"/>).</summary>
    private void JoinContinuedTables(List<PageWork> pages)
    {
        PageWork? holder = null; // the page whose last block is the table being continued
        foreach (var page in pages)
        {
            var before = holder?.Blocks.LastOrDefault();
            var after = page.Blocks.FirstOrDefault();
            if (holder is not null && before?.Block is TableBlock upper && after?.Block is TableBlock lower &&
                before.Shape is { } a && after.Shape is { } b && a.ColumnEdges.Length == b.ColumnEdges.Length &&
                a.Extent.Bottom <= ContinuationBand && b.Extent.Top >= 1 - ContinuationBand &&
                a.ColumnEdges.Zip(b.ColumnEdges).All(x => Math.Abs(x.First - x.Second) <= 2 * _options.SnapTolerance))
            {
                var (table, shape) = TableJoiner.Join(upper, a, lower, b);
                holder.Blocks[^1] = before with { Block = table, Shape = shape };
                page.Blocks.RemoveAt(0);
                if (page.Blocks.Count == 0)
                    continue; // a page that held only the continuation: the table may go on to the next page
            }
            if (page.Blocks.Count > 0)
                holder = page;
        }
    }

    private static string FurnitureKey(string text) => DigitRun().Replace(text.Replace(" ", string.Empty).Replace("　", string.Empty), "#");

    private static string DigitsOnly(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>"1–3, 5" for pages 1, 2, 3, 5.</summary>
    internal static string Ranges(IReadOnlyList<int> numbers)
    {
        var parts = new List<string>();
        for (var i = 0; i < numbers.Count;)
        {
            var j = i;
            while (j + 1 < numbers.Count && numbers[j + 1] == numbers[j] + 1)
                j++;
            parts.Add(i == j ? $"{numbers[i]}" : $"{numbers[i]}–{numbers[j]}");
            i = j + 1;
        }
        return string.Join(", ", parts);
    }

    [GeneratedRegex(@"^[\s\-－—–‐]*((page|p\.)\s*)?[0-9０-９]+(\s*[/／]\s*[0-9０-９]+)?[\s\-－—–‐]*$|^第?\s*[0-9０-９]+\s*(頁|ページ)$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^[（(]?資料\s*[0-9０-９]+(\s*[-－‐]\s*[0-9０-９]+)?[)）]?$", RegexOptions.NonBacktracking)]
    private static partial Regex DocumentNumber();

    [GeneratedRegex(@"[0-9０-９]+", RegexOptions.NonBacktracking)]
    private static partial Regex DigitRun();
}
