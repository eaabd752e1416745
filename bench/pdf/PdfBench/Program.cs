using System.Diagnostics;
using Ingest.Core.Layout;
using Ingest.Readers.Pdf;

// Reads every PDF in a folder with PdfDocumentReader, ITERATIONS times after WARMUPS untimed passes, and prints pages
// per second, tables found and the process's peak working set. bench/pdf/run.sh runs it beside pdftotext.
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

var cold = Stopwatch.StartNew();
var counts = Pass();
cold.Stop();
for (var i = 1; i < warmups; i++)
    Pass();
var timer = Stopwatch.StartNew();
for (var i = 0; i < iterations; i++)
    Pass();
timer.Stop();
var pagesPerSecond = counts.Pages * iterations / timer.Elapsed.TotalSeconds;
Console.WriteLine($"files={files.Length} pages={counts.Pages} tables={counts.Tables} cells={counts.Cells}");
Console.WriteLine($"first_pass_s={cold.Elapsed.TotalSeconds:F3}");
Console.WriteLine($"steady_pages_per_s={pagesPerSecond:F1}");
Console.WriteLine($"peak_working_set_mb={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F1}");
