using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ingest.Index.Store;
using Ingest.Pipeline;
using Xunit.Abstractions;

namespace Ingest.Import.Tests;

/// <summary>
/// One writer at a time, with real processes: two `ingest import` runs started together into one index either wait for
/// each other (<c>--wait</c>) or the second leaves at once naming the first; either way every file is indexed exactly once
/// and the JSON Lines log says "added" exactly for what the index holds. In-process: the log hears of an added file only
/// once the commit holding it is on disk.
/// </summary>
public sealed class ConcurrentImportTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-concurrent-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static Process StartImport(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "ingest.dll"), "import" }.Concat(arguments))
            start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }

    private (int Code, string Errors) Finish(Process process)
    {
        var errors = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "an import did not finish within 5 minutes");
        output.WriteLine($"process {process.Id}: exit {process.ExitCode}\n{stdout.Result}{errors.Result}");
        return (process.ExitCode, errors.Result);
    }

    private static List<(string Path, string Outcome)> Log(string path) =>
        File.ReadAllLines(path).Select(line => JsonDocument.Parse(line).RootElement)
            .Select(entry => (entry.GetProperty("path").GetString()!, entry.GetProperty("outcome").GetString()!)).ToList();

    [Fact]
    public void Two_imports_started_together_with_wait_index_every_file_once_and_log_what_the_index_holds()
    {
        var corpus = Path.Combine(_root, "corpus");
        var files = Corpus.WriteText(corpus, 300, seed: 41);
        var index = Path.Combine(_root, "index");

        using var first = StartImport(corpus, "--index", index, "--jobs", "1", "--commit-every", "25", "--wait");
        using var second = StartImport(corpus, "--index", index, "--jobs", "1", "--commit-every", "25", "--wait");
        var results = new[] { Finish(first), Finish(second) };

        Assert.All(results, result => Assert.Equal(0, result.Code));
        // The one that came second waited, and said for whom.
        Assert.Single(results, result => result.Errors.Contains($"index {index} is being written by process ", StringComparison.Ordinal));
        using var store = IndexStore.Open(index);
        var records = store.AllRecords().ToArray();
        Assert.Equal(files.Order(StringComparer.Ordinal), records.Select(r => r.Source.Path).Order(StringComparer.Ordinal));
        Assert.Equal(files.Count, records.Select(r => r.Source.Sha256).Distinct().Count());
        var log = Log(Path.Combine(index, "import-log.jsonl"));
        Assert.Equal(records.Select(r => r.Source.Path).Order(StringComparer.Ordinal), log.Where(e => e.Outcome == "added").Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Equal(files.Count, log.Count(e => e.Outcome == "unchanged")); // the second found everything in place
    }

    [Fact]
    public void Without_wait_the_second_import_leaves_at_once_naming_the_first()
    {
        var corpus = Path.Combine(_root, "corpus");
        var files = Corpus.WriteText(corpus, 300, seed: 42);
        var index = Path.Combine(_root, "index");

        using var first = StartImport(corpus, "--index", index, "--jobs", "1", "--commit-every", "25");
        // Once the first holds the lock, as its lock file says, the second is started.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (IndexWriterLock.ReadHolder(index)?.ProcessId != first.Id && !first.HasExited && DateTime.UtcNow < deadline)
            Thread.Sleep(20);
        using var second = StartImport(corpus, "--index", index, "--jobs", "1");
        var (secondCode, secondErrors) = Finish(second);
        var (firstCode, _) = Finish(first);

        Assert.Equal(0, firstCode);
        Assert.Equal(75, secondCode);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"index {index} is being written by process {first.Id} (started "), secondErrors, StringComparison.Ordinal);
        Assert.EndsWith("); try again when it ends, or pass --wait", secondErrors.TrimEnd(), StringComparison.Ordinal);
        using var store = IndexStore.Open(index);
        Assert.Equal(files.Count, store.AllRecords().Select(r => r.Source.Path).Distinct().Count());
        Assert.Equal(files.Count, Log(Path.Combine(index, "import-log.jsonl")).Count(e => e.Outcome == "added"));
    }

    [Fact]
    public void The_log_hears_of_an_added_file_only_once_its_commit_is_on_disk()
    {
        var corpus = Path.Combine(_root, "corpus");
        var files = Corpus.WriteText(corpus, 20, seed: 43);
        var index = Path.Combine(_root, "index");
        var notYetOnDisk = new List<string>();
        var durable = new List<string>();
        var decidedFirst = 0;
        var decided = new HashSet<string>(StringComparer.Ordinal);

        using (var store = IndexStore.Open(index))
        {
            new BulkImporter(store, IngestPipeline.Default, new BulkImportOptions { Jobs = 2, CommitEveryFiles = 7 }).Import(files, new ImportObserver
            {
                Decided = outcome => decided.Add(outcome.Path),
                Durable = outcome =>
                {
                    if (outcome.Outcome != ImportOutcome.Added)
                        return;
                    durable.Add(outcome.Path);
                    if (decided.Contains(outcome.Path))
                        decidedFirst++;
                    // Another reader, as another process would open it: it sees only what is committed.
                    using var reader = IndexStore.Open(index);
                    if (reader.Find(outcome.Path) is null)
                        notYetOnDisk.Add(outcome.Path);
                },
            });
        }

        Assert.Empty(notYetOnDisk);
        Assert.Equal(files.Order(StringComparer.Ordinal), durable.Order(StringComparer.Ordinal));
        Assert.Equal(files.Count, decidedFirst);
    }
}
