using System.IO.Compression;
using System.Text;
using Ingest.HostileFiles;

namespace Ingest.Fuzz;

/// <summary>
/// Small, well-formed starting inputs per target (a fuzzer mutates them; small seeds mutate fastest): the label/value
/// shapes the extractor looks for, as tab rows, a markdown table and HTML; a PDF with a ruled table, a composite font with
/// a ToUnicode map and a form XObject; a Word table (merged cells, a content control, bold and underline) as a package and as
/// its document part alone; a zip with a text file, a folder and a nested zip.
/// </summary>
public static class Seeds
{
    private const string Submission = "資料1\n区民課付議事項\n件名\t住民基本台帳の外部結合について\n担当課\t区民部区民課\n";

    public static IReadOnlyList<(string Target, string Name, byte[] Bytes)> All() =>
    [
        ("text", "tab-rows.txt", Encoding.UTF8.GetBytes(Submission + "結合先\t株式会社サンプル、J-LIS\n結合期間\t令和6年4月1日から次年度以降も同様\n")),
        ("text", "markdown.md", Encoding.UTF8.GetBytes("# 付議事項\n\n| 項目 | 内容 |\n|---|:--:|\n| 件名 | **住民票**の写しの<u>交付</u> |\n| 委託先 | (株)例 &amp; 事業者 |\n")),
        ("text", "html.txt", Encoding.UTF8.GetBytes("<p>資料2</p><ul><li>件名：税務システムの委託</li><li>期間：R6.4.1～</li></ul>\n")),
        ("text", "shift-jis.txt", Encoding.GetEncoding(932).GetBytes(Submission)),
        ("text", "utf16-bom.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Submission)]),
        ("pdf", "table.pdf", TablePdf()),
        ("pdf", "form-and-cmap.pdf", FormAndCMapPdf()),
        ("docx-xml", "document.xml", Encoding.UTF8.GetBytes(
            $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{MinimalDocx.WordNamespace}"><w:body>{TableBody}</w:body></w:document>""")),
        ("docx", "table.docx", MinimalDocx.WithBody(TableBody)),
        ("xlsx-sheet", "sheet1.xml", Encoding.UTF8.GetBytes(
            $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MinimalXlsx.SpreadsheetNamespace}">{GridPaperSheet}</worksheet>""")),
        ("xlsx", "grid-paper.xlsx", MinimalXlsx.WithSheetData(GridPaperSheet)),
        ("zip", "folder.zip", Zip(("令和6年度/第5回/資料1.txt", Encoding.UTF8.GetBytes(Submission)), ("inner.zip", Zip(("a.md", "# x\n"u8.ToArray()))), ("readme.bin", [1, 2, 3]))),
    ];

    /// <summary>
    /// A grid-paper form: a heading outside the borders, label/value merges, a label merged down two rows, a rich-text
    /// change, an era date, an inline string, a hidden row and a hidden column.
    /// </summary>
    private const string GridPaperSheet =
            "<cols><col min=\"5\" max=\"5\" hidden=\"1\" width=\"3\"/></cols><sheetData>" +
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>付議事項</t></is></c></row>" +
            "<row r=\"2\"><c r=\"A2\" s=\"1\" t=\"s\"><v>0</v></c><c r=\"B2\" s=\"1\"/><c r=\"C2\" s=\"1\" t=\"inlineStr\"><is><t>外部結合</t></is></c><c r=\"D2\" s=\"1\"/><c r=\"E2\" t=\"inlineStr\"><is><t>隠れた列</t></is></c></row>" +
            "<row r=\"3\"><c r=\"A3\" s=\"1\" t=\"s\"><v>2</v></c><c r=\"B3\" s=\"1\"/><c r=\"C3\" s=\"2\" t=\"s\"><v>1</v></c><c r=\"D3\" s=\"1\"/></row>" +
            "<row r=\"4\" hidden=\"1\"><c r=\"C4\" s=\"1\" t=\"inlineStr\"><is><t>隠れた行</t></is></c></row>" +
            "<row r=\"5\"><c r=\"A5\" s=\"1\"/><c r=\"B5\" s=\"1\"/><c r=\"C5\" s=\"3\"><v>45383</v></c><c r=\"D5\" s=\"1\"/></row>" +
            "</sheetData><mergeCells count=\"4\"><mergeCell ref=\"A2:B2\"/><mergeCell ref=\"C2:D2\"/><mergeCell ref=\"A3:B5\"/><mergeCell ref=\"C3:D3\"/></mergeCells>";

    private const string TableBody =
            "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>付議事項</w:t></w:r></w:p><w:tbl>" +
            "<w:tr><w:tc><w:p><w:r><w:t>件名</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>住民基本台帳の外部結合</w:t></w:r></w:p></w:tc></w:tr>" +
            "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>担当課</w:t></w:r></w:p></w:tc><w:tc><w:sdt><w:sdtContent><w:p><w:r><w:t>区民課</w:t></w:r></w:p></w:sdtContent></w:sdt></w:tc></w:tr>" +
            "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:rPr><w:b/><w:u w:val=\"single\"/></w:rPr><w:t>太字</w:t></w:r><w:r><w:tab/><w:t xml:space=\"preserve\"> 変更</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";

    static Seeds() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static int Catalog(MinimalPdf pdf)
    {
        pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        return pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    }

    private static byte[] TablePdf()
    {
        var pdf = new MinimalPdf();
        Catalog(pdf);
        pdf.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>");
        pdf.AddStream("/Filter /FlateDecode", MinimalPdf.Deflate(Encoding.ASCII.GetBytes(
            "0.5 w 50 700 m 500 700 l 50 680 m 500 680 l 50 660 m 500 660 l 50 700 m 50 660 l 150 700 m 150 660 l 500 700 m 500 660 l S\n" +
            "BT /F1 10 Tf 55 686 Td (Section) Tj 100 0 Td (Division 1) Tj ET\nBT /F1 10 Tf 55 666 Td (Partner) Tj 100 0 Td (Agency) Tj ET\n" +
            "BT /F1 9 Tf 295 30 Td (1) Tj ET\n")));
        pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>");
        return pdf.Build();
    }

    private static byte[] FormAndCMapPdf()
    {
        const string cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /S def /CMapType 2 def\n" +
                            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n2 beginbfrange <0001> <0003> <4EF6> <0010> <0011> [<540D> <8AB2>] endbfrange\n" +
                            "1 beginbfchar <0020> <0020> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end\n";
        var pdf = new MinimalPdf();
        Catalog(pdf);
        pdf.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Fm 9 0 R >> >> >>");
        pdf.AddStream("", "BT /F1 12 Tf 72 760 Td <000100020003> Tj ET q 1 0 0 1 0 -40 cm /Fm Do Q\n"u8.ToArray());
        pdf.Add("<< /Type /Font /Subtype /Type0 /BaseFont /SeedMincho /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 6 0 R >>");
        pdf.AddStream("/Filter /FlateDecode", MinimalPdf.Deflate(Encoding.ASCII.GetBytes(cmap)));
        pdf.Add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SeedMincho /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 >>");
        pdf.Add("<< /Type /FontDescriptor /FontName /SeedMincho /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>");
        pdf.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>", "BT /F1 12 Tf 72 700 Td <00100011> Tj ET\n"u8.ToArray());
        return pdf.Build();
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }
        return stream.ToArray();
    }
}
