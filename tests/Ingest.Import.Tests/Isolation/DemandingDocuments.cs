using System.IO.Compression;
using System.Text;
using Ingest.Generator;
using Ingest.Generator.Forms;

namespace Ingest.Import.Tests.Isolation;

/// <summary>
/// Legitimate documents that demand a lot of a parser — deep nesting, many megabytes, many pages — to drive parser
/// workers past their stack, memory and time budgets with the real readers, whatever their bugs are.
/// </summary>
internal static class DemandingDocuments
{
    /// <summary>
    /// A Word document whose table cells hold tables <paramref name="depth"/> deep (Word nests tables without limit; our
    /// reader follows 32 levels). Its XML is about 3 × depth elements deep: readers recurse on it.
    /// </summary>
    public static void NestedTables(string path, int depth)
    {
        const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        var body = new StringBuilder("<w:p><w:r><w:t>付議事項</w:t></w:r></w:p>");
        for (var level = 1; level <= depth; level++)
            body.Append("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>").Append("件名 ").Append(level).Append("</w:t></w:r></w:p>");
        for (var level = 1; level <= depth; level++)
            body.Append("<w:p/></w:tc></w:tr></w:tbl>");
        body.Append("<w:p/>");
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        Entry(zip, "[Content_Types].xml",
            """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
        Entry(zip, "_rels/.rels",
            """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
        Entry(zip, "word/document.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>""");
    }

    /// <summary>
    /// A text dump of generated submissions, one after another, until it is at least <paramref name="bytes"/> long or has
    /// nearly <see cref="Readers.Text.TextReaderOptions.MaxLines"/> lines (a year's minutes in one file): the text reader
    /// takes it, so only a budget can stop it.
    /// </summary>
    public static void ManySubmissionsText(string path, long bytes, int seed)
    {
        var generator = new SubmissionGenerator(seed);
        var some = Enumerable.Range(0, 50).Select(_ => SubmissionWriter.Write(generator.Next(), TextLayout.TabRows)).ToArray();
        var maxLines = new Readers.Text.TextReaderOptions().MaxLines - 1_000;
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        for (long written = 0, lines = 0, i = 0; written < bytes; i++)
        {
            var text = some[i % some.Length];
            lines += text.Count(c => c == '\n') + 1;
            if (lines > maxLines)
                break;
            writer.Write(text);
            writer.Write('\n');
            written += Encoding.UTF8.GetByteCount(text) + 1;
        }
    }

    /// <summary>
    /// A PDF of <paramref name="pages"/> dense pages (a printed register: 190 lines of 200 letters each, 38,000 letters a
    /// page), all drawing one shared content stream, as PDF allows. Small on disk (about 50 KB), but every page is laid out
    /// letter by letter: about 80 ms a page on a 2-core machine, so 1,500 pages take minutes.
    /// </summary>
    public static void DenseRegisterPdf(string path, int pages)
    {
        var content = new StringBuilder("BT /F1 4 Tf 4.2 TL 20 830 Td\n");
        var line = "(" + string.Concat(Enumerable.Repeat("abcdefghij", 20)) + ") Tj T*\n";
        for (var i = 0; i < 190; i++)
            content.Append(line);
        content.Append("ET");
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Count {pages} /Kids [{string.Join(' ', Enumerable.Range(5, pages).Select(n => $"{n} 0 R"))}] >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
        };
        for (var i = 0; i < pages; i++)
            objects.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>");
        var pdf = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length); // the text is ASCII: characters are bytes
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append("xref\n0 ").Append(objects.Count + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        pdf.Append("trailer\n<< /Size ").Append(objects.Count + 1).Append(" /Root 1 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        File.WriteAllText(path, pdf.ToString(), Encoding.ASCII);
    }

    /// <summary>Ordinary generated submissions, one per file, rotating over text, Word and PDF; returns their paths.</summary>
    public static IReadOnlyList<string> Ordinary(string folder, int count, int seed)
    {
        Directory.CreateDirectory(folder);
        var generator = new SubmissionGenerator(seed);
        var paths = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var generated = generator.Next();
            var path = Path.Combine(folder, $"ordinary-{seed}-{i:D3}." + (i % 3) switch { 0 => "txt", 1 => "docx", _ => "pdf" });
            switch (i % 3)
            {
                case 0:
                    File.WriteAllText(path, SubmissionWriter.Write(generated, TextLayout.TabRows), new UTF8Encoding(false));
                    break;
                case 1:
                    DocxFixtureWriter.Write(path, FixtureLayout.Blocks([generated.Expected]));
                    break;
                default:
                    PdfFixtureWriter.Write(path, FixtureLayout.Blocks([generated.Expected]));
                    break;
            }
            paths.Add(path);
        }
        return paths;
    }

    private static void Entry(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
