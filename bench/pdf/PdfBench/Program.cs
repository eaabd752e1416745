using System.Diagnostics;
using Ingest.Core.Layout;
using Ingest.Readers.Pdf;
using UglyToad.PdfPig;

// Reads every PDF in a folder with PdfDocumentReader, ITERATIONS times after WARMUPS untimed passes, and prints pages
// per second, tables found and the process's peak working set; timed passes alternate with PdfPig alone on the same
// files (every page's letters, paths and images, what the layout analysis starts from), and layout_share is the part
// of the reader's time that PdfPig's parsing does not account for (our layout analysis).
// bench/pdf/run.sh runs it beside pdftotext.
// Usage: PdfBench <folder> [iterations] [warmups]
var folder = args[0];
var iterations = args.Length > 1 ? int.Parse(args[1]) : 10;
var warmups = args.Length > 2 ? int.Parse(args[2]) : 2;
var files = Directory.GetFiles(folder, "*.pdf").Order(StringComparer.Ordinal).Select(f => (Path: f, Bytes: File.ReadAllBytes(f))).ToArray();
var reader = new PdfDocumentReader();

(int Pages, int Tables, int Cells) Pass()
{
    int pages = 0, tables = 0, cells = 0;
    foreach (var (path, bytes) in files)
    {
        var result = reader.Read(bytes, path);
        if (!result.Succeeded)
            throw new InvalidOperationException($"{path}: {result.Error}");
        pages += result.Value!.Pages.Count;
        var found = result.Value.Blocks.OfType<TableBlock>().ToArray();
        tables += found.Length;
        cells += found.Sum(t => t.Rows.Sum(r => r.Cells.Count));
    }
    return (pages, tables, cells);
}

void PdfPigPass()
{
    foreach (var (_, bytes) in files)
    {
        using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        for (var number = 1; number <= document.NumberOfPages; number++)
        {
            var page = document.GetPage(number);
            _ = page.Letters.Count + page.Paths.Count + page.NumberOfImages;
        }
    }
}

var cold = Stopwatch.StartNew();
var counts = Pass();
cold.Stop();
for (var i = 1; i < warmups; i++)
    Pass();
for (var i = 0; i < warmups; i++)
    PdfPigPass();
// Timed passes alternate between the two, so load and JIT tiering fall on both alike.
var timer = new Stopwatch();
var pig = new Stopwatch();
for (var i = 0; i < iterations; i++)
{
    timer.Start();
    Pass();
    timer.Stop();
    pig.Start();
    PdfPigPass();
    pig.Stop();
}
var pagesPerSecond = counts.Pages * iterations / timer.Elapsed.TotalSeconds;
Console.WriteLine($"files={files.Length} pages={counts.Pages} tables={counts.Tables} cells={counts.Cells}");
Console.WriteLine($"first_pass_s={cold.Elapsed.TotalSeconds:F3}");
Console.WriteLine($"steady_pages_per_s={pagesPerSecond:F1}");
Console.WriteLine($"pdfpig_only_pages_per_s={counts.Pages * iterations / pig.Elapsed.TotalSeconds:F1}");
Console.WriteLine($"layout_share={1 - pig.Elapsed.TotalSeconds / timer.Elapsed.TotalSeconds:P0}");
Console.WriteLine($"peak_working_set_mb={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F1}");
