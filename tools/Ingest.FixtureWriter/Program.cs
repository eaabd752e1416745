using Ingest.FixtureWriter;
using Ingest.Generator.Forms;
using Ingest.Pipeline;

// Writes DOCX, XLSX (Excel grid paper) and HTML (for a browser's print-to-PDF) forms of every text document in seeds/ and corpus/extraction/,
// from the records the pipeline extracts from them. tools/fixtures/make-fixtures.sh turns them into PDF.
// Usage: Ingest.FixtureWriter <repository root> <output folder>
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Ingest.FixtureWriter <repository root> <output folder>");
    return 2;
}
var root = args[0];
var output = args[1];
Directory.CreateDirectory(output);
var sources = Directory.EnumerateFiles(Path.Combine(root, "seeds"), "*.txt")
    .Concat(Directory.EnumerateFiles(Path.Combine(root, "corpus", "extraction")).Where(f => f.EndsWith(".txt") || f.EndsWith(".md")))
    .Order(StringComparer.Ordinal)
    .ToArray();
var failures = 0;
foreach (var source in sources)
{
    var extraction = IngestPipeline.Default.ExtractFile(source);
    if (!extraction.Succeeded || extraction.Submissions.Count == 0)
    {
        Console.Error.WriteLine($"{source}: {extraction.Error ?? "no submission"}");
        failures++;
        continue;
    }
    var stem = FixtureNames.Stem(source);
    var blocks = FixtureLayout.Blocks(extraction.Submissions);
    // Running header and page-number footer give the PDF page furniture to separate.
    var header = extraction.Submissions[0].Council is { } council ? $"{council} 資料" : null;
    DocxFixtureWriter.Write(Path.Combine(output, stem + ".docx"), blocks, header);
    HtmlFixtureWriter.Write(Path.Combine(output, stem + ".chromium.html"), blocks);
    // Browser PDFs in both page sizes and two margins (lines wrap, pages break and covers fall differently), in the IPAex
    // fonts whose radical mappings show up in the PDF's text; half of them with the cover on a page of its own.
    foreach (var (name, page, coverAlone) in ChromiumVariants.All)
        HtmlFixtureWriter.Write(Path.Combine(output, $"{stem}.{name}.html"), coverAlone ? FixtureLayout.Blocks(extraction.Submissions, coverPageAlone: true) : blocks, page);
    // Sheets on landscape pages, in each of the ways a PDF shows them: /Rotate 90, content turned on a portrait page, a wide media box.
    var landscape = FixtureLayout.Blocks(extraction.Submissions, landscapeSheets: true);
    // An Excel grid-paper workbook: the cover on one worksheet, each 別紙 on its own (split where the landscape pages are).
    XlsxFixtureWriter.Write(Path.Combine(output, stem + ".xlsx"), landscape, header);
    PdfFixtureWriter.Write(Path.Combine(output, stem + ".landscape-rotate90.pdf"), landscape, LandscapePages.Rotate);
    PdfFixtureWriter.Write(Path.Combine(output, stem + ".landscape-sideways.pdf"), landscape, LandscapePages.Sideways);
    PdfFixtureWriter.Write(Path.Combine(output, stem + ".landscape-mediabox.pdf"), landscape, LandscapePages.MediaBox);
    Console.WriteLine($"{stem}: {extraction.Submissions.Count} submission(s), {extraction.Submissions.Sum(s => s.Sheets.Count)} sheet(s)");
}
return failures == 0 ? 0 : 1;

namespace Ingest.FixtureWriter
{
    /// <summary>The page setups of the Chromium fixtures beside the first one (<c>.chromium.pdf</c>: A4, 18 mm, IPA Gothic).</summary>
    public static class ChromiumVariants
    {
        public static readonly (string Name, HtmlPageSetup Page, bool CoverAlone)[] All =
        [
            ("chromium-a4-10mm", new HtmlPageSetup("A4", 10, "IPAexGothic"), true),
            ("chromium-a4-25mm", new HtmlPageSetup("A4", 25, "IPAexMincho"), false),
            ("chromium-letter-10mm", new HtmlPageSetup("letter", 10, "IPAexMincho"), false),
            ("chromium-letter-25mm", new HtmlPageSetup("letter", 25, "IPAexGothic"), true),
        ];
    }

    /// <summary>Fixture file names: the source's name without its encoding tag and extension (kokuho_gaibu_ketsugo.sjis.txt → kokuho_gaibu_ketsugo).</summary>
    public static class FixtureNames
    {
        public static string Stem(string path)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            foreach (var tag in new[] { ".sjis", ".eucjp", ".utf8", ".utf16" })
            {
                if (name.EndsWith(tag, StringComparison.OrdinalIgnoreCase))
                    name = name[..^tag.Length];
            }
            return name;
        }
    }
}
