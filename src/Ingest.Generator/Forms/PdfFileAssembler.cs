using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Ingest.Generator.Forms;

/// <summary>
/// Writes a PDF file around finished page contents, following the file structure of ISO 32000-1 §7.5: header, numbered
/// indirect objects, a cross-reference table of byte offsets, and a trailer. The fonts are two non-embedded Type 0 fonts
/// (regular and bold IPA Gothic) with <c>Identity-H</c> encoding, TrueType-based CID descendants declared as
/// Adobe-Japan1, widths from <see cref="PdfTextMetrics"/>, and a <c>/ToUnicode</c> CMap so the text can be extracted.
/// No dates and no random identifiers: the same pages give the same bytes.
/// </summary>
internal sealed class PdfFileAssembler
{
    /// <summary>Resource name of the regular font.</summary>
    public const string Regular = "F1";

    /// <summary>Resource name of the bold font.</summary>
    public const string Bold = "F2";

    /// <summary>Objects before the pages: catalog, page tree, information, resources, two fonts of three objects each, the CMap.</summary>
    private const int FirstPageObject = 12;

    private readonly MemoryStream _file = new();
    private readonly List<long> _offsets = [];

    private PdfFileAssembler()
    {
        Ascii("%PDF-1.7\n");
        // A comment of bytes above 127 tells transfer programs the file is binary (ISO 32000-1 §7.5.2).
        _file.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
    }

    /// <summary>The file for pages of <paramref name="width"/> × <paramref name="height"/> points with the given content streams.</summary>
    public static byte[] Assemble(IReadOnlyList<byte[]> pages, PdfGlyphEncoder encoder, double width, double height)
    {
        var pdf = new PdfFileAssembler();
        var kids = string.Join(' ', pages.Select((_, i) => $"{FirstPageObject + 2 * i} 0 R"));
        pdf.Object(1, "<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Object(2, $"<< /Type /Pages /Kids [{kids}] /Count {pages.Count} >>");
        pdf.Object(3, "<< /Producer (Ingest.Generator) >>");
        pdf.Object(4, $"<< /Font << /{Regular} 5 0 R /{Bold} 8 0 R >> /ProcSet [/PDF /Text] >>");
        pdf.Font(5, "IPAGothic", bold: false);
        pdf.Font(8, "IPAGothic,Bold", bold: true);
        pdf.Stream(11, string.Empty, Encoding.ASCII.GetBytes(ToUnicode(encoder)));
        var mediaBox = $"[0 0 {PdfContentBuilder.Number(width)} {PdfContentBuilder.Number(height)}]";
        for (var i = 0; i < pages.Count; i++)
        {
            var number = FirstPageObject + 2 * i;
            pdf.Object(number, $"<< /Type /Page /Parent 2 0 R /MediaBox {mediaBox} /Resources 4 0 R /Contents {number + 1} 0 R >>");
            pdf.Stream(number + 1, string.Empty, pages[i]);
        }
        return pdf.Finish(root: 1, info: 3);
    }

    /// <summary>
    /// A Type 0 font at <paramref name="number"/>, its CIDFontType2 descendant at the next number and the descendant's
    /// descriptor after it. The font is not embedded: a viewer substitutes a Japanese font of that name; the widths
    /// (<c>/DW</c> full width, <c>/W</c> the half-width ranges) fix every letter's advance whatever font it finds.
    /// </summary>
    private void Font(int number, string name, bool bold)
    {
        var halfWidths = string.Join(' ', PdfTextMetrics.HalfWidthRanges.Select(r => $"{(int)r.First} {(int)r.Last} {PdfTextMetrics.HalfWidth}"));
        Object(number, $"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H /DescendantFonts [{number + 1} 0 R] /ToUnicode 11 0 R >>");
        Object(number + 1, $"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> "
                           + $"/FontDescriptor {number + 2} 0 R /DW {PdfTextMetrics.FullWidth} /W [{halfWidths}] /CIDToGIDMap /Identity >>");
        // Flags: 4 = symbolic (glyphs outside the standard Latin set); 262144 = force bold.
        Object(number + 2, $"<< /Type /FontDescriptor /FontName /{name} /Flags {(bold ? 262148 : 4)} /FontBBox [0 -120 1000 880] /ItalicAngle 0 "
                           + $"/Ascent 880 /Descent -120 /CapHeight 730 /StemV {(bold ? 136 : 80)} /FontWeight {(bold ? 700 : 400)} >>");
    }

    /// <summary>
    /// The <c>/ToUnicode</c> CMap (Adobe technical note 5411): every BMP code maps to itself, one <c>bfrange</c> per
    /// first byte (a range may not cross one), surrogate codes excepted; each CID lent to a letter beyond the BMP maps
    /// to its UTF-16 pair by <c>bfchar</c>. At most 100 entries per section, as the CMap format requires.
    /// </summary>
    private static string ToUnicode(PdfGlyphEncoder encoder)
    {
        var cmap = new StringBuilder();
        cmap.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
            .Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
            .Append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
            .Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        var ranges = Enumerable.Range(0, 256).Where(high => high is < 0xD8 or > 0xDF).Select(high => $"<{high:X2}00> <{high:X2}FF> <{high:X2}00>").ToArray();
        Sections(cmap, "bfrange", ranges);
        var pairs = encoder.Supplementary.Select(s =>
        {
            Span<char> units = stackalloc char[2];
            s.Rune.EncodeToUtf16(units);
            return $"<{s.Cid:X4}> <{(int)units[0]:X4}{(int)units[1]:X4}>";
        }).ToArray();
        Sections(cmap, "bfchar", pairs);
        cmap.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return cmap.ToString();
    }

    private static void Sections(StringBuilder cmap, string kind, string[] entries)
    {
        foreach (var chunk in entries.Chunk(100))
        {
            cmap.Append(chunk.Length).Append(" begin").Append(kind).Append('\n');
            foreach (var entry in chunk)
                cmap.Append(entry).Append('\n');
            cmap.Append("end").Append(kind).Append('\n');
        }
    }

    private void Object(int number, string body)
    {
        Begin(number);
        Ascii(body);
        Ascii("\nendobj\n");
    }

    /// <summary>A stream object, Flate-compressed; <paramref name="entries"/> are extra dictionary entries.</summary>
    private void Stream(int number, string entries, byte[] data)
    {
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(data);
        Begin(number);
        Ascii($"<< /Length {compressed.Length} /Filter /FlateDecode{(entries.Length > 0 ? " " + entries : string.Empty)} >>\nstream\n");
        compressed.Position = 0;
        compressed.CopyTo(_file);
        Ascii("\nendstream\nendobj\n");
    }

    private void Begin(int number)
    {
        if (number != _offsets.Count + 1)
            throw new InvalidOperationException($"object {number} written out of order (expected {_offsets.Count + 1})");
        _offsets.Add(_file.Position);
        Ascii($"{number} 0 obj\n");
    }

    /// <summary>
    /// The cross-reference table (entries of exactly 20 bytes), then the trailer. The file identifier, which PDF 2.0
    /// requires, is a hash of the file's body, so it is stable for equal content.
    /// </summary>
    private byte[] Finish(int root, int info)
    {
        var id = Convert.ToHexString(SHA256.HashData(_file.ToArray().AsSpan()), 0, 16);
        var xref = _file.Position;
        var table = new StringBuilder();
        table.Append("xref\n0 ").Append(_offsets.Count + 1).Append('\n').Append("0000000000 65535 f \n");
        foreach (var offset in _offsets)
            table.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        table.Append("trailer\n<< /Size ").Append(_offsets.Count + 1).Append(" /Root ").Append(root).Append(" 0 R /Info ").Append(info)
            .Append(" 0 R /ID [<").Append(id).Append("> <").Append(id).Append(">] >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        Ascii(table.ToString());
        return _file.ToArray();
    }

    private void Ascii(string text) => _file.Write(Encoding.ASCII.GetBytes(text));
}
