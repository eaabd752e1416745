using Ingest.Index.Store;

namespace Ingest.Index.Tests;

/// <summary>
/// The one-writer lock. Linux's <c>flock</c> locks belong to an open file, not to a process, so a second open of the lock
/// file in this very process is refused as another process's would be; the two-process test is in the import tests.
/// </summary>
public sealed class WriterLockTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ingest-lock-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_second_writer_is_refused_and_told_who_holds_the_index_until_the_first_lets_go()
    {
        using (IndexWriterLock.Acquire(_directory))
        {
            var busy = Assert.Throws<IndexBusyException>(() => IndexWriterLock.Acquire(_directory));
            Assert.Equal(Environment.ProcessId, busy.Holder?.ProcessId);
            Assert.True(DateTimeOffset.Now - busy.Holder!.Since < TimeSpan.FromMinutes(1));
            Assert.StartsWith($"index {_directory} is being written by process {Environment.ProcessId} (started ", busy.Message, StringComparison.Ordinal);
        }
        using var second = IndexWriterLock.Acquire(_directory);
        Assert.True(second.IsHeld);
    }

    [Fact]
    public void Every_writing_entry_point_takes_the_lock()
    {
        using var store = IndexStore.Open(_directory);
        using (var updater = store.OpenUpdater())
        {
            updater.Replace(TestRecords.Alpha.Source.Path, TestRecords.Alpha.Source.Sha256, [TestRecords.Alpha]);
            updater.Commit();
        }
        using var held = IndexWriterLock.Acquire(_directory);
        Assert.Throws<IndexBusyException>(() => store.OpenUpdater());
        var synonyms = Path.Combine(_directory, "..", $"{Path.GetFileName(_directory)}-synonyms.txt");
        File.WriteAllText(synonyms, "暗号化, 秘匿化\n");
        try
        {
            Assert.Throws<IndexBusyException>(() => IndexMaintenance.InstallSynonyms(store, synonyms));
        }
        finally
        {
            File.Delete(synonyms);
        }
        // With the lock passed in, the same calls write.
        using (var updater = store.OpenUpdater(held))
        {
            updater.Replace(TestRecords.Bravo.Source.Path, TestRecords.Bravo.Source.Sha256, [TestRecords.Bravo]);
            updater.Commit();
        }
        Assert.Equal(2, store.AllRecords().Count());
    }

    [Fact]
    public void A_lock_for_another_folder_does_not_let_a_writer_in()
    {
        var other = Path.Combine(_directory, "other");
        using var store = IndexStore.Open(Path.Combine(_directory, "index"));
        using var wrong = IndexWriterLock.Acquire(other);
        Assert.Throws<InvalidOperationException>(() => store.OpenUpdater(wrong));
    }

    [Fact]
    public async Task Waiting_takes_the_lock_once_the_holder_lets_go_and_says_once_whom_it_waits_for()
    {
        var first = IndexWriterLock.Acquire(_directory);
        var heard = new List<IndexBusyException>();
        var waiter = Task.Run(() => IndexWriterLock.Wait(_directory, heard.Add));
        await Task.Delay(IndexWriterLock.PollInterval * 4);
        Assert.False(waiter.IsCompleted);
        first.Dispose();
        using var second = await waiter.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(second.IsHeld);
        Assert.Equal(Environment.ProcessId, Assert.Single(heard).Holder?.ProcessId);
    }

    [Fact]
    public void The_lock_file_names_its_holder_in_a_form_read_back_exactly()
    {
        var holder = new IndexLockHolder(4242, new DateTimeOffset(2026, 11, 23, 10, 2, 13, TimeSpan.FromHours(9)));
        Assert.Equal(holder, IndexWriterLock.ParseHolder(IndexWriterLock.FormatHolder(holder)));
        Assert.Null(IndexWriterLock.ParseHolder(string.Empty)); // a lock file its holder had not written yet
    }
}
