using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Ingest.Index.Store;

/// <summary>Opening Lucene's writer for an index: configuration (BM25, buffer), the schema tag, and recovery from a killed first commit.</summary>
internal static class LuceneWriters
{
    /// <summary>
    /// The Lucene writer of <paramref name="store"/>, its commits tagged with <see cref="IndexStore.SchemaVersion"/>; a new
    /// index gets an empty first commit at once. Only <see cref="IndexUpdater"/> calls it, under the writer lock.
    /// </summary>
    public static IndexWriter Open(IndexStore store, int? ramBufferMb)
    {
        var directory = store.LuceneDirectory;
        IndexWriter writer;
        try
        {
            writer = new IndexWriter(directory, WriterConfig(store, OpenMode.CREATE_OR_APPEND, ramBufferMb));
        }
        catch (IOException) when (SegmentInfos.GetLastCommitGeneration(directory) == 1)
        {
            // The process making this index's first commit was killed while writing it (Lucene 4.8 writes segments_N in
            // place, and a first commit has no earlier one to fall back to). Nothing was ever committed, so start afresh;
            // Lucene reads every commit file even to create, so the unreadable one goes first.
            foreach (var name in directory.ListAll().Where(name => name is "segments_1" or "segments.gen"))
                directory.DeleteFile(name);
            writer = new IndexWriter(directory, WriterConfig(store, OpenMode.CREATE, ramBufferMb));
        }
        // Every commit from now on records the layout it was written with.
        writer.SetCommitData(new Dictionary<string, string> { [IndexStore.SchemaKey] = IndexStore.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        // A new index gets an empty first commit at once: it is written in a moment, and every commit with documents then has
        // a readable one before it to fall back to if the process dies while writing.
        if (!DirectoryReader.IndexExists(directory))
            writer.Commit();
        return writer;
    }

    private static IndexWriterConfig WriterConfig(IndexStore store, OpenMode mode, int? ramBufferMb) => new(LuceneVersion.LUCENE_48, store.Analysis.Analyzer)
    {
        OpenMode = mode,
        Similarity = new BM25Similarity(),
        RAMBufferSizeMB = ramBufferMb ?? 64,
    };
}
