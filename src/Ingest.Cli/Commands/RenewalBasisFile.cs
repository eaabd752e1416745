using Ingest.Core.Diagnostics;
using Ingest.Index.Store;
using Ingest.Reports.Renewals;

namespace Ingest.Cli.Commands;

/// <summary>
/// The renewal basis (<see cref="RenewalBasis"/>) of an index, kept in its folder beside the commit it was made from, so a
/// report reads one small file instead of every record and links nothing. <c>import</c> makes it after each import that
/// changed the index; a report finding it missing or made from another commit makes it again. A folder the report may
/// not write to only costs the time: the report is the same either way. A basis is named by its commit (<see cref="CommitName"/>).
/// </summary>
internal static class RenewalBasisFile
{
    public const string FileName = "renewal-basis.tsv";

    /// <summary>
    /// The linked history of the index's latest commit: read from the file when it is that commit's (no reader over the
    /// index is opened then), else made from the records and kept.
    /// </summary>
    public static ArrangementHistory Load(IndexStore store)
    {
        var path = Path.Combine(store.DirectoryPath, FileName);
        var latest = CommitName.Latest(store);
        StartupTrace.Mark("commit named");
        if (latest is not null && TryRead(path, latest) is { } kept)
            return kept;
        using var lease = store.AcquireSearcher() ?? throw new IOException("the folder holds no index");
        var commit = CommitName.Of(lease);
        // A commit may have landed since the name above was read: its basis may be kept already.
        return commit != latest && TryRead(path, commit) is { } keptSince ? keptSince : Make(store.DirectoryPath, lease, commit);
    }

    private static ArrangementHistory? TryRead(string path, string commit)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var kept = RenewalBasis.Read(file, commit);
            if (kept is not null)
                StartupTrace.Mark("renewal basis read");
            return kept;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // no file yet, or unreadable: made again from the records
        }
    }

    /// <summary>Makes the basis of the index's current commit unless the file already holds it (after an import).</summary>
    public static void Refresh(IndexStore store)
    {
        store.Refresh(); // the commit just written, not the one this store first saw
        using var lease = store.AcquireSearcher();
        if (lease is null)
            return;
        var commit = CommitName.Of(lease);
        var path = Path.Combine(store.DirectoryPath, FileName);
        try
        {
            // An import that changed nothing keeps its commit: the header says so, and the rest is not read.
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
            if (RenewalBasis.IsOf(file, commit))
                return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No file yet, or unreadable: made below.
        }
        Make(store.DirectoryPath, lease, commit);
    }

    /// <summary>Links the records of the commit <paramref name="lease"/> holds and keeps the result as that commit's basis.</summary>
    private static ArrangementHistory Make(string directory, SearcherLease lease, string commit)
    {
        StartupTrace.Mark("renewal basis: making");
        var history = HistoryLinker.Link(ArrangementKinds.From(IndexStore.AllRecords(lease)));
        Keep(directory, history, commit);
        StartupTrace.Mark("renewal basis: kept");
        return history;
    }

    // Written beside the file and moved over it, so a report reading at the same moment sees the old file or the new one.
    private static void Keep(string directory, ArrangementHistory history, string commit)
    {
        var temporary = Path.Combine(directory, $".{FileName}.{Environment.ProcessId}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                RenewalBasis.Write(history, commit, file);
            File.Move(temporary, Path.Combine(directory, FileName), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); } catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException) { }
        }
    }
}
