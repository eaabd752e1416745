using System.IO.Compression;
using System.Text;
using Ingest.Core.Layout;
using Ingest.Readers.Docx;
using Ingest.Readers.Pdf;
using Ingest.Readers.Tests.CrossFormat;
using Ingest.Readers.Tests.Pdf;

namespace Ingest.Readers.Tests.Hostile;

/// <summary>
/// Bad input gives a clear per-file reason or is read within its limits; nothing throws. Hostile files are made here at
/// run time rather than committed.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly PdfDocumentReader Pdf = new();
    private static readonly DocxDocumentReader Docx = new();

    private static byte[] Fixture(string name) => File.ReadAllBytes(Fixtures.File(name));

    [Fact]
    public void Encrypted_pdf_asks_for_a_password()
    {
        var result = Pdf.Read(EncryptedPdf(), "locked.pdf");
        Assert.False(result.Succeeded);
        Assert.Equal("encrypted PDF (password required)", result.Error);
    }

    [Fact]
    public void Encrypted_word_document_asks_for_a_password()
    {
        var result = ReaderRegistry.Default.Read(CompoundFile("EncryptedPackage"), "locked.docx");
        Assert.Equal("encrypted Office document (password required)", result.Error);
        Assert.False(Docx.CanRead(CompoundFile("EncryptedPackage"), "locked.docx"));
    }

    [Fact]
    public void Legacy_doc_is_named_as_such()
    {
        var identified = Ingest.Readers.Conversion.ConvertingReader.Identify(CompoundFile("WordDocument"), "old.doc");
        Assert.Equal("Word 97-2003 document", identified.Value!.Name);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.1)]
    [InlineData(0.02)]
    public void Truncated_pdf_is_corrupt(double keep)
    {
        // Without its cross-reference table and trailer (at the end) PdfPig recovers nothing, so no page survives.
        var bytes = Fixture("001_42351d23f429df37.pdf");
        var result = Pdf.Read(bytes.AsMemory(0, (int)(bytes.Length * keep)), "truncated.pdf");
        Assert.False(result.Succeeded);
        Assert.StartsWith("corrupt PDF: ", result.Error);
    }

    [Fact]
    public void Garbage_after_a_pdf_header_is_corrupt_not_a_crash()
    {
        var random = new Random(7);
        var bytes = new byte[20_000];
        random.NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        var result = Pdf.Read(bytes, "garbage.pdf");
        Assert.False(result.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Fact]
    public void Randomly_damaged_pdfs_never_throw()
    {
        var original = Fixture("004_5e943b0c469c4a8c.pdf");
        var random = new Random(11);
        for (var round = 0; round < 12; round++)
        {
            var bytes = (byte[])original.Clone();
            for (var k = 0; k < 40; k++)
                bytes[random.Next(64, bytes.Length)] = (byte)random.Next(256);
            var result = Pdf.Read(bytes, $"damaged{round}.pdf");
            Assert.True(result.Succeeded || !string.IsNullOrWhiteSpace(result.Error));
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Truncated_docx_is_corrupt(double keep)
    {
        var bytes = Fixture("001_42351d23f429df37.docx");
        var result = Docx.Read(bytes.AsMemory(0, (int)(bytes.Length * keep)), "truncated.docx");
        Assert.False(result.Succeeded);
        Assert.StartsWith("corrupt DOCX", result.Error);
    }

    [Fact]
    public void Docx_whose_document_part_is_not_xml_is_corrupt()
    {
        var bytes = Zip(("[Content_Types].xml", Encoding.UTF8.GetBytes("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")),
            ("word/document.xml", Encoding.UTF8.GetBytes("this is not xml <<<")));
        var result = Docx.Read(bytes, "broken.docx");
        Assert.False(result.Succeeded);
        Assert.StartsWith("corrupt DOCX", result.Error);
    }

    [Fact]
    public void Zip_bomb_docx_is_refused_while_inflating()
    {
        // 64 MB of zeros compress to about 64 kB: a 1000:1 ratio that the reader stops at after its first megabytes.
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = zip.CreateEntry("[Content_Types].xml").Open())
                types.Write("<Types/>"u8);
            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
                document.Write(zeros);
        }
        var result = Docx.Read(stream.ToArray(), "bomb.docx");
        Assert.False(result.Succeeded);
        Assert.Contains("zip bomb", result.Error);
    }

    [Fact]
    public void Docx_inflating_past_the_total_limit_is_refused()
    {
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 200_000).Select(i => $"<w:t>{i}</w:t>")));
        var bytes = Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", text));
        var result = new DocxDocumentReader(new DocxReaderOptions { MaxDecompressedBytes = 1024 * 1024 }).Read(bytes, "big.docx");
        Assert.StartsWith("DOCX inflates beyond", result.Error);
    }

    [Fact]
    public void Zip_that_is_not_a_word_document_says_so()
    {
        var bytes = Zip(("xl/workbook.xml", "<workbook/>"u8.ToArray()));
        Assert.Equal("not a Word document: a spreadsheet (.xlsx) zip", Docx.Read(bytes, "sheet.docx").Error);
    }

    [Fact]
    public void Extensions_that_lie_are_read_by_content()
    {
        var folder = Directory.CreateTempSubdirectory("ingest-lying-");
        try
        {
            var pdfNamedDocx = Path.Combine(folder.FullName, "really-a-pdf.docx");
            File.Copy(Fixtures.File("004_5e943b0c469c4a8c.pdf"), pdfNamedDocx);
            var docxNamedPdf = Path.Combine(folder.FullName, "really-a-docx.pdf");
            File.Copy(Fixtures.File("004_5e943b0c469c4a8c.docx"), docxNamedPdf);
            var pngNamedPdf = Path.Combine(folder.FullName, "really-a-png.pdf");
            File.WriteAllBytes(pngNamedPdf, PdfBuilder.Png());

            var asPdf = Fixtures.Pipeline.ExtractFile(pdfNamedDocx);
            Assert.Equal(("pdf", true), (asPdf.Format, asPdf.Succeeded));
            var asDocx = Fixtures.Pipeline.ExtractFile(docxNamedPdf);
            Assert.Equal(("docx", true), (asDocx.Format, asDocx.Succeeded));
            Assert.Equal(asPdf.Submissions[0].Title, asDocx.Submissions[0].Title);
            var png = Fixtures.Pipeline.ExtractFile(pngNamedPdf);
            Assert.False(png.Succeeded);
            Assert.Equal("not text and not a supported document format (PDF, Word, Excel, RTF, OpenDocument, 一太郎, scanned TIFF/PNG/JPEG): content starts with bytes 89504E470D0A1A0A", png.Error);
            // A workbook named .pdf, and an Excel 97-2003 workbook named .doc, are read as workbooks.
            var xlsxNamedPdf = Path.Combine(folder.FullName, "really-a-workbook.pdf");
            File.Copy(Fixtures.File("004_5e943b0c469c4a8c.xlsx"), xlsxNamedPdf);
            var asXlsx = Fixtures.Pipeline.ExtractFile(xlsxNamedPdf);
            Assert.Equal(("xlsx", true), (asXlsx.Format, asXlsx.Succeeded));
            Assert.Equal(asPdf.Submissions[0].Title, asXlsx.Submissions[0].Title);
            Assert.Equal("xls", Ingest.Readers.Conversion.ConvertingReader.Identify(File.ReadAllBytes(Fixtures.File("004_5e943b0c469c4a8c.xls")), "really-a-workbook.doc").Value!.Format);
            Assert.Equal($"not a PDF: file starts with bytes 89504E470D0A1A0A", Pdf.Read(PdfBuilder.Png(), "x.pdf").Error);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_500_page_pdf_is_read_page_by_page()
    {
        var bytes = ManyPages(500);
        var result = Pdf.Read(bytes, "packet.pdf");
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(500, result.Value!.Pages.Count);
        // Every page's ruled table and its page number come back, the number as furniture.
        Assert.All(result.Value.Pages, p =>
        {
            Assert.IsType<TableBlock>(Assert.Single(p.Blocks));
            Assert.Contains(p.Furniture, f => f.Text == p.Number.ToString());
        });
    }

    [Fact]
    public void Page_limit_refuses_longer_documents_with_a_reason()
    {
        var result = new PdfDocumentReader(new PdfReaderOptions { MaxPages = 100 }).Read(ManyPages(150), "packet.pdf");
        Assert.Equal("PDF has 150 pages (limit 100)", result.Error);
    }

    [Fact]
    public void Time_limit_stops_between_pages_with_a_reason()
    {
        var clock = new SteppingClock(TimeSpan.FromSeconds(1));
        var options = new PdfReaderOptions { MaxDuration = TimeSpan.FromSeconds(10), Clock = clock };
        var result = new PdfDocumentReader(options).Read(ManyPages(30), "slow.pdf");
        Assert.StartsWith("PDF took longer than 10 s to read (stopped at page", result.Error);
    }

    [Fact]
    public void Byte_limits_refuse_before_parsing()
    {
        var pdf = new PdfDocumentReader(new PdfReaderOptions { MaxBytes = 100 }).Read(new byte[101], "x.pdf");
        Assert.Equal("PDF too large (101 bytes; limit 100)", pdf.Error);
        var docx = new DocxDocumentReader(new DocxReaderOptions { MaxBytes = 100 }).Read(new byte[101], "x.docx");
        Assert.Equal("DOCX too large (101 bytes; limit 100)", docx.Error);
    }

    [Fact]
    public void Empty_files_are_not_pdf_or_docx()
    {
        Assert.Equal("not a PDF: file starts with nothing (empty file)", Pdf.Read(Array.Empty<byte>(), "e.pdf").Error);
        Assert.StartsWith("not a DOCX", Docx.Read(Array.Empty<byte>(), "e.docx").Error);
    }

    /// <summary>Pages with a small ruled table and a page number, as a long meeting packet has.</summary>
    internal static byte[] ManyPages(int count)
    {
        using var pdf = new PdfBuilder();
        for (var n = 1; n <= count; n++)
        {
            var page = pdf.Page();
            PdfBuilder.Grid(page, [50, 150, 500], [700, 680, 660]);
            pdf.Text(page, "Section", 55, 686);
            pdf.Text(page, $"Division {n}", 155, 686);
            pdf.Text(page, "Partner", 55, 666);
            pdf.Text(page, "Agency", 155, 666);
            pdf.Text(page, n.ToString(), 295, 30);
        }
        return pdf.Build();
    }

    /// <summary>
    /// A minimal PDF whose trailer names a standard security handler (RC4, revision 3) with a user password: without the
    /// password no reader can decrypt its strings and streams.
    /// </summary>
    private static byte[] EncryptedPdf()
    {
        var o = new string('7', 64);
        var u = new string('3', 64);
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            $"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -1028 /O <{o}> /U <{u}> >>",
        };
        var text = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(text.ToString()));
            text.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(text.ToString());
        text.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            text.Append($"{offset:D10} 00000 n \n");
        text.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<{new string('a', 32)}> <{new string('a', 32)}>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>The OLE compound-file signature followed by a directory entry name in UTF-16, as Office writes them.</summary>
    private static byte[] CompoundFile(string streamName)
    {
        var bytes = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes(streamName).CopyTo(bytes, 1024);
        return bytes;
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

    /// <summary>A clock that moves a fixed step each time it is read.</summary>
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
    }
}
