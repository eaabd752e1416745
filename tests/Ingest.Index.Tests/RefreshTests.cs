using Ingest.Core.Records;
using Ingest.Index.Search;
using Ingest.Index.Store;

namespace Ingest.Index.Tests;

/// <summary>
/// The store's reader lifecycle: searches running while an updater commits, leases that outlive refreshes, a second
/// store (another process, in effect) picking up commits, and read-only opens of a folder that does not exist yet.
/// </summary>
public sealed class RefreshTests : IDisposable
{
    private const string Word = "並行検証資料";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ingest-refresh-tests-" + Guid.NewGuid().ToString("N"));

    private static SubmissionRecord Record(int n) => new()
    {
        Source = new SourceInfo { Path = $"/archive/concurrent-{n:0000}.txt", Sha256 = TestRecords.Sha("concurrent" + n), Format = "text" },
        Title = $"{Word}その{n}",
        Department = "総務部総務課",
        FiscalYear = 2020 + n % 5,
        Sheets = [TestRecords.Sheet("電算処理", [], ("記録される情報項目", $"{Word}の項目{n}"))],
    };

    private static void Add(IndexUpdater updater, IEnumerable<SubmissionRecord> records)
    {
        foreach (var record in records)
            updater.Replace(record.Source.Path, record.Source.Sha256, [record]);
    }

    [Fact]
    public void SearchesOnSeveralThreadsSurviveCommitsAndNeverSeeFewerSubmissions()
    {
        const int initial = 10, rounds = 30, perRound = 4, searchers = 3;
        using var store = IndexStore.Open(_directory);
        using var updater = store.OpenUpdater();
        Add(updater, Enumerable.Range(0, initial).Select(Record));
        updater.Commit();

        var done = 0;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var seen = new int[searchers];
        var threads = Enumerable.Range(0, searchers).Select(id => new Thread(() =>
        {
            var last = 0;
            var deadline = DateTime.UtcNow.AddMinutes(2);
            try
            {
                // One more pass after the updater finished, so the last commit is searched too.
                var finalPass = false;
                while (!finalPass && DateTime.UtcNow < deadline)
                {
                    finalPass = Volatile.Read(ref done) == 1;
                    var result = store.Search(new SearchRequest { Query = Word, Limit = SearchRequest.MaxLimit });
                    // One commit per search: the page holds every counted submission, each with its sheet.
                    if (result.Submissions.Count != result.TotalSubmissions || result.TotalSheets != result.TotalSubmissions)
                        failures.Enqueue($"inconsistent: {result.TotalSubmissions} submissions, {result.TotalSheets} sheets, {result.Submissions.Count} returned");
                    if (result.TotalSubmissions < last)
                        failures.Enqueue($"went back from {last} to {result.TotalSubmissions}");
                    last = result.TotalSubmissions;
                    // Stored records are read through the same lifecycle.
                    if (id == 0 && store.Find(Record(0).Source.Sha256 + "#0") is null)
                        failures.Enqueue("record 0 not found");
                    if (id == 1)
                    {
                        var all = store.AllRecords().Count();
                        if (all < initial)
                            failures.Enqueue($"AllRecords gave {all}");
                    }
                    seen[id]++;
                }
            }
            catch (Exception e)
            {
                failures.Enqueue(e.ToString());
            }
            if (last != initial + rounds * perRound)
                failures.Enqueue($"searcher {id} ended on {last} submissions");
        })).ToList();
        threads.ForEach(thread => thread.Start());

        for (var round = 0; round < rounds; round++)
        {
            Add(updater, Enumerable.Range(initial + round * perRound, perRound).Select(Record));
            // Replacing a record deletes documents too, so old segments are dropped while searchers may be on them.
            Add(updater, [Record(round % initial)]);
            updater.Commit();
        }
        Volatile.Write(ref done, 1);
        threads.ForEach(thread => thread.Join());

        Assert.Empty(failures);
        Assert.All(seen, count => Assert.True(count > 1, "each searcher ran more than once"));
    }

    [Fact]
    public void SearchesSeeTheLastCommitNotWhatAnUpdaterHasPending()
    {
        using var store = IndexStore.Open(_directory);
        using var updater = store.OpenUpdater();
        Add(updater, [Record(0)]);
        updater.Commit();

        // An import in progress: added and removed, not committed yet.
        Add(updater, [Record(1)]);
        updater.Remove(Record(0).Source.Path);
        Assert.Equal(1, store.Search(new SearchRequest { Query = Word }).TotalSubmissions);
        Assert.Equal(Record(0).Title, Assert.Single(store.AllRecords()).Title);

        updater.Commit();
        Assert.Equal(Record(1).Title, Assert.Single(store.Search(new SearchRequest { Query = Word }).Submissions).Record.Title);
    }

    [Fact]
    public void ALeaseKeepsItsCommitWhileTheStoreMovesOn()
    {
        using var store = IndexStore.Open(_directory);
        using var updater = store.OpenUpdater();
        Add(updater, Enumerable.Range(0, 3).Select(Record));
        updater.Commit();

        using var lease = store.AcquireSearcher();
        Assert.NotNull(lease);
        var version = lease.Version;
        foreach (var record in Enumerable.Range(0, 3).Select(Record))
            updater.Remove(record.Source.Path);
        Add(updater, Enumerable.Range(10, 5).Select(Record));
        updater.Commit();
        updater.Dispose();

        // The store shows the new commit; the lease still reads the old one, records and all.
        Assert.Equal(5, store.Search(new SearchRequest { Query = Word }).TotalSubmissions);
        Assert.Equal(3, IndexStore.AllRecords(lease).Count());
        Assert.Equal(version, lease.Version);
        using (var newer = store.AcquireSearcher())
            Assert.True(newer!.Version > version);
        lease.Dispose();
        lease.Dispose();
    }

    [Fact]
    public void ASecondStoreSeesAnotherStoresCommitsAfterRefresh()
    {
        using var reader = IndexStore.Open(_directory);
        using (var writer = IndexStore.Open(_directory))
        using (var updater = writer.OpenUpdater())
        {
            Add(updater, Enumerable.Range(0, 2).Select(Record));
            updater.Commit();
        }
        Assert.Equal(2, reader.Search(new SearchRequest { Query = Word }).TotalSubmissions);

        using (var writer = IndexStore.Open(_directory))
        using (var updater = writer.OpenUpdater())
        {
            Add(updater, [Record(7)]);
            updater.Commit();
        }
        // Nothing moves a store but Refresh (or its own updater's commit).
        Assert.Equal(2, reader.Search(new SearchRequest { Query = Word }).TotalSubmissions);
        reader.Refresh();
        Assert.Equal(3, reader.Search(new SearchRequest { Query = Word }).TotalSubmissions);
        reader.Refresh();
        Assert.Equal(3, reader.AllRecords().Count());
    }

    [Fact]
    public void OpeningAMissingFolderToReadCreatesNothingAndFindsItOnceAnImportCommits()
    {
        using var store = IndexStore.Open(_directory);
        Assert.False(store.Exists);
        Assert.Null(store.AcquireSearcher());
        Assert.Same(SearchResult.Empty, store.Search(new SearchRequest { Query = Word }));
        Assert.Empty(store.AllRecords());
        Assert.Null(store.Find("concurrent-0000.txt"));
        store.Refresh();
        Assert.False(Directory.Exists(_directory));

        using (var writer = IndexStore.Open(_directory))
        using (var updater = writer.OpenUpdater())
        {
            Add(updater, [Record(0)]);
            updater.Commit();
        }
        Assert.True(store.Exists);
        Assert.Equal(1, store.Search(new SearchRequest { Query = Word }).TotalSubmissions);
        Assert.Equal(Record(0).Title, store.Find("concurrent-0000.txt")?.Title);
    }

    [Fact]
    public void AFirstCommitStillBeingWrittenIsWaitedForNotFailedOn()
    {
        // Lucene writes segments_N in place and adds its footer a moment later: an import in another process making the
        // index's first commit leaves, for that moment, a segments_1 that exists but cannot be read yet.
        var finished = Path.Combine(_directory, "finished");
        using (var writer = IndexStore.Open(finished))
        using (var updater = writer.OpenUpdater())
        {
            Add(updater, [Record(0)]);
            updater.Commit();
        }
        var inProgress = Path.Combine(_directory, "in-progress");
        Directory.CreateDirectory(inProgress);
        // The last commit alone (the updater's empty first commit left out): the only commit there is, being written.
        var last = Directory.GetFiles(finished, "segments_*").Select(Path.GetFileName).OrderBy(name => name!.Length).ThenBy(name => name, StringComparer.Ordinal).Last()!;
        foreach (var file in Directory.GetFiles(finished).Where(file => !Path.GetFileName(file).StartsWith("segments", StringComparison.Ordinal) && Path.GetFileName(file) != "write.lock"))
            File.Copy(file, Path.Combine(inProgress, Path.GetFileName(file)));
        var segments = File.ReadAllBytes(Path.Combine(finished, last));
        File.WriteAllBytes(Path.Combine(inProgress, last), segments[..^16]);
        // The footer is appended in place, as Lucene does, by a thread of its own (a pool thread may start late while
        // other tests keep the pool busy).
        var finish = new Thread(() =>
        {
            Thread.Sleep(200);
            using var file = new FileStream(Path.Combine(inProgress, last), FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            file.Write(segments, segments.Length - 16, 16);
        });
        finish.Start();

        using var store = IndexStore.Open(inProgress);
        Assert.True(store.Exists);
        Assert.Equal(1, store.Search(new SearchRequest { Query = Word }).TotalSubmissions);
        finish.Join();
    }

    [Fact]
    public void ADisposedStoreRefusesLeasesAndIgnoresRefresh()
    {
        var store = IndexStore.Open(_directory);
        using (var updater = store.OpenUpdater())
        {
            Add(updater, [Record(0)]);
            updater.Commit();
        }
        var lease = store.AcquireSearcher()!;
        store.Dispose();
        // A lease taken before the store closed still reads its commit.
        Assert.Single(IndexStore.AllRecords(lease));
        lease.Dispose();
        store.Refresh();
        Assert.Throws<ObjectDisposedException>(() => store.AcquireSearcher());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Some tests never create it.
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
