using BenchmarkDotNet.Attributes;
using Ingest.Pipeline.Archives;

namespace Ingest.Benchmarks;

/// <summary>
/// Walking a folder tree of 10,000 small files (100 folders of 100) without reading them: the importer's walk, which lists
/// folders with readdir on the names' bytes and probes each file with statx, against .NET's own recursive enumeration
/// (which cannot open names that are not UTF-8), and the progress count (the same walk).
/// </summary>
[MemoryDiagnoser]
public class WalkBenchmarks
{
    private string _root = null!;

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("ingest-walk-bench-").FullName;
        for (var folder = 0; folder < 100; folder++)
        {
            var path = Directory.CreateDirectory(Path.Combine(_root, $"第{folder:D3}回")).FullName;
            for (var file = 0; file < 100; file++)
                File.WriteAllText(Path.Combine(path, $"資料{file:D3}.txt"), "本文");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark(Baseline = true)]
    public int DotNetEnumeration() => Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Count();

    [Benchmark]
    public int ImportWalk() => new ArchiveWalker().Walk([_root]).Count();

    [Benchmark]
    public int ProgressCount() => ArchiveWalker.Count([_root]);
}
