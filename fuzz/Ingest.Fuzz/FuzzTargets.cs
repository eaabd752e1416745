using Ingest.Core.Layout;
using Ingest.Extraction;
using Ingest.HostileFiles;
using Ingest.Pipeline;
using Ingest.Pipeline.Archives;
using Ingest.Readers;
using Ingest.Readers.Docx;
using Ingest.Readers.Pdf;
using Ingest.Readers.Text;
using Ingest.Readers.Xlsx;

namespace Ingest.Fuzz;

/// <summary>
/// One fuzz target per reader: the bytes go through that reader and the extractor (text, PDF, DOCX and its document part,
/// XLSX and its worksheet part), or through the zip
/// walker with every entry read (zip). A target returns normally for any input, with a record or a reason; an exception
/// that escapes, a hang or a crash is a finding.
/// </summary>
public static class FuzzTargets
{
    public static IReadOnlyList<string> Names { get; } = ["text", "pdf", "docx", "docx-xml", "xlsx", "xlsx-sheet", "zip"];

    private static readonly SubmissionExtractor Extractor = new();
    private static readonly IngestPipeline Text = Only(new TextDocumentReader());
    // OCR off: a mutated PDF with an image page would start pdftoppm and Tesseract on every run, and this harness
    // exercises our parsing code; the OCR stages are tested on images of their own (tests/Ingest.Readers.Tests/Ocr).
    private static readonly IngestPipeline Pdf = Only(new PdfDocumentReader(new PdfReaderOptions { Ocr = null }));
    private static readonly IngestPipeline Docx = Only(new DocxDocumentReader());
    private static readonly IngestPipeline Xlsx = Only(new XlsxDocumentReader());
    private static readonly ArchiveWalker Walker = new();

    private static IngestPipeline Only(IDocumentReader reader) => new(new ReaderRegistry([reader]), Extractor);

    /// <summary>The target's action, or null for an unknown name.</summary>
    public static Action<byte[]>? Get(string name) => name switch
    {
        "text" => bytes => Text.Extract(bytes, "fuzz.txt"),
        "pdf" => bytes => Pdf.Extract(bytes, "fuzz.pdf"),
        "docx" => bytes => Docx.Extract(bytes, "fuzz.docx"),
        // The input is word/document.xml, packaged before reading: mutations of a whole .docx mostly break the deflate
        // stream and stop at the zip reader, so this target is the one that reaches the XML guard and the SDK.
        "docx-xml" => bytes => Docx.Extract(MinimalDocx.WithDocumentPart(bytes), "fuzz.docx"),
        "xlsx" => bytes => Xlsx.Extract(bytes, "fuzz.xlsx"),
        // As docx-xml: the input is the worksheet part, packaged with a fixed workbook, styles and shared strings.
        "xlsx-sheet" => bytes => Xlsx.Extract(MinimalXlsx.WithWorksheetPart(bytes), "fuzz.xlsx"),
        "zip" => WalkZip,
        _ => null,
    };

    private static void WalkZip(byte[] bytes)
    {
        foreach (var item in Walker.WalkZip("fuzz.zip", bytes))
        {
            if (item is ArchiveEntry entry)
                _ = entry.Read().Length;
        }
    }
}
