using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Ingest.Index.Store;

/// <summary>
/// A searcher borrowed from an <see cref="IndexStore"/>: one commit of the index, kept open until the lease is disposed
/// even when the store refreshes to a newer commit meanwhile (Lucene's <see cref="SearcherManager"/> counts the references).
/// Use it in a <c>using</c>; do not keep the searcher or anything read lazily from it past disposal. Disposing twice is harmless.
/// </summary>
public sealed class SearcherLease : IDisposable
{
    private SearcherManager? _manager;

    internal SearcherLease(SearcherManager manager)
    {
        Searcher = manager.Acquire();
        _manager = manager;
    }

    /// <summary>The searcher over the commit this lease holds.</summary>
    public IndexSearcher Searcher { get; }

    /// <summary>The reader of that commit.</summary>
    public IndexReader Reader => Searcher.IndexReader;

    /// <summary>
    /// The commit's version: it grows with every commit, so two leases with the same version see the same documents
    /// (see <see cref="DirectoryReader.Version"/>).
    /// </summary>
    public long Version => ((DirectoryReader)Searcher.IndexReader).Version;

    /// <summary>Gives the searcher back; its reader closes once no lease holds it and the store has moved on.</summary>
    public void Dispose()
    {
        // Exchange, so a second Dispose cannot release a reference twice (that would close a reader others still use).
        Interlocked.Exchange(ref _manager, null)?.Release(Searcher);
    }
}
