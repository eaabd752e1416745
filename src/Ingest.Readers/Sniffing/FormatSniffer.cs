using System.Text;

namespace Ingest.Readers.Sniffing;

/// <summary>What the leading bytes of a file say it is, whatever its extension claims.</summary>
public enum SniffedFormat
{
    Unknown,
    Pdf,
    /// <summary>A zip whose entries name <c>word/</c> parts (or a zip named .docx whose directory lies beyond the head).</summary>
    Docx,
    /// <summary>A zip whose entries name <c>xl/</c> parts: an Excel workbook (.xlsx, .xlsm).</summary>
    Xlsx,
    /// <summary>An OpenDocument text (.odt): a zip whose first entry, <c>mimetype</c>, says so.</summary>
    OpenDocumentText,
    /// <summary>An OpenDocument spreadsheet (.ods).</summary>
    OpenDocumentSpreadsheet,
    /// <summary>A zip that is none of the above (a plain archive, a presentation).</summary>
    OtherZip,
    /// <summary>
    /// An OLE compound file: a Word 97-2003 .doc, an Excel 97-2003 .xls, an 一太郎 .jtd, or an encrypted Office document
    /// (which is stored this way). Which one is read from its directory (<see cref="CompoundFileKinds"/>), which lies beyond the head.
    /// </summary>
    CompoundFile,
    /// <summary>Rich Text Format: <c>{\rtf</c>.</summary>
    Rtf,
}

/// <summary>Recognises formats by magic numbers: <c>%PDF-</c>, the zip local header <c>PK\x03\x04</c>, the OLE signature.</summary>
public static class FormatSniffer
{
    /// <summary>PDF readers accept junk before the header as long as it is within the first kilobyte (PDF 32000-1, annex H).</summary>
    public const int PdfHeaderSearchWindow = 1024;

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];
    private static ReadOnlySpan<byte> CompoundMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static ReadOnlySpan<byte> RtfMagic => "{\\rtf"u8;

    /// <summary>
    /// OpenDocument packages store their media type uncompressed as the first entry, <c>mimetype</c>, so it sits right
    /// after the first local header (OpenDocument 1.2 part 3, 3.3); templates (<c>…text-template</c>) read alike.
    /// </summary>
    private static ReadOnlySpan<byte> OdfTextType => "application/vnd.oasis.opendocument.text"u8;
    private static ReadOnlySpan<byte> OdfSpreadsheetType => "application/vnd.oasis.opendocument.spreadsheet"u8;
    private const int OdfMimeTypeWindow = 128;

    public static SniffedFormat Sniff(ReadOnlySpan<byte> head, string path)
    {
        if (head.StartsWith(CompoundMagic))
            return SniffedFormat.CompoundFile;
        if (head.StartsWith(ZipMagic))
        {
            var start = head[..Math.Min(head.Length, OdfMimeTypeWindow)];
            if (start.IndexOf("mimetype"u8) >= 0)
            {
                if (start.IndexOf(OdfTextType) >= 0)
                    return SniffedFormat.OpenDocumentText;
                if (start.IndexOf(OdfSpreadsheetType) >= 0)
                    return SniffedFormat.OpenDocumentSpreadsheet;
            }
            if (head.IndexOf("word/"u8) >= 0)
                return SniffedFormat.Docx;
            if (head.IndexOf("xl/"u8) >= 0)
                return SniffedFormat.Xlsx;
            // The central directory sits at the end; a producer may store media before the main part.
            return Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".docx" or ".docm" => SniffedFormat.Docx,
                ".xlsx" or ".xlsm" => SniffedFormat.Xlsx,
                _ => SniffedFormat.OtherZip,
            };
        }
        if (head.StartsWith(RtfMagic))
            return SniffedFormat.Rtf;
        if (head[..Math.Min(head.Length, PdfHeaderSearchWindow)].IndexOf(PdfMagic) >= 0)
            return SniffedFormat.Pdf;
        return SniffedFormat.Unknown;
    }

    /// <summary>A short printable rendering of the first bytes, for "not a PDF: file starts with …" messages.</summary>
    public static string Describe(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
            return "nothing (empty file)";
        var take = head[..Math.Min(8, head.Length)];
        var printable = true;
        foreach (var b in take)
            printable &= b is >= 0x20 and < 0x7F;
        return printable ? $"\"{Encoding.ASCII.GetString(take)}\"" : $"bytes {Convert.ToHexString(take)}";
    }
}
