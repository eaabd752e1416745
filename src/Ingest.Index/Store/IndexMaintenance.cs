using Ingest.Core.Records;
using Ingest.Index.Analysis;

namespace Ingest.Index.Store;

/// <summary>
/// Changes that re-index every stored record (records are stored whole, so no source file is needed): upgrading an index
/// written with an earlier document layout, and installing an index's own synonyms. Each holds the writer lock from its
/// first read to its commit: the one passed in, or its own, taken at once (<see cref="IndexBusyException"/> otherwise).
/// </summary>
public static class IndexMaintenance
{
    /// <summary>
    /// Re-indexes every stored record with this build's document layout when the index is outdated
    /// (<see cref="IndexStore.IsOutdated"/>). Returns how many submissions were re-indexed; 0 when nothing was to do.
    /// </summary>
    public static int Upgrade(IndexStore store, IndexWriterLock? writerLock = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!store.IsOutdated)
            return 0;
        using var owned = writerLock is null ? IndexWriterLock.Acquire(store.DirectoryPath) : null;
        store.Refresh(); // another writer may have upgraded it while this one waited for the lock
        if (!store.IsOutdated)
            return 0;
        var records = store.AllRecords().ToList();
        Reindex(store, records, writerLock ?? owned!);
        return records.Count;
    }

    /// <summary>
    /// Makes <paramref name="synonymFile"/> the index's synonyms and re-indexes every stored record with them. Returns the
    /// re-opened store (its analysis reads the new file); <paramref name="store"/> is disposed. A malformed file raises
    /// <see cref="FormatException"/> before anything changes.
    /// </summary>
    public static IndexStore InstallSynonyms(IndexStore store, string synonymFile, IndexWriterLock? writerLock = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        SynonymCatalogue.Load(synonymFile);
        var directory = store.DirectoryPath;
        using var owned = writerLock is null ? IndexWriterLock.Acquire(directory) : null;
        var held = writerLock ?? owned!;
        held.EnsureHeldFor(directory);
        store.Refresh();
        var records = store.AllRecords().ToList();
        store.Dispose();
        var target = Path.Combine(directory, IndexStore.SynonymFileName);
        if (!string.Equals(Path.GetFullPath(synonymFile), target, StringComparison.Ordinal))
            File.Copy(synonymFile, target, overwrite: true);
        var reopened = IndexStore.Open(directory);
        Reindex(reopened, records, held);
        return reopened;
    }

    private static void Reindex(IndexStore store, IReadOnlyList<SubmissionRecord> records, IndexWriterLock writerLock)
    {
        using var updater = store.OpenUpdater(writerLock);
        foreach (var file in records.GroupBy(record => (record.Source.Path, record.Source.Sha256)))
            updater.Replace(file.Key.Path, file.Key.Sha256, file.OrderBy(record => record.Ordinal).ToList());
        updater.Commit();
    }
}
