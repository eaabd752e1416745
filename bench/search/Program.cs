using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ingest.Core.Records;
using Ingest.Index.Analysis;
using Ingest.Index.Documents;
using Ingest.Index.Search;
using Ingest.Index.Store;

namespace Ingest.Benchmarks.Search;

/// <summary>
/// Search benchmark report (not a test): builds an index of N generated submissions, reports the indexing rate
/// (submissions/s, sheet documents/s, MB/s of indexed text), the index size, and query latency p50/p99 over the fixed
/// queries of <c>queries.txt</c>, cold (first run of each query on a freshly opened reader) and warm (repeated runs).
/// Usage: <c>dotnet run -c Release --project bench/search -- [submissions=10000] [warm-rounds=5]</c>.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var queries = LoadQueries(Path.Combine(AppContext.BaseDirectory, "queries.txt"));
        // A third argument keeps the index in that folder (and reuses it when present) to repeat query runs.
        var keep = args.Length > 2;
        var directory = keep ? Path.GetFullPath(args[2]) : Path.Combine(Path.GetTempPath(), "ingest-search-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            Run(count, rounds, queries, directory);
        }
        finally
        {
            if (!keep && Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
        return 0;
    }

    private static void Run(int count, int rounds, IReadOnlyList<SearchRequest> queries, string directory)
    {
        var records = new RecordGenerator().Generate(count).ToList();
        var sheets = records.Sum(record => Math.Max(1, record.Sheets.Count));
        var textBytes = records.Sum(record => (long)RecordTexts.All(record).Sum(entry => Encoding.UTF8.GetByteCount(entry.Text)));
        Console.WriteLine($"analysis: {AnalysisDefaults.Profile.Name} tokenizer, {AnalysisDefaults.Folder.GetType().Name}");
        Console.WriteLine($"input: {count:N0} submissions, {sheets:N0} sheet documents, {textBytes / 1e6:0.0} MB of searchable text (UTF-8)");

        var analysisWatch = Stopwatch.StartNew();
        foreach (var record in records.Take(Math.Min(500, records.Count)))
            foreach (var entry in RecordTexts.All(record))
                IndexAnalysis.Default.Tokenize(entry.Text);
        analysisWatch.Stop();
        Console.WriteLine($"analysis alone (first {Math.Min(500, records.Count)} submissions): {analysisWatch.Elapsed.TotalSeconds:0.00} s");

        var watch = Stopwatch.StartNew();
        var reused = Directory.Exists(directory);
        if (!reused)
        {
            using var store = IndexStore.Open(directory);
            using var updater = store.OpenUpdater();
            foreach (var record in records)
                updater.Replace(record.Source.Path, record.Source.Sha256, [record]);
            updater.Commit();
        }
        else
            Console.WriteLine($"reusing the index in {directory} (indexing figures below are not measured)");
        watch.Stop();
        var seconds = watch.Elapsed.TotalSeconds;
        var size = new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length);
        if (!reused)
            Console.WriteLine($"indexing: {seconds:0.0} s, {count / seconds:0} submissions/s, {sheets / seconds:0} docs/s, {textBytes / 1e6 / seconds:0.00} MB/s");
        Console.WriteLine($"index size: {size / 1e6:0.0} MB ({(double)size / count / 1024:0.0} KB per submission, stored records included)");

        using var cold = IndexStore.Open(directory);
        var coldTimes = new List<double>();
        var totals = new List<int>();
        foreach (var query in queries)
        {
            var start = Stopwatch.GetTimestamp();
            totals.Add(cold.Search(query).TotalSheets);
            coldTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        Report("cold (fresh reader, first run of each query)", coldTimes);

        // One unmeasured round first, so every code path has been jitted and tiered up before "warm" is measured.
        foreach (var query in queries)
            cold.Search(query);
        var warmTimes = new List<double>();
        var perQuery = queries.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < queries.Count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                cold.Search(queries[i]);
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                warmTimes.Add(elapsed);
                perQuery[i].Add(elapsed);
            }
        }
        Report($"warm ({rounds} rounds × {queries.Count} queries, after one unmeasured round)", warmTimes);
        if (Environment.GetEnvironmentVariable("SEARCH_BENCH_PROFILE") == "1")
            Profile(cold, queries);
        var slowest = Enumerable.Range(0, queries.Count).OrderByDescending(i => Percentile(perQuery[i], 50)).Take(5);
        Console.WriteLine("slowest warm queries (median): " + string.Join("; ", slowest.Select(i => $"「{Describe(queries[i])}」 {Percentile(perQuery[i], 50):0.0} ms ({totals[i]} sheets)")));
        Console.WriteLine($"matches per query (sheets): median {Percentile(totals.Select(t => (double)t).ToList(), 50):0}, max {totals.Max()}, zero for {totals.Count(t => t == 0)} queries");
    }

    /// <summary>Splits warm time into matching (Lucene only), collecting (facets, grouping keys) and the rest (records, snippets).</summary>
    private static void Profile(IndexStore store, IReadOnlyList<SearchRequest> queries)
    {
        using var lease = store.AcquireSearcher()!;
        var searcher = lease.Searcher;
        var search = new IndexSearch(searcher, store.Analysis);
        double count = 0, collect = 0, full = 0;
        for (var round = 0; round < 3; round++)
        {
            foreach (var request in queries)
            {
                var query = search.BuildQuery(request, search.Prepare(request));
                var start = Stopwatch.GetTimestamp();
                searcher.Search(query, new Lucene.Net.Search.TotalHitCountCollector());
                count += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                start = Stopwatch.GetTimestamp();
                search.CollectOnly(query);
                collect += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                start = Stopwatch.GetTimestamp();
                search.Run(request);
                full += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }
        Console.WriteLine($"profile (total over 3 rounds): match-count {count:0} ms, collect+facets {collect:0} ms, full search {full:0} ms");
    }

    private static string Describe(SearchRequest request) =>
        string.Join(" ", new[] { request.Query, request.SheetType, request.Partner, request.Field, request.YearFrom?.ToString(CultureInfo.InvariantCulture) }.Where(part => !string.IsNullOrEmpty(part)));

    private static void Report(string name, List<double> times) =>
        Console.WriteLine($"latency {name}: p50 {Percentile(times, 50):0.00} ms, p99 {Percentile(times, 99):0.00} ms, max {times.Max():0.00} ms");

    private static double Percentile(List<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static List<SearchRequest> LoadQueries(string path)
    {
        var requests = new List<SearchRequest>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#') || line.Trim().Length == 0)
                continue;
            var parts = line.Split('\t', 2);
            var request = new SearchRequest { Query = parts[0], Limit = 10 };
            if (parts.Length > 1)
            {
                foreach (var option in parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var (key, value) = (option[..option.IndexOf('=')], option[(option.IndexOf('=') + 1)..]);
                    request = key switch
                    {
                        "year" => request with { YearFrom = Year(value.Split("..")[0]), YearTo = Year(value.Split("..")[^1]) },
                        "type" => request with { SheetType = value },
                        "partner" => request with { Partner = value },
                        "field" => request with { Field = value },
                        _ => throw new FormatException($"{path}: unknown option {key} in \"{line}\""),
                    };
                }
            }
            requests.Add(request);
        }
        return requests;
    }

    private static int? Year(string text) => text.Length == 0 ? null : int.Parse(text, CultureInfo.InvariantCulture);
}
