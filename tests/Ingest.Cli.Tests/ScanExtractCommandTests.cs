using Ingest.Tests.Shared;

namespace Ingest.Cli.Tests;

/// <summary>
/// The real <c>ingest extract</c> reads a scan by OCR inside its parser worker: the record says it was read from a scan,
/// and the OCR counts against the file's time budget like any other parsing.
/// </summary>
public sealed class ScanExtractCommandTests
{
    private static string Scan => Path.Combine(RepositoryRoot(), "corpus", "scans", "kuromatsu_sokuryou_itaku.scan-300-g4-stamp.pdf");

    private static string? WhyNot()
    {
        foreach (var (tool, package) in new[] { ("tesseract", "tesseract-ocr"), ("pdftoppm", "poppler-utils") })
        {
            if (!(Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => File.Exists(Path.Combine(d, tool))))
                return $"{tool} is not installed (Debian package {package})";
        }
        return File.Exists("/usr/share/tesseract-ocr/5/tessdata/jpn.traineddata") || File.Exists("/usr/share/tesseract-ocr/4.00/tessdata/jpn.traineddata")
            ? null : "Tesseract's Japanese model is not installed (Debian package tesseract-ocr-jpn)";
    }

    [SkippableFact]
    public void A_scan_is_read_in_the_parser_worker_and_marked_for_checking()
    {
        Skip.If(WhyNot() is not null, WhyNot());
        var (code, output, errors) = Ingest("extract", Scan);
        Assert.True(code == 0, string.Join("\n", errors));
        Assert.Contains("■ 道路台帳の更新に係る業務委託について", output);
        Assert.Contains("OCR — please check: read from a scan (mean confidence 0.", output);
        Assert.Contains("保有課: 道路課", output);
        // The seal over the form leaves some fields read with low confidence: each is marked on its own.
        Assert.Contains("        OCR — please check: low OCR confidence 0.", output);
    }

    [SkippableFact]
    public void OCR_counts_against_the_files_time_budget()
    {
        Skip.If(WhyNot() is not null, WhyNot());
        var (code, _, errors) = Ingest("extract", "--file-timeout", "1", Scan);
        Assert.Equal(1, code);
        Assert.Equal([$"{Scan}: over the 1 s budget"], errors);
    }

    [SkippableFact]
    public void An_imported_scan_is_found_by_its_words_and_says_it_was_read_by_OCR()
    {
        Skip.If(WhyNot() is not null, WhyNot());
        var root = Directory.CreateTempSubdirectory("ingest-cli-scan-search-").FullName;
        try
        {
            var archive = Directory.CreateDirectory(Path.Combine(root, "archive")).FullName;
            File.Copy(Scan, Path.Combine(archive, Path.GetFileName(Scan)));
            var index = Path.Combine(root, "index");
            var (imported, _, importErrors) = Ingest("import", archive, "--index", index);
            Assert.True(imported == 0, string.Join("\n", importErrors));
            // The partner and the business are words of the sheet's cells, recognised one cell at a time.
            foreach (var words in new[] { "黒松測量設計", "道路台帳 委託" })
            {
                var (code, output, errors) = Ingest("search", words, "--index", index, "--json");
                Assert.True(code == 0, $"{words}: {string.Join("\n", errors)}");
                Assert.Contains(Path.GetFileName(Scan), output);
            }
            var (shown, page, _) = Ingest("show", Path.GetFileName(Scan), "--index", index, "--json");
            Assert.Equal(0, shown);
            Assert.Contains("\"ocr\": true", page);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static (int Code, string Output, string[] Errors) Ingest(params string[] arguments)
    {
        var (code, output, errors) = IngestProcess.Run(arguments);
        return (code, output, errors.Where(l => !l.Contains(": info: ")).ToArray());
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ingest.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("repository root (Ingest.sln) not found above " + AppContext.BaseDirectory);
    }
}
