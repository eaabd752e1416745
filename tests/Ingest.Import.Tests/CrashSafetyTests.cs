using System.Diagnostics;
using Ingest.Index.Search;
using Ingest.Index.Store;

namespace Ingest.Import.Tests;

/// <summary>
/// Kill the real command line mid-import (SIGKILL, no chance to clean up) several times, then run it again:
/// the index opens every time, and in the end holds every submission exactly once.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-crash-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>The <c>--commit-every</c> of these imports: every generated file holds one submission, so a commit adds this many.</summary>
    private const int CommitEvery = 25;

    private Process StartImport(string corpus, string index, string? log = null)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "ingest.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { cli, "import", corpus, "--index", index, "--jobs", "2", "--commit-every", CommitEvery.ToString(System.Globalization.CultureInfo.InvariantCulture), "--log", log ?? Path.Combine(_root, $"log-{Guid.NewGuid():N}.jsonl") })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Waits until the import has decided its first file (its log has a line), so that the kill delays count from when
    /// files flow rather than from a start-up whose length depends on the machine's load (parser workers start first).
    /// </summary>
    private static void WaitForFirstOutcome(Process process, string log)
    {
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (File.Exists(log) && new FileInfo(log).Length > 0)
                return;
            Thread.Sleep(20);
        }
    }

    [Fact]
    public void Killing_the_import_repeatedly_loses_nothing_and_duplicates_nothing()
    {
        const int count = 600;
        var corpus = Path.Combine(_root, "corpus");
        Corpus.WriteText(corpus, count, seed: 11);
        var index = Path.Combine(_root, "index");

        var interrupted = 0;
        var seen = new List<int>();
        foreach (var delay in new[] { 500, 1500, 2500, 4000 })
        {
            var log = Path.Combine(_root, $"log-{Guid.NewGuid():N}.jsonl");
            using var process = StartImport(corpus, index, log);
            WaitForFirstOutcome(process, log);
            Thread.Sleep(delay);
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                interrupted++;
            }
            process.WaitForExit();
            using var store = IndexStore.Open(index); // opens after every kill
            var records = store.Exists ? store.AllRecords().ToArray() : [];
            Assert.Equal(records.Length, records.Select(r => r.Source.Sha256).Distinct().Count());
            seen.Add(records.Length);
        }
        Assert.True(interrupted > 0, "no kill landed while an import was running; the corpus is too small for this machine");
        // A kill before the first commit or after the last proves nothing about resuming: one must land between them.
        Assert.True(seen.Any(n => n is > 0 and < count), $"no kill left a partly imported index ({string.Join(",", seen)})");
        Assert.Equal(seen.Order(), seen); // committed work is never lost

        using (var final = StartImport(corpus, index))
        {
            Assert.True(final.WaitForExit(TimeSpan.FromMinutes(5)), "the final import did not finish");
            Assert.Equal(0, final.ExitCode);
        }
        using var done = IndexStore.Open(index);
        var all = done.AllRecords().ToArray();
        Assert.Equal(count, all.Length);
        Assert.Equal(count, all.Select(r => r.Source.Sha256).Distinct().Count());
        Assert.Equal(count, all.Select(r => r.Source.Path).Distinct().Count());
    }

    [Fact]
    public void A_search_while_an_import_runs_sees_whole_commits_only()
    {
        const int count = 600;
        var corpus = Path.Combine(_root, "corpus");
        Corpus.WriteText(corpus, count, seed: 12);
        var index = Path.Combine(_root, "index");

        var snapshots = new List<int>();
        using (var process = StartImport(corpus, index))
        {
            while (!process.HasExited)
            {
                // A fresh store per look, as a second `ingest search` process would open it.
                using var store = IndexStore.Open(index);
                if (store.Exists)
                {
                    var found = store.Search(new SearchRequest { Limit = SearchRequest.MaxLimit }).TotalSubmissions;
                    var records = store.AllRecords().ToArray();
                    Assert.Equal(records.Length, records.Select(r => r.Source.Sha256).Distinct().Count());
                    Assert.Equal(records.Length, found); // search and the stored records read the same commit
                    // A whole commit adds CommitEvery files of one submission each; anything else is a batch seen in part.
                    Assert.True(found % CommitEvery == 0 && found <= count, $"a search saw {found} submissions, not a whole number of commits of {CommitEvery}");
                    snapshots.Add(found);
                }
                Thread.Sleep(50);
            }
            Assert.Equal(0, process.ExitCode);
        }
        Assert.Equal(snapshots.Order(), snapshots); // commits only add: a reader never sees a half-applied batch undone
        Assert.True(snapshots.Any(n => n is > 0 and < count), $"no look landed mid-import ({string.Join(",", snapshots)}); the corpus is too small for this machine");
        using var done = IndexStore.Open(index);
        Assert.Equal(count, done.Search(new SearchRequest()).TotalSubmissions);
    }
}
