using System.Globalization;
using Ingest.Core.Records;
using Ingest.Index.Analysis;
using Ingest.Index.Documents;
using Ingest.Index.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Ingest.Index.Store;

/// <summary>
/// The index on disk and the records stored in it. Searches see the last commit this store has refreshed to: an import
/// (in this process or another) becomes visible after its commit and <see cref="Refresh"/>, which
/// <see cref="IndexUpdater.Commit"/> calls for updaters of this store. Readers are shared through Lucene's
/// <see cref="SearcherManager"/>, so a refresh never closes a reader another thread is still searching. Thread-safe for
/// searching and refreshing; one updater at a time. Opening does not create the folder: only an updater does.
/// </summary>
public sealed class IndexStore : IDisposable
{
    /// <summary>Name of the folder under the current directory that holds the default index.</summary>
    public const string DefaultFolderName = "ingest-index";

    private static readonly HashSet<string> _recordField = [IndexFields.Record];

    private readonly object _gate = new();
    private readonly FSDirectory _directory;
    // Null until a commit exists: a store may be opened on a folder an import has not created yet.
    private SearcherManager? _manager;
    private bool _disposed;

    // Built on first use: show, history and reports never analyse text, and building it loads the Japanese dictionary.
    private readonly Lazy<IndexAnalysis> _analysis;

    private IndexStore(string directory, Lazy<IndexAnalysis> analysis)
    {
        DirectoryPath = Path.GetFullPath(directory);
        _analysis = analysis;
        // Lucene creates the folder only when it first writes a file, so opening a missing index to read leaves no trace.
        _directory = FSDirectory.Open(DirectoryPath);
    }

    /// <summary>The default index folder: <c>ingest-index</c> under the current directory.</summary>
    public static string DefaultDirectory => Path.Combine(System.IO.Directory.GetCurrentDirectory(), DefaultFolderName);

    /// <summary>Name of the synonym file in the index folder that overrides the shipped synonyms for that index.</summary>
    public const string SynonymFileName = "synonyms.txt";

    /// <summary>Opens the index with a given analysis (tests, benchmarks, a custom synonym file); the folder need not exist yet.</summary>
    public static IndexStore Open(string directory, IndexAnalysis analysis) => new(directory, new Lazy<IndexAnalysis>(analysis));

    /// <summary>
    /// Opens the index in <paramref name="directory"/> (which need not exist yet) with the product analysis, or with the
    /// index's own <c>synonyms.txt</c> when one was installed (<see cref="IndexMaintenance.InstallSynonyms"/>), so queries and documents
    /// are always analysed alike. A malformed synonym file raises <see cref="FormatException"/> naming file and line. The
    /// analysis itself (the dictionary, the compiled synonyms) is built when <see cref="Analysis"/> is first asked for.
    /// </summary>
    public static IndexStore Open(string directory)
    {
        var synonymFile = Path.Combine(directory, SynonymFileName);
        if (!File.Exists(synonymFile))
            return new(directory, new Lazy<IndexAnalysis>(() => IndexAnalysis.Default));
        // Read now, so a malformed file is reported when the store opens rather than at the first search.
        var synonyms = SynonymCatalogue.Load(synonymFile);
        return new(directory, new Lazy<IndexAnalysis>(() => new IndexAnalysis(AnalysisDefaults.Profile, AnalysisDefaults.Folder, synonyms)));
    }

    /// <summary>
    /// The layout of the documents this build writes. Raise it whenever a field is added or indexed differently, so an index
    /// written by an earlier build is noticed (<see cref="IsOutdated"/>) and upgraded (<see cref="IndexMaintenance.Upgrade"/>) instead of
    /// silently missing the new field. 1: the first layout; 2: the department field (<c>dept</c>); 3: the rendition key.
    /// </summary>
    public const int SchemaVersion = 3;

    /// <summary>Commit user data key holding the <see cref="SchemaVersion"/> an index was written with.</summary>
    internal const string SchemaKey = "ingest.schema";

    /// <summary>The schema version of the current commit: 1 for an index written before versions were recorded, null when there is no index.</summary>
    public int? StoredSchemaVersion
    {
        get
        {
            using var lease = AcquireSearcher();
            if (lease is null)
                return null;
            var data = ((DirectoryReader)lease.Reader).IndexCommit.UserData;
            return data.TryGetValue(SchemaKey, out var value) && int.TryParse(value, CultureInfo.InvariantCulture, out var version) ? version : 1;
        }
    }

    /// <summary>True when the index was written by an earlier build with another document layout and needs <see cref="IndexMaintenance.Upgrade"/>.</summary>
    public bool IsOutdated => StoredSchemaVersion is { } version && version < SchemaVersion;

    /// <summary>The index folder (absolute).</summary>
    public string DirectoryPath { get; }

    /// <summary>The analysis used to index and to query (built on first use, then shared by every thread).</summary>
    public IndexAnalysis Analysis => _analysis.Value;

    /// <summary>The Lucene directory of the folder, for the writer (<see cref="IndexUpdater"/>).</summary>
    internal FSDirectory LuceneDirectory => _directory;

    /// <summary>True when a commit exists (something was imported).</summary>
    public bool Exists => DirectoryReader.IndexExists(_directory);

    /// <summary>True when <paramref name="directory"/> holds a committed index; opens nothing that could write to it.</summary>
    public static bool HoldsIndex(string directory)
    {
        using var folder = FSDirectory.Open(directory);
        return DirectoryReader.IndexExists(folder);
    }

    /// <summary>
    /// Borrows the searcher of the current commit, or returns null while the index has no commit. Dispose the lease when
    /// done (<c>using var lease = store.AcquireSearcher();</c>); until then its commit stays readable whatever refreshes.
    /// </summary>
    public SearcherLease? AcquireSearcher() => Manager() is { } manager ? new SearcherLease(manager) : null;

    /// <summary>
    /// Every stored submission record, in index order, read from one commit (held until the enumeration ends or is
    /// disposed, as <c>foreach</c> and LINQ do).
    /// </summary>
    public IEnumerable<SubmissionRecord> AllRecords()
    {
        using var lease = AcquireSearcher();
        if (lease is null)
            yield break;
        foreach (var record in AllRecords(lease))
            yield return record;
    }

    /// <summary>Every stored submission record of the commit <paramref name="lease"/> holds, in index order.</summary>
    public static IEnumerable<SubmissionRecord> AllRecords(SearcherLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var reader = lease.Reader;
        var liveDocs = MultiFields.GetLiveDocs(reader);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (liveDocs is not null && !liveDocs.Get(doc))
                continue;
            var json = reader.Document(doc, _recordField).Get(IndexFields.Record);
            if (json is not null && RecordJson.Deserialize<SubmissionRecord>(json) is { } record)
                yield return record;
        }
    }

    /// <summary>The record <paramref name="pathOrId"/> names (path, file name, record id or hash prefix; see <see cref="RecordLookup"/>).</summary>
    public SubmissionRecord? Find(string pathOrId) => RecordLookup.Find(this, pathOrId);

    /// <summary>Runs a search against the current commit (an empty result while the index has none).</summary>
    public SearchResult Search(SearchRequest request)
    {
        using var lease = AcquireSearcher();
        return lease is null ? SearchResult.Empty : new IndexSearch(lease.Searcher, Analysis).Run(request);
    }

    /// <summary>
    /// Opens the single writer of this index, creating the folder if needed. The writer works under
    /// <paramref name="writerLock"/> (which the caller keeps holding after the updater is disposed), or, when none is given,
    /// takes the lock itself and releases it on disposal; <see cref="IndexBusyException"/> when another process writes.
    /// </summary>
    public IndexUpdater OpenUpdater(IndexWriterLock? writerLock = null, int? ramBufferMb = null)
    {
        var owned = writerLock is null ? IndexWriterLock.Acquire(DirectoryPath) : null;
        try
        {
            (writerLock ?? owned!).EnsureHeldFor(DirectoryPath);
            return new IndexUpdater(this, LuceneWriters.Open(this, ramBufferMb), owned);
        }
        catch
        {
            owned?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Moves this store to the newest commit on disk, if there is a newer one (or a first one): searches that start
    /// after it returns see that commit, searches already running finish on theirs. Cheap when nothing changed (Lucene
    /// compares the commit generation); waits for a refresh another thread is doing. Does nothing once disposed.
    /// </summary>
    public void Refresh()
    {
        SearcherManager? manager;
        lock (_gate)
        {
            if (_disposed)
                return;
            // A manager made now opens the newest commit itself.
            if (_manager is null)
            {
                OpenManagerIfCommitted();
                return;
            }
            manager = _manager;
        }
        manager.MaybeRefreshBlocking();
    }

    /// <summary>The searcher manager, made on first use once a commit exists; null before that.</summary>
    private SearcherManager? Manager()
    {
        // Every search passes here: no lock once the manager exists (Dispose clears the field before disposing it).
        if (Volatile.Read(ref _manager) is { } manager)
            return manager;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _manager ?? OpenManagerIfCommitted();
        }
    }

    /// <summary>
    /// How long a first commit that exists but cannot be read yet is waited for. Lucene 4.8 writes <c>segments_N</c> in
    /// place and adds its checksum footer a moment later, so an import in another process making the index's first commit
    /// is briefly visible half-written; on a loaded machine "briefly" has been seen to pass 2 s. Later commits need no wait:
    /// Lucene then falls back to the previous commit.
    /// </summary>
    private static readonly TimeSpan _firstCommitWait = TimeSpan.FromSeconds(5);

    // Called under _gate.
    private SearcherManager? OpenManagerIfCommitted()
    {
        var deadline = DateTime.UtcNow + _firstCommitWait;
        while (DirectoryReader.IndexExists(_directory))
        {
            try
            {
                Volatile.Write(ref _manager, new SearcherManager(_directory, Bm25SearcherFactory.Instance));
                break;
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Still being written (a commit that stays unreadable fails once the wait is over).
                Thread.Sleep(50);
            }
        }
        return _manager;
    }

    /// <summary>
    /// Closes the store. A lease still out keeps its reader open until it is disposed (the manager's reference count);
    /// no new lease can be taken.
    /// </summary>
    public void Dispose()
    {
        SearcherManager? manager;
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            manager = _manager;
            Volatile.Write(ref _manager, null);
        }
        manager?.Dispose();
        _directory.Dispose();
    }

    /// <summary>Searchers rank with BM25, as the writer's similarity does.</summary>
    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public static readonly Bm25SearcherFactory Instance = new();

        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
