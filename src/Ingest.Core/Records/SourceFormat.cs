using Ingest.Core.Records.Renditions;

namespace Ingest.Core.Records;

/// <summary>
/// One kind of file the archive holds, under the name records give it (<see cref="SourceInfo.Format"/>): what clerks call
/// it, how faithful it is to the document as its author wrote it, and how the web page serves the original.
/// Every place that treats formats differently reads this one list, so a new format is added here once.
/// </summary>
public sealed record SourceFormat(string Name, string DisplayName, RenditionFidelity Fidelity, string MediaType)
{
    private const string Download = "application/octet-stream";

    public static readonly SourceFormat Docx = new("docx", "Word", RenditionFidelity.Word,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    public static readonly SourceFormat Doc = new("doc", "Word 97-2003", RenditionFidelity.Word, "application/msword");
    public static readonly SourceFormat Xlsx = new("xlsx", "Excel", RenditionFidelity.Word,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static readonly SourceFormat Xls = new("xls", "Excel 97-2003", RenditionFidelity.Word, "application/vnd.ms-excel");
    public static readonly SourceFormat Rtf = new("rtf", "RTF", RenditionFidelity.Word, "application/rtf");
    public static readonly SourceFormat Odt = new("odt", "OpenDocument 文書", RenditionFidelity.Word, "application/vnd.oasis.opendocument.text");
    public static readonly SourceFormat Ods = new("ods", "OpenDocument 表計算", RenditionFidelity.Word,
        "application/vnd.oasis.opendocument.spreadsheet");
    public static readonly SourceFormat Jtd = new("jtd", "一太郎", RenditionFidelity.Word, Download);
    // A PDF with a text layer; a scanned one carries the same name and is told apart by SourceInfo.Ocr.
    public static readonly SourceFormat Pdf = new("pdf", "PDF", RenditionFidelity.DigitalPdf, "application/pdf");
    public static readonly SourceFormat Text = new("text", "テキスト", RenditionFidelity.TextDump, "text/plain");
    // A TIFF, PNG or JPEG scan given directly: always recognised, so it ranks with scanned PDFs.
    public static readonly SourceFormat Image = new("image", "画像", RenditionFidelity.Recognised, Download);

    /// <summary>How a scan is named on the page, whatever container (PDF, TIFF) carried its images.</summary>
    public const string ScanDisplayName = "スキャン";

    public static IReadOnlyList<SourceFormat> All { get; } = [Docx, Doc, Xlsx, Xls, Rtf, Odt, Ods, Jtd, Pdf, Text, Image];

    /// <summary>The format a record names, or null for a name this version does not know (an index written by a newer one).</summary>
    public static SourceFormat? Named(string name) => All.FirstOrDefault(format => format.Name == name);
}
