using Ingest.Core.Diagnostics;
using Ingest.Core.Layout;
using Ingest.Core.Records;
using Ingest.Readers.Pdf;

namespace Ingest.Readers.Ocr;

/// <summary>
/// Reads a scan given as an image file (TIFF — one page or many, CCITT G4 or not —, PNG, JPEG): img2pdf wraps each
/// image as a PDF page without re-encoding it and keeping its resolution, and the PDF reader recognises the pages as it
/// recognises any scanned PDF. One route for every scan keeps one set of rules for resolution, skew and layout.
/// </summary>
public sealed class ImageDocumentReader(PdfReaderOptions? options = null) : IDocumentReader
{
    private readonly PdfReaderOptions _options = options ?? new PdfReaderOptions();

    public string Format => SourceFormat.Image.Name;

    public bool CanRead(ReadOnlySpan<byte> head, string path) => Kind(head) is not null;

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    /// <summary>The image format the leading bytes name, or null: TIFF (II*␀ or MM␀*), PNG, JPEG.</summary>
    public static string? Kind(ReadOnlySpan<byte> head) =>
        head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8) ? "TIFF"
        : head.StartsWith(PngMagic) ? "PNG"
        : head.StartsWith(JpegMagic) ? "JPEG"
        : null;

    public Result<LayoutDocument> Read(ReadOnlyMemory<byte> content, string path)
    {
        var kind = Kind(content.Span) ?? "unknown";
        if (_options.Ocr is not { } ocr)
            return Result<LayoutDocument>.Fail($"{kind} image: a scan, and OCR is off");
        if (content.Length > _options.MaxBytes)
            return Result<LayoutDocument>.Fail($"{kind} image too large ({content.Length:N0} bytes; limit {_options.MaxBytes:N0})");
        if (ToolRunner.Resolve(ocr.Img2pdf) is null)
            return Result<LayoutDocument>.Fail($"{kind} image: a scan, and OCR could not read it: {ToolRunner.Missing(ocr.Img2pdf, "img2pdf")}");
        var folder = Directory.CreateTempSubdirectory("ingest-image-").FullName;
        try
        {
            var image = Path.Combine(folder, "scan");
            var pdf = Path.Combine(folder, "scan.pdf");
            File.WriteAllBytes(image, content.ToArray());
            var outcome = ToolRunner.Run(ocr.Img2pdf, ["--nodate", image, "-o", pdf], ocr.ToolTimeout, "img2pdf", addressSpace: ocr.ToolAddressSpace);
            if (outcome.ExitCode != 0 || !File.Exists(pdf))
                return Result<LayoutDocument>.Fail($"corrupt {kind} image: {outcome.Error.Trim().Split('\n').LastOrDefault()}");
            var read = new PdfDocumentReader(_options).Read(File.ReadAllBytes(pdf), path);
            return read.Succeeded && read.Value is { } layout
                ? Result<LayoutDocument>.Ok(layout with { Format = Format }, read.Diagnostics)
                : read;
        }
        catch (Exception e) when (e is OcrUnavailableException or TimeoutException or IOException)
        {
            return Result<LayoutDocument>.Fail($"{kind} image: {e.Message}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
