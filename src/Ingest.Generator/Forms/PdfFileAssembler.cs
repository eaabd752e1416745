using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Ingest.Generator.Forms.Fonts;

namespace Ingest.Generator.Forms;

/// <summary>
/// Writes a PDF file around finished page contents, following the file structure of ISO 32000-1 §7.5: header, numbered
/// indirect objects, a cross-reference table of byte offsets, and a trailer. The fonts are two Type 0 fonts (regular and
/// bold) with <c>Identity-H</c> encoding over one embedded subset of IPAex Gothic (<see cref="TrueTypeSubsetter"/>: CID =
/// glyph), widths from the font, and a <c>/ToUnicode</c> CMap so the text can be extracted; viewers draw the real
/// glyphs. No dates and no random identifiers (the subset tag is a hash of the letters): the same pages give the same bytes.
/// </summary>
internal sealed class PdfFileAssembler
{
    /// <summary>Resource name of the regular font.</summary>
    public const string Regular = "F1";

    /// <summary>Resource name of the bold font (the same glyphs; <see cref="PdfContentBuilder"/> strokes them as well).</summary>
    public const string Bold = "F2";

    /// <summary>Objects before the pages: catalog, page tree, information, resources, two fonts of three objects each, the CMap, the font program.</summary>
    private const int FirstPageObject = 13;

    private readonly MemoryStream _file = new();
    private readonly List<long> _offsets = [];

    private PdfFileAssembler()
    {
        Ascii("%PDF-1.7\n");
        // A comment of bytes above 127 tells transfer programs the file is binary (ISO 32000-1 §7.5.2).
        _file.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
    }

    /// <summary>The file for pages of <paramref name="width"/> × <paramref name="height"/> points with the given content streams.</summary>
    public static byte[] Assemble(IReadOnlyList<(byte[] Content, bool Landscape)> pages, PdfGlyphEncoder encoder, double width, double height, LandscapePages landscape)
    {
        var pdf = new PdfFileAssembler();
        var kids = string.Join(' ', pages.Select((_, i) => $"{FirstPageObject + 2 * i} 0 R"));
        var subset = TrueTypeSubsetter.Subset(IpaexGothic.Font, encoder.Letters);
        var name = $"{SubsetTag(encoder.Letters)}+{IpaexGothic.PostScriptName}";
        pdf.Object(1, "<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Object(2, $"<< /Type /Pages /Kids [{kids}] /Count {pages.Count} >>");
        pdf.Object(3, "<< /Producer (Ingest.Generator) >>");
        pdf.Object(4, $"<< /Font << /{Regular} 5 0 R /{Bold} 8 0 R >> /ProcSet [/PDF /Text] >>");
        pdf.Font(5, name, encoder, bold: false);
        pdf.Font(8, name + ",Bold", encoder, bold: true);
        pdf.Stream(11, string.Empty, Encoding.ASCII.GetBytes(ToUnicode(encoder)));
        pdf.Stream(12, $"/Length1 {subset.Length}", subset);
        var portrait = $"[0 0 {PdfContentBuilder.Number(width)} {PdfContentBuilder.Number(height)}]";
        for (var i = 0; i < pages.Count; i++)
        {
            var number = FirstPageObject + 2 * i;
            var (content, across) = pages[i];
            var (mediaBox, rotate, turn) = !across ? (portrait, string.Empty, null)
                : landscape switch
                {
                    // The landscape content's (x, y) is drawn at (width − y, x): a quarter turn left, which /Rotate 90 undoes.
                    LandscapePages.Rotate => (portrait, " /Rotate 90", $"0 1 -1 0 {PdfContentBuilder.Number(width)} 0 cm"),
                    // ... or at (y, height − x): a quarter turn right, left for the reader to undo.
                    LandscapePages.Sideways => (portrait, string.Empty, $"0 -1 1 0 0 {PdfContentBuilder.Number(height)} cm"),
                    _ => ($"[0 0 {PdfContentBuilder.Number(height)} {PdfContentBuilder.Number(width)}]", string.Empty, (string?)null),
                };
            if (turn is not null)
                content = [.. Encoding.ASCII.GetBytes($"q {turn}\n"), .. content, .. "Q\n"u8];
            pdf.Object(number, $"<< /Type /Page /Parent 2 0 R /MediaBox {mediaBox}{rotate} /Resources 4 0 R /Contents {number + 1} 0 R >>");
            pdf.Stream(number + 1, string.Empty, content);
        }
        return pdf.Finish(root: 1, info: 3);
    }

    /// <summary>
    /// A Type 0 font at <paramref name="number"/>, its CIDFontType2 descendant at the next number and the descendant's
    /// descriptor after it, whose font program is the embedded subset (object 12). <c>/DW</c> is full width and
    /// <c>/W</c> lists every CID's advance from the font.
    /// </summary>
    private void Font(int number, string name, PdfGlyphEncoder encoder, bool bold)
    {
        var widths = string.Join(' ', encoder.Letters.Select(c => PdfTextMetrics.Advance(new Rune(c))));
        var font = IpaexGothic.Font;
        int Scale(int units) => (int)Math.Round(units * 1000.0 / font.UnitsPerEm);
        var head = font.TableBytes("head").ToArray();
        var hhea = font.TableBytes("hhea").ToArray();
        var box = string.Join(' ', new[] { 36, 38, 40, 42 }.Select(o => Scale(System.Buffers.Binary.BinaryPrimitives.ReadInt16BigEndian(head.AsSpan(o)))));
        var ascent = Scale(System.Buffers.Binary.BinaryPrimitives.ReadInt16BigEndian(hhea.AsSpan(4)));
        var descent = Scale(System.Buffers.Binary.BinaryPrimitives.ReadInt16BigEndian(hhea.AsSpan(6)));
        Object(number, $"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H /DescendantFonts [{number + 1} 0 R] /ToUnicode 11 0 R >>");
        Object(number + 1, $"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                           + $"/FontDescriptor {number + 2} 0 R /DW {PdfTextMetrics.FullWidth} /W [1 [{widths}]] /CIDToGIDMap /Identity >>");
        // Flags: 4 = symbolic (glyphs outside the standard Latin set).
        Object(number + 2, $"<< /Type /FontDescriptor /FontName /{name} /Flags 4 /FontBBox [{box}] /ItalicAngle 0 "
                           + $"/Ascent {ascent} /Descent {descent} /CapHeight {ascent} /StemV {(bold ? 136 : 80)} /FontWeight {(bold ? 700 : 400)} /FontFile2 12 0 R >>");
    }

    /// <summary>The six capital letters that tag a subset font's name (ISO 32000-1 §9.6.4), from a hash of its letters.</summary>
    private static string SubsetTag(IReadOnlyList<int> letters)
    {
        var bytes = new byte[4 * letters.Count];
        for (var i = 0; i < letters.Count; i++)
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 * i), letters[i]);
        var hash = SHA256.HashData(bytes);
        return new string(hash.Take(6).Select(b => (char)('A' + b % 26)).ToArray());
    }

    /// <summary>
    /// The <c>/ToUnicode</c> CMap (Adobe technical note 5411): one <c>bfchar</c> per CID naming its letter in UTF-16,
    /// at most 100 entries per section, as the CMap format requires.
    /// </summary>
    private static string ToUnicode(PdfGlyphEncoder encoder)
    {
        var cmap = new StringBuilder();
        cmap.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
            .Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
            .Append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
            .Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        var pairs = encoder.Letters.Select((letter, i) =>
        {
            var utf16 = string.Concat(char.ConvertFromUtf32(letter).Select(u => ((int)u).ToString("X4", CultureInfo.InvariantCulture)));
            return $"<{i + 1:X4}> <{utf16}>";
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
