using System.Text;

namespace Ingest.HostileFiles;

/// <summary>
/// The hostile files found by hand before the fuzzer ran, rebuilt from their description so the corpus holds no opaque
/// blobs: text with a byte-order mark that lies, input that made scanning quadratic or exponential, Word parts nested
/// too deep or too long, PDFs whose form XObjects draw each other, whose ToUnicode map spans four billion codes, or whose
/// content inflates to gigabytes. Every case is deterministic (fixed seeds), so the same bytes come out each time.
/// </summary>
public static class HostileCases
{
    private static readonly Encoding Utf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
    private static readonly Encoding Utf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false);

    /// <summary>A few lines that look like the start of a submission, so a reader that accepts the file has text to work on.</summary>
    private const string Opening = "資料1\n件名\t住民基本台帳事務の外部結合について\n担当課\t区民課\n";

    public static IReadOnlyList<HostileCase> All { get; } =
    [
        new("text-utf8-bom-then-ff.txt", "UTF-8 byte-order mark followed by FF, which is never UTF-8",
            () => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Opening), 0xFF, .. "\n"u8], "byte-order mark"),
        new("text-utf16le-bom-odd-length.txt", "UTF-16LE byte-order mark with an odd number of bytes",
            () => [0xFF, 0xFE, .. Utf16Le.GetBytes(Opening), 0x41], "byte-order mark"),
        new("text-utf16le-bom-lone-surrogate.txt", "UTF-16LE byte-order mark, then a high surrogate with no low one",
            () => [0xFF, 0xFE, .. Utf16Le.GetBytes(Opening), 0x00, 0xD8, .. Utf16Le.GetBytes("x\n")], "byte-order mark"),
        new("text-utf16be-bom-lone-surrogate.txt", "UTF-16BE byte-order mark, then a low surrogate with no high one",
            () => [0xFE, 0xFF, .. Utf16Be.GetBytes(Opening), 0xDC, 0x00, .. Utf16Be.GetBytes("x\n")], "byte-order mark"),
        new("text-separator-backtracking.txt", "'---', 40 tabs and 'x': exponential in a backtracking separator-row regex",
            () => Encoding.ASCII.GetBytes("---" + new string('\t', 40) + "x\n")),
        new("text-separator-lines.txt", "many near-separator lines (dashes, pipes, colons and tabs that never end well)",
            () => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 2_000).Select(i => "|" + string.Concat(Enumerable.Repeat(" :-- |\t--", 1 + i % 7)) + "\t- x\n")))),
        new("text-ampersands.txt", "one line of a million '&': quadratic when every '&' looks for its ';'",
            () => Encoding.ASCII.GetBytes(new string('&', 1_000_000))),
        new("text-open-angles.txt", "one line of '<a' repeated: quadratic when every '<' looks for its '>'",
            () => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<a", 500_000)))),
        new("text-markdown-table-200k-rows.md", "a markdown table of 200,000 rows (quadratic when each row was matched by a backtracking regex)",
            () => Encoding.UTF8.GetBytes("| 項目 | 内容 |\n|---|---|\n" + string.Concat(Enumerable.Range(0, 200_000).Select(i => $"| 件名{i % 10} | 値 |\n")))),
        new("text-tab-rows-200k.txt", "200,000 tab-separated label rows",
            () => Encoding.UTF8.GetBytes(Opening + string.Concat(Enumerable.Range(0, 200_000).Select(i => $"提供先\t株式会社{i % 10}\n")))),
        new("docx-nested-elements-100k.docx", "word/document.xml nesting 100,000 elements (stack overflow in a recursive XML loader)",
            () => MinimalDocx.WithDocumentPart(Encoding.UTF8.GetBytes(
                $"""<?xml version="1.0" encoding="UTF-8"?><document xmlns="{MinimalDocx.WordNamespace}"><body>""" +
                Repeat("<p>", 100_000) + Repeat("</p>", 100_000) + "</body></document>")), "nested deeper"),
        new("docx-nested-tables-10k.docx", "tables nested 10,000 deep",
            () => MinimalDocx.WithDocumentPart(Encoding.UTF8.GetBytes(
                $"""<?xml version="1.0" encoding="UTF-8"?><document xmlns="{MinimalDocx.WordNamespace}"><body>""" +
                Repeat("<tbl><tr><tc>", 10_000) + "<p><r><t>x</t></r></p>" + Repeat("</tc></tr></tbl>", 10_000) + "</body></document>")), "nested deeper"),
        new("docx-nested-tables-60.docx", "tables nested 60 deep, within the depth limit, each cell with text",
            () => MinimalDocx.WithBody(Repeat("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>件名</w:t></w:r></w:p>", 60) + "<w:p/>" + Repeat("</w:tc></w:tr></w:tbl>", 60))),
        new("docx-long-run.docx", "one run of 20 million characters",
            () => MinimalDocx.WithBody($"<w:p><w:r><w:t>{RepeatedNoise(20_000_000)}</w:t></w:r></w:p>"), "characters"),
        new("docx-many-runs.docx", "1.2 million one-letter runs in one paragraph",
            () => MinimalDocx.WithBody("<w:p>" + RunsOfNoise(1_200_000) + "</w:p>"), "runs"),
        new("pdf-form-xobject-cycle.pdf", "form XObject A draws B and B draws A (unbounded recursion)",
            () => FormCycle(), "form XObject"),
        new("pdf-form-xobject-self.pdf", "a form XObject that draws itself",
            () => FormChain(1, closeLoop: true), "form XObject"),
        new("pdf-form-xobject-chain-5000.pdf", "5,000 form XObjects each drawing the next (deep, not cyclic)",
            () => FormChain(5_000, closeLoop: false), "form XObject"),
        new("pdf-form-xobject-doubling-tree.pdf", "30 levels of form XObjects, each drawing the next level twice (2^30 draws)",
            () => FormTree(30), "form XObject"),
        new("pdf-tounicode-4-byte-range.pdf", "a ToUnicode CMap range <00000000>-<FFFFFFFF> (four billion mappings)",
            () => ToUnicodeRange("<00000000> <FFFFFFFF> <0000>", "<00000000> <FFFFFFFF>", deflate: false), "ToUnicode"),
        new("pdf-tounicode-range-deflated.pdf", "the same four-billion-code range in a deflated ToUnicode stream",
            () => ToUnicodeRange("<00000000> <FFFFFFFF> <0000>", "<00000000> <FFFFFFFF>", deflate: true), "ToUnicode"),
        new("pdf-content-inflates-1.5g.pdf", "a 1.6 MB content stream that inflates to 1.5 GB of spaces",
            () => InflatingContent(twice: false), "inflate"),
        new("pdf-content-double-deflate.pdf", "a content stream deflated twice ([/FlateDecode /FlateDecode]) that inflates to 1.5 GB",
            () => InflatingContent(twice: true), "inflate"),
    ];

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    /// <summary>
    /// Letters from a fixed 24 KiB random block, repeated: deflate finds the repeats (its window is 32 KiB), so the part
    /// stays under the zip-bomb ratio while inflating to millions of characters.
    /// </summary>
    private static string RepeatedNoise(int length)
    {
        var random = new Random(12);
        var block = new char[24 * 1024];
        for (var i = 0; i < block.Length; i++)
            block[i] = (char)('a' + random.Next(26));
        var text = new StringBuilder(length);
        while (text.Length < length)
            text.Append(block, 0, Math.Min(block.Length, length - text.Length));
        return text.ToString();
    }

    /// <summary>Runs of one letter each, the letters from <see cref="RepeatedNoise"/> so the part passes the zip-bomb ratio.</summary>
    private static string RunsOfNoise(int count)
    {
        var letters = RepeatedNoise(count);
        var runs = new StringBuilder(count * 24);
        foreach (var letter in letters)
            runs.Append("<w:r><w:t>").Append(letter).Append("</w:t></w:r>");
        return runs.ToString();
    }

    private const string PageText = "BT /F1 12 Tf 72 720 Td (Hostile) Tj ET\n";

    private static int Catalog(MinimalPdf pdf)
    {
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        return pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    }

    /// <summary>Page 3 draws /X0 from its resources; objects 5 and on are the forms.</summary>
    private static byte[] FormCycle()
    {
        var pdf = new MinimalPdf();
        Catalog(pdf);
        pdf.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /X0 5 0 R >> /Font << /F1 7 0 R >> >> >>");
        pdf.AddStream("", Encoding.ASCII.GetBytes(PageText + "/X0 Do\n"));
        pdf.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /B 6 0 R >> >>", "/B Do\n"u8.ToArray());
        pdf.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /A 5 0 R >> >>", "/A Do\n"u8.ToArray());
        pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        return pdf.Build();
    }

    /// <summary>Forms 6, 7, … each drawing the next; with <paramref name="closeLoop"/> the last draws the first.</summary>
    private static byte[] FormChain(int count, bool closeLoop)
    {
        var pdf = new MinimalPdf();
        Catalog(pdf);
        pdf.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /X0 6 0 R >> /Font << /F1 5 0 R >> >> >>");
        pdf.AddStream("", Encoding.ASCII.GetBytes(PageText + "/X0 Do\n"));
        pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        for (var i = 0; i < count; i++)
        {
            var next = i + 1 < count ? 6 + i + 1 : closeLoop ? 6 : 0;
            var resources = next == 0 ? "" : $"/Resources << /XObject << /N {next} 0 R >> >>";
            pdf.AddStream($"/Type /XObject /Subtype /Form /BBox [0 0 595 842] {resources}", next == 0 ? "0 0 m 1 1 l S\n"u8.ToArray() : "/N Do\n"u8.ToArray());
        }
        return pdf.Build();
    }

    /// <summary>Forms 6, 7, … each drawing the next twice, by two names.</summary>
    private static byte[] FormTree(int levels)
    {
        var pdf = new MinimalPdf();
        Catalog(pdf);
        pdf.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /X0 6 0 R >> /Font << /F1 5 0 R >> >> >>");
        pdf.AddStream("", Encoding.ASCII.GetBytes(PageText + "/X0 Do\n"));
        pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        for (var i = 0; i < levels; i++)
        {
            var last = i + 1 == levels;
            var resources = last ? "" : $"/Resources << /XObject << /L {7 + i} 0 R /R {7 + i} 0 R >> >>";
            pdf.AddStream($"/Type /XObject /Subtype /Form /BBox [0 0 595 842] {resources}", last ? "0 0 m 1 1 l S\n"u8.ToArray() : "/L Do /R Do\n"u8.ToArray());
        }
        return pdf.Build();
    }

    private static byte[] ToUnicodeRange(string range, string codeSpace, bool deflate)
    {
        var cmap = $"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Hostile def\n/CMapType 2 def\n" +
                   $"1 begincodespacerange\n{codeSpace}\nendcodespacerange\n1 beginbfrange\n{range}\nendbfrange\n" +
                   "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
        var pdf = new MinimalPdf();
        Catalog(pdf);
        pdf.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>");
        pdf.AddStream("", Encoding.ASCII.GetBytes(PageText));
        // A composite font (Identity-H, as Japanese PDFs use) makes the reader load the map with the font.
        pdf.Add("<< /Type /Font /Subtype /Type0 /BaseFont /HostileMincho /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 6 0 R >>");
        pdf.AddStream(deflate ? "/Filter /FlateDecode" : "", deflate ? MinimalPdf.Deflate(Encoding.ASCII.GetBytes(cmap)) : Encoding.ASCII.GetBytes(cmap));
        pdf.Add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /HostileMincho /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 >>");
        pdf.Add("<< /Type /FontDescriptor /FontName /HostileMincho /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>");
        return pdf.Build();
    }

    /// <summary>1.5 GB of spaces deflated (seconds of work), shared by the two inflation cases.</summary>
    private static readonly Lazy<byte[]> DeflatedSpaces = new(() => MinimalPdf.Deflate((byte)' ', 1_500L * 1000 * 1000));

    private static byte[] InflatingContent(bool twice)
    {
        var once = DeflatedSpaces.Value;
        var pdf = new MinimalPdf();
        Catalog(pdf);
        pdf.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [4 0 R 5 0 R] /Resources << /Font << /F1 6 0 R >> >> >>");
        pdf.AddStream("", Encoding.ASCII.GetBytes(PageText));
        pdf.AddStream(twice ? "/Filter [/FlateDecode /FlateDecode]" : "/Filter /FlateDecode", twice ? MinimalPdf.Deflate(once) : once);
        pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        return pdf.Build();
    }
}
