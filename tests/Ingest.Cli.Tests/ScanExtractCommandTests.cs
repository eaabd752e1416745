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
