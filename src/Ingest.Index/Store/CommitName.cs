using Lucene.Net.Index;

namespace Ingest.Index.Store;

/// <summary>
/// The name of one commit of an index: its segments file and its version (<c>segments_7@1733…</c>), which both change with
/// every commit. What is kept beside an index and made from one commit (the renewal basis) carries this name, so it is
/// never taken for another commit's. (An index deleted by hand and made again in the same folder could repeat both;
/// deleting the folder's files deletes what was kept beside them too.)
/// </summary>
public static class CommitName
{
    /// <summary>The name of the commit a lease holds.</summary>
    public static string Of(SearcherLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return Format(((DirectoryReader)lease.Reader).IndexCommit.SegmentsFileName, lease.Version);
    }

    /// <summary>
    /// The name of the folder's latest commit, read from its segments file alone (no reader over the segments is opened,
    /// which costs more than a report needs when the kept basis is current); null when the folder holds no index.
    /// </summary>
    public static string? Latest(IndexStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!store.Exists)
            return null;
        var infos = new SegmentInfos();
        infos.Read(store.LuceneDirectory);
        return Format(infos.GetSegmentsFileName(), infos.Version);
    }

    private static string Format(string segmentsFile, long version) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{segmentsFile}@{version}");
}
