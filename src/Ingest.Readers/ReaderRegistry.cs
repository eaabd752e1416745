using Ingest.Core.Diagnostics;
using Ingest.Core.Layout;
using Ingest.Readers.Conversion;
using Ingest.Readers.Docx;
using Ingest.Readers.Ocr;
using Ingest.Readers.Pdf;
using Ingest.Readers.Sniffing;
using Ingest.Readers.Text;
using Ingest.Readers.Xlsx;

namespace Ingest.Readers;

/// <summary>
/// Chooses a reader by the content's leading bytes, not the file extension (extensions lie);
/// text is the fallback because a text dump has no magic number.
/// </summary>
public sealed class ReaderRegistry(IReadOnlyList<IDocumentReader> readers)
{
    /// <summary>How many leading bytes the readers see when sniffing.</summary>
    public const int SniffLength = 8192;

    /// <summary>
    /// Every reader the product ships, binary formats first, text last: PDF, Word and Excel natively; Word and Excel
    /// 97-2003, RTF, OpenDocument and 一太郎 by conversion with LibreOffice.
    /// </summary>
    public static ReaderRegistry Default { get; } = new(
    [
        new PdfDocumentReader(),
        new DocxDocumentReader(),
        new XlsxDocumentReader(),
        new ConvertingReader(new LibreOfficeConverter()),
        new ImageDocumentReader(),
        new TextDocumentReader(),
    ]);

    public IReadOnlyList<IDocumentReader> Readers { get; } = readers;

    /// <summary>Reads a file's bytes with the first reader that recognises them.</summary>
    public Result<LayoutDocument> Read(ReadOnlyMemory<byte> content, string path)
    {
        var head = content.Span[..Math.Min(content.Length, SniffLength)];
        foreach (var reader in Readers)
        {
            if (reader.CanRead(head, path))
                return reader.Read(content, path);
        }
        return content.IsEmpty
            ? Result<LayoutDocument>.Fail("empty file")
            : Result<LayoutDocument>.Fail($"not text and not a supported document format (PDF, Word, Excel, RTF, OpenDocument, 一太郎, scanned TIFF/PNG/JPEG): content starts with {FormatSniffer.Describe(head)}");
    }
}
