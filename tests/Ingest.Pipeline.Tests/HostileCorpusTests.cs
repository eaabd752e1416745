using System.Diagnostics;
using Ingest.HostileFiles;

namespace Ingest.Pipeline.Tests;

/// <summary>
/// The regression corpus of hostile files: every class found by hand (made by <see cref="HostileCases"/>, in memory, at the
/// size that broke the readers) and every file under <c>corpus/hostile/</c> (the generator's small cases, committed for the
/// command line, and the inputs the fuzzer found) goes through <see cref="IngestPipeline.Default"/>. Each must end with a
/// record or a clean one-line error naming the reason, within the budgets below; a regression fails the test instead of
/// hanging or killing it, except a stack overflow, which ends the test run (and so fails it too).
/// </summary>
public sealed class HostileCorpusTests
{
    /// <summary>
    /// A hang guard, not a speed assertion: every case ends in a few seconds on a loaded 2-core machine, and each of the
    /// quadratic or exponential classes took from 34 s to forever before it was fixed.
    /// </summary>
    private static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Bytes a case may allocate on its thread, in all (not at once): 64 MiB plus 512 per input byte. Extraction allocates
    /// about 250 per byte of text; the memory classes are small files that allocated gigabytes (a 1.5 MB PDF inflating to
    /// 1.5 GB, a 1.4 kB ToUnicode map, a 164 kB Word file of 20 million characters).
    /// </summary>
    private static long AllocationBudget(int inputBytes) => 64L * 1024 * 1024 + 512L * inputBytes;

    /// <summary>Each case made once per test run (some take seconds to make).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Made = new();

    private static byte[] Make(HostileCase hostile) => Made.GetOrAdd(hostile.Name, _ => hostile.Make());

    public static TheoryData<string> Cases() => new(HostileCases.All.Select(c => c.Name));

    public static TheoryData<string> CorpusFiles() => new(Directory.EnumerateFiles(HostileFolder, "*", SearchOption.AllDirectories)
        .Where(f => !f.EndsWith("README.md", StringComparison.Ordinal))
        .Select(f => Path.GetRelativePath(HostileFolder, f))
        .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_hostile_class_ends_cleanly_within_its_budget(string name)
    {
        var hostile = HostileCases.All.Single(c => c.Name == name);
        var outcome = Extract(Make(hostile), name);
        if (hostile.ExpectedReason is { } reason)
            Assert.Contains(reason, outcome.Error ?? $"(read: {outcome.Submissions.Count} submissions)", StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Each_corpus_file_ends_cleanly_within_its_budget(string relative)
    {
        Extract(File.ReadAllBytes(Path.Combine(HostileFolder, relative)), relative);
    }

    [Fact]
    public void Committed_generated_files_are_what_the_generator_makes()
    {
        // Compared by how they read, not byte for byte: a runtime's zlib may compress the same bytes differently.
        var committed = Directory.EnumerateFiles(Path.Combine(HostileFolder, "generated")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var small = HostileCases.All.Where(c => Make(c).Length <= HostileCase.CommitLimitBytes).Select(c => c.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(small, committed);
        foreach (var name in committed)
        {
            var fromDisk = IngestPipeline.Default.Extract(File.ReadAllBytes(Path.Combine(HostileFolder, "generated", name!)), name!);
            var fromGenerator = IngestPipeline.Default.Extract(Make(HostileCases.All.Single(c => c.Name == name)), name!);
            Assert.Equal(fromGenerator.Error, fromDisk.Error);
        }
    }

    /// <summary>Runs the pipeline on its own thread with the time and allocation budgets; asserts the outcome is clean.</summary>
    private static FileExtraction Extract(byte[] bytes, string name)
    {
        FileExtraction? result = null;
        Exception? error = null;
        long allocated = 0;
        var thread = new Thread(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                result = IngestPipeline.Default.Extract(bytes, name);
            }
            catch (Exception e)
            {
                error = e;
            }
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }) { IsBackground = true };
        var watch = Stopwatch.StartNew();
        thread.Start();
        Assert.True(thread.Join(TimeBudget), $"{name}: still running after {TimeBudget.TotalSeconds:N0} s");
        Assert.Null(error);
        Assert.NotNull(result);
        Assert.True(allocated < AllocationBudget(bytes.Length), $"{name}: allocated {allocated:N0} bytes (budget {AllocationBudget(bytes.Length):N0})");
        if (result.Error is { } reason)
        {
            Assert.False(string.IsNullOrWhiteSpace(reason), $"{name}: failed without a reason");
            Assert.DoesNotContain('\n', reason);
            Assert.DoesNotContain("   at ", reason); // no stack trace in a reason
        }
        return result;
    }

    private static string HostileFolder => Path.Combine(RepositoryRoot(), "corpus", "hostile");

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
