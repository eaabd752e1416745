using System.Collections.Concurrent;
using System.Globalization;
using Ingest.Readers.Pdf;

namespace Ingest.Readers.Ocr;

/// <summary>
/// Reads the image-only pages of a PDF: poppler renders each page at a resolution chosen from the scan's own (never
/// below <see cref="OcrOptions.MinDpi"/>), <see cref="PageRecognizer"/> finds its rules and letters, and the PDF reader's
/// own layout stages turn them into paragraphs and tables. Rendering with pdftoppm rather than decoding the embedded
/// image ourselves means every image filter a scanner writes (JPEG, CCITT G4, JBIG2, Flate) and any placement of the
/// image on the page come out as the page shows them. Everything runs in the calling (parser) process's children.
/// </summary>
internal sealed class ScanReader(OcrOptions options, PdfReaderOptions layout)
{
    private static readonly ConcurrentDictionary<string, string?> ReadinessByCommand = new();

    /// <summary>Null when Tesseract and its Japanese model are there; otherwise why not, one line naming the Debian package.</summary>
    public string? Unready()
    {
        return ReadinessByCommand.GetOrAdd($"{options.Tesseract}\n{options.Language}\n{options.Pdftoppm}", _ =>
        {
            if (ToolRunner.Resolve(options.Pdftoppm) is null)
                return ToolRunner.Missing(options.Pdftoppm, "poppler-utils");
            try
            {
                var outcome = ToolRunner.Run(options.Tesseract, ["--list-langs"], options.ToolTimeout, "tesseract-ocr");
                var languages = (outcome.Output + "\n" + outcome.Error).Split('\n', StringSplitOptions.TrimEntries);
                return languages.Contains(options.Language)
                    ? null
                    : $"tesseract has no '{options.Language}' model (Debian package tesseract-ocr-{options.Language.Replace('_', '-')})";
            }
            catch (OcrUnavailableException e)
            {
                return e.Message;
            }
        });
    }

    /// <summary>
    /// Recognises the given pages of the PDF in <paramref name="bytes"/>; each page comes with its image resolution (0 when
    /// unknown) and its size in points. A page too large to render within <see cref="OcrOptions.MaxPagePixels"/> at half the
    /// least resolution throws <see cref="InvalidDataException"/> naming it.
    /// </summary>
    public IEnumerable<(int Number, PageDraft Draft, RecognizedPage Page)> Read(byte[] bytes, IReadOnlyList<ScanPage> pages)
    {
        var folder = Directory.CreateTempSubdirectory("ingest-ocr-").FullName;
        try
        {
            var pdf = Path.Combine(folder, "document.pdf");
            File.WriteAllBytes(pdf, bytes);
            var recognizer = new PageRecognizer(options, layout.SnapTolerance);
            foreach (var (number, scanDpi, width, height) in pages)
            {
                var dpi = Resolution(scanDpi, width, height)
                    ?? throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                        $"page {number} is {width / 72 * 25.4:0} × {height / 72 * 25.4:0} mm, too large to read by OCR ({options.MaxPagePixels:N0} pixels at most, at {options.MinDpi / 2} dpi or more)"));
                var image = Render(pdf, number, dpi, folder);
                var page = recognizer.Recognize(image, dpi, folder);
                var draft = PageLayoutBuilder.Layout(number, page.Width, page.Height, page.Glyphs, page.Segments, layout);
                yield return (number, draft, page);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The scan's own resolution, raised to the minimum and capped at the maximum; a scan of unknown resolution at the minimum.</summary>
    public int Resolution(double scanDpi) =>
        (int)Math.Clamp(Math.Round(scanDpi), options.MinDpi, options.MaxDpi);

    /// <summary>
    /// <see cref="Resolution(double)"/>, lowered for a page of <paramref name="width"/> × <paramref name="height"/> points
    /// until its image fits <see cref="OcrOptions.MaxPagePixels"/>; null when that takes less than half the minimum.
    /// </summary>
    public int? Resolution(double scanDpi, double width, double height)
    {
        var dpi = Resolution(scanDpi);
        var squareInches = Math.Max(width, 1) / 72 * (Math.Max(height, 1) / 72);
        var fitting = (int)Math.Floor(Math.Sqrt(options.MaxPagePixels / squareInches));
        if (fitting >= dpi)
            return dpi;
        return fitting >= options.MinDpi / 2 ? fitting : null;
    }

    private GrayImage Render(string pdf, int number, int dpi, string folder)
    {
        var prefix = Path.Combine(folder, $"page-{number}");
        var outcome = ToolRunner.Run(options.Pdftoppm,
            ["-r", $"{dpi}", "-gray", "-f", $"{number}", "-l", $"{number}", "-singlefile", pdf, prefix], options.ToolTimeout, "poppler-utils", addressSpace: options.ToolAddressSpace);
        var file = prefix + ".pgm";
        if (outcome.ExitCode != 0 || !File.Exists(file))
            throw new OcrUnavailableException($"pdftoppm could not render page {number} (exit code {outcome.ExitCode}: {outcome.Error.Trim().Split('\n').LastOrDefault()})");
        var image = GrayImage.ReadPgm(File.ReadAllBytes(file));
        File.Delete(file);
        return image;
    }
}

/// <summary>An image-only page to read by OCR: its number, its scan's resolution (0 when unknown) and its size in points.</summary>
internal readonly record struct ScanPage(int Number, double ScanDpi, double Width, double Height);
