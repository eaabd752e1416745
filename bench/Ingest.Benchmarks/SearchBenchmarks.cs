using BenchmarkDotNet.Attributes;
using Ingest.Index.Search;
using Ingest.Index.Store;

namespace Ingest.Benchmarks;

/// <summary>
/// Warm query latency over an index of 10,000 generated submissions (built once in setup): a synonym query, a compound
/// AND query, a phrase and a filtered facet query, each through the whole search path (analysis, BM25, grouping, facets,
/// snippets). The cold/warm percentile report over 100 queries is <c>bench/search</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class SearchBenchmarks
{
    private string _directory = string.Empty;
    private IndexStore? _store;

    [Params(10_000)]
    public int Submissions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "ingest-search-bench-" + Guid.NewGuid().ToString("N"));
        _store = IndexStore.Open(_directory);
        using (var updater = _store.OpenUpdater())
        {
            foreach (var record in new RecordGenerator().Generate(Submissions))
                updater.Replace(record.Source.Path, record.Source.Sha256, [record]);
            updater.Commit();
        }
        _store.Refresh();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public int SynonymAndCompound() => Run(new SearchRequest { Query = "J-LIS 暗号化", Limit = 10 });

    [Benchmark]
    public int Phrase() => Run(new SearchRequest { Query = "\"特定相手以外の解読\"", Limit = 10 });

    [Benchmark]
    public int FilteredByYearTypePartner() =>
        Run(new SearchRequest { Query = "総合行政ネットワーク", YearFrom = 2019, YearTo = 2024, SheetType = "外部結合", Partner = "J-LIS", Limit = 10 });

    [Benchmark]
    public int BroadTermManyMatches() => Run(new SearchRequest { Query = "情報", Limit = 10 });

    private int Run(SearchRequest request) => _store!.Search(request).TotalSheets;
}
