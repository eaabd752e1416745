using BenchmarkDotNet.Attributes;
using Ingest.Readers.Pdf;

namespace Ingest.Benchmarks;

/// <summary>
/// PDF layout reading (text, ruled tables, styles, furniture) on the committed fixtures, one file per case; pages per
/// second follow from the mean and the page count printed by bench/pdf/run.sh, which also runs pdftotext beside it and
/// prints the tables and cells found.
/// </summary>
[MemoryDiagnoser]
public class PdfReaderBenchmarks
{
    private byte[] _bytes = [];
    private readonly PdfDocumentReader _reader = new();

    [Params("001_42351d23f429df37.pdf", "003_c5d96f6ae7183e6a.pdf", "003_c5d96f6ae7183e6a.chromium.pdf", "juki_packet.pdf")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Ingest.sln")))
            dir = dir.Parent;
        var root = dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        _bytes = System.IO.File.ReadAllBytes(Path.Combine(root, "corpus", "fixtures", File));
    }

    [Benchmark]
    public int ReadLayout()
    {
        var result = _reader.Read(_bytes, File);
        return result.Value?.Pages.Sum(p => p.Blocks.Count) ?? throw new InvalidOperationException(result.Error);
    }
}
