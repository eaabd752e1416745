using System.Diagnostics;
using Ingest.Core.Records;
using Ingest.Pipeline;
using Ingest.Pipeline.Isolation;

namespace Ingest.Import.Tests.Isolation;

/// <summary>
/// The pool of parser processes with real workers (<c>ingest worker</c>, started from the built <c>ingest.dll</c>) and
/// real parsers pushed past real budgets: a stack overflow, a heap that runs out, a file that takes too long, and a
/// worker killed from outside. Each costs its own file only; the next file gets a new worker.
/// </summary>
public sealed class IsolatedExtractorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-isolation-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static WorkerExecutable Ingest => WorkerExecutable.ForAssembly(Path.Combine(AppContext.BaseDirectory, "ingest.dll"));

    private static FileExtraction Extract(IsolatedExtractor extractor, string path) => extractor.ExtractFile(path);

    [Fact]
    public void Isolated_extraction_gives_the_records_in_process_extraction_gives()
    {
        var files = DemandingDocuments.Ordinary(Path.Combine(_root, "ordinary"), 6, seed: 21)
            .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"))).ToArray();
        using var extractor = new IsolatedExtractor(Ingest, workers: 2);

        var isolated = files.AsParallel().Select(f => Extract(extractor, f)).ToArray();
        var inProcess = files.Select(f => IngestPipeline.Default.ExtractFile(f)).ToArray();

        Assert.All(isolated, result => Assert.True(result.Succeeded, result.Error));
        Assert.Equal(inProcess.Select(r => RecordJson.Serialize(r.Submissions)), isolated.Select(r => RecordJson.Serialize(r.Submissions)));
        Assert.Equal(inProcess.Select(r => (r.Path, r.Sha256, r.Format)), isolated.Select(r => (r.Path, r.Sha256, r.Format)));
        Assert.Equal(2, extractor.WorkersStarted); // long-lived: one process per worker for the whole run
    }

    [Fact]
    public void A_stack_overflow_costs_its_file_only_and_a_new_worker_takes_the_next()
    {
        // 60 tables deep, about 240 XML levels: legal (under the guard's 256; the reader follows 32 and reads the rest as
        // text), but deeper than a 64 KiB stack lets the SDK's recursive loader and the parsers go in an optimised build as
        // well as a debug one (32 deep overflowed only the debug build's larger frames).
        var nested = Path.Combine(_root, "nested.docx");
        DemandingDocuments.NestedTables(nested, depth: 60);
        var ordinary = DemandingDocuments.Ordinary(Path.Combine(_root, "ordinary"), 3, seed: 22);
        using var tiny = new IsolatedExtractor(Ingest, new IsolationOptions { ParseStack = IsolationOptions.MinParseStack });

        Assert.True(Extract(tiny, ordinary[1]).Succeeded); // the same stack holds an ordinary Word file
        Assert.Equal("crashed the parser (stack overflow)", Extract(tiny, nested).Error);
        Assert.All(ordinary, file => Assert.True(Extract(tiny, file).Succeeded));
        Assert.Equal(2, tiny.WorkersStarted);

        // With the default stack the same document is parsed (it holds no submission, and says so).
        using var roomy = new IsolatedExtractor(Ingest);
        Assert.DoesNotContain("crashed", Extract(roomy, nested).Error);
    }

    [Fact]
    public void A_file_over_the_memory_budget_fails_and_a_new_worker_takes_the_next()
    {
        // A year's minutes in one 20 MB text dump: its text, lines and records need well over the 256 MiB given here.
        var huge = Path.Combine(_root, "huge.txt");
        DemandingDocuments.ManySubmissionsText(huge, 20_000_000, seed: 23);
        var ordinary = DemandingDocuments.Ordinary(Path.Combine(_root, "ordinary"), 3, seed: 23);
        using var extractor = new IsolatedExtractor(Ingest, new IsolationOptions { FileMemory = ByteSize.FromMiB(256) });

        Assert.Equal("over the 256 MiB memory budget", Extract(extractor, huge).Error);
        Assert.All(ordinary, file => Assert.True(Extract(extractor, file).Succeeded));
        Assert.Equal(2, extractor.WorkersStarted);
    }

    [Fact]
    public void A_file_over_the_time_budget_is_cut_off_and_a_new_worker_takes_the_next()
    {
        // Minutes of parsing, given 20 s: ample for an ordinary file even when a new worker compiles its reader on a busy machine.
        var register = Path.Combine(_root, "register.pdf");
        DemandingDocuments.DenseRegisterPdf(register, pages: 1500);
        var ordinary = DemandingDocuments.Ordinary(Path.Combine(_root, "ordinary"), 3, seed: 24);
        using var extractor = new IsolatedExtractor(Ingest, new IsolationOptions { FileTimeout = TimeSpan.FromSeconds(20) });

        var clock = Stopwatch.StartNew();
        Assert.Equal("over the 20 s budget", Extract(extractor, register).Error);
        var cutOffAfter = clock.Elapsed;
        Assert.All(ordinary, file => Assert.True(Extract(extractor, file).Succeeded));
        Assert.Equal(2, extractor.WorkersStarted);
        // Not a speed assertion: the point is that the file was stopped, not left to run its course.
        Assert.True(cutOffAfter < TimeSpan.FromSeconds(90), $"the register was cut off only after {cutOffAfter}");
    }

    [Fact]
    public async Task A_worker_killed_from_outside_fails_only_the_file_it_was_parsing()
    {
        var register = Path.Combine(_root, "register.pdf");
        DemandingDocuments.DenseRegisterPdf(register, pages: 1500);
        var ordinary = DemandingDocuments.Ordinary(Path.Combine(_root, "ordinary"), 3, seed: 25);
        using var extractor = new IsolatedExtractor(Ingest);
        Assert.True(Extract(extractor, ordinary[0]).Succeeded); // the worker is up and ready
        var pid = Assert.Single(extractor.RunningProcessIds);

        var parsing = Task.Run(() => Extract(extractor, register));
        await Task.Delay(1500);
        Assert.False(parsing.IsCompleted, "the register was parsed before the worker could be killed");
        Process.GetProcessById(pid).Kill(); // SIGKILL, as the kernel's OOM killer or an operator would

        Assert.Equal("crashed the parser (killed by SIGKILL)", (await parsing).Error);
        Assert.All(ordinary, file => Assert.True(Extract(extractor, file).Succeeded));
        Assert.Equal(2, extractor.WorkersStarted);
    }

    [Fact]
    public void Disposing_the_pool_ends_its_workers()
    {
        var ordinary = DemandingDocuments.Ordinary(Path.Combine(_root, "ordinary"), 4, seed: 26);
        int[] pids;
        using (var extractor = new IsolatedExtractor(Ingest, workers: 2))
        {
            Assert.All(ordinary.AsParallel().Select(f => Extract(extractor, f)), r => Assert.True(r.Succeeded, r.Error));
            pids = extractor.RunningProcessIds.ToArray();
            Assert.NotEmpty(pids);
        }
        Assert.All(pids, pid => Assert.False(Directory.Exists($"/proc/{pid}") && !IsZombie(pid), $"worker {pid} still runs"));
    }

    private static bool IsZombie(int pid) => File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1].StartsWith('Z');
}
