using System.Text;

namespace Ingest.Readers.Sniffing;

/// <summary>What the leading bytes of a file say it is, whatever its extension claims.</summary>
public enum SniffedFormat
{
    Unknown,
    Pdf,
    /// <summary>A zip whose entries name <c>word/</c> parts (or a zip named .docx whose directory lies beyond the head).</summary>
    Docx,
    /// <summary>A zip that is not a Word document (an .xlsx, a plain archive).</summary>
    OtherZip,
    /// <summary>An OLE compound file: a legacy .doc/.xls, or an encrypted Office document (which is stored this way).</summary>
    CompoundFile,
}

/// <summary>Recognises formats by magic numbers: <c>%PDF-</c>, the zip local header <c>PK\x03\x04</c>, the OLE signature.</summary>
public static class FormatSniffer
{
    /// <summary>PDF readers accept junk before the header as long as it is within the first kilobyte (PDF 32000-1, annex H).</summary>
    public const int PdfHeaderSearchWindow = 1024;

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];
    private static ReadOnlySpan<byte> CompoundMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static SniffedFormat Sniff(ReadOnlySpan<byte> head, string path)
    {
        if (head.StartsWith(CompoundMagic))
            return SniffedFormat.CompoundFile;
        if (head.StartsWith(ZipMagic))
        {
            if (head.IndexOf("word/"u8) >= 0)
                return SniffedFormat.Docx;
            // The central directory sits at the end; a producer may store media before word/document.xml.
            return path.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) ? SniffedFormat.Docx : SniffedFormat.OtherZip;
        }
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
