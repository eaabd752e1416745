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

    /// <summary>Most documents one <see cref="Find"/> candidate looks at (a file's sheets, or files sharing a name).</summary>
    public const int MaxFindDocuments = 1000;

    private static readonly HashSet<string> _recordField = [IndexFields.Record];

    private readonly object _gate = new();
    private readonly FSDirectory _directory;
    // Null until a commit exists: a store may be opened on a folder an import has not created yet.
    private SearcherManager? _manager;
    private bool _disposed;

    private IndexStore(string directory, IndexAnalysis analysis)
    {
        DirectoryPath = Path.GetFullPath(directory);
        Analysis = analysis;
        // Lucene creates the folder only when it first writes a file, so opening a missing index to read leaves no trace.
        _directory = FSDirectory.Open(DirectoryPath);
    }

    /// <summary>The default index folder: <c>ingest-index</c> under the current directory.</summary>
    public static string DefaultDirectory => Path.Combine(System.IO.Directory.GetCurrentDirectory(), DefaultFolderName);

    /// <summary>Name of the synonym file in the index folder that overrides the shipped synonyms for that index.</summary>
    public const string SynonymFileName = "synonyms.txt";

    /// <summary>
    /// Opens the index in <paramref name="directory"/> (which need not exist yet) with the product analysis, or with the
    /// index's own <c>synonyms.txt</c> when one was installed (<see cref="InstallSynonyms"/>), so queries and documents
    /// are always analysed alike. A malformed synonym file raises <see cref="FormatException"/> naming file and line.
    /// </summary>
    public static IndexStore Open(string directory)
    {
        var synonyms = Path.Combine(directory, SynonymFileName);
        return File.Exists(synonyms)
            ? Open(directory, new IndexAnalysis(AnalysisDefaults.Profile, AnalysisDefaults.Folder, SynonymCatalogue.Load(synonyms)))
            : Open(directory, IndexAnalysis.Default);
    }

    /// <summary>
    /// Makes <paramref name="synonymFile"/> this index's synonyms and re-indexes every stored record with them (records are
    /// stored whole, so no source file is needed). Returns the re-opened store; this instance is disposed.
    /// </summary>
    public IndexStore InstallSynonyms(string synonymFile)
    {
        SynonymCatalogue.Load(synonymFile);
        var records = AllRecords().ToList();
        var directory = DirectoryPath;
        Dispose();
        System.IO.Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, SynonymFileName);
        if (!string.Equals(Path.GetFullPath(synonymFile), target, StringComparison.Ordinal))
            File.Copy(synonymFile, target, overwrite: true);
        var reopened = Open(directory);
        reopened.Reindex(records);
        return reopened;
    }

    /// <summary>
    /// The layout of the documents this build writes. Raise it whenever a field is added or indexed differently, so an index
    /// written by an earlier build is noticed (<see cref="IsOutdated"/>) and upgraded (<see cref="Upgrade"/>) instead of
    /// silently missing the new field. 1: the first layout; 2: the department field (<c>dept</c>).
    /// </summary>
    public const int SchemaVersion = 2;

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
            return data.TryGetValue(SchemaKey, out var value) && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : 1;
        }
    }

    /// <summary>True when the index was written by an earlier build with another document layout and needs <see cref="Upgrade"/>.</summary>
    public bool IsOutdated => StoredSchemaVersion is { } version && version < SchemaVersion;

    /// <summary>
    /// Re-indexes every stored record with this build's document layout when the index is outdated (records are stored
    /// whole, so no source file is needed). Returns how many submissions were re-indexed; 0 when nothing was to do.
    /// </summary>
    public int Upgrade()
    {
        if (!IsOutdated)
            return 0;
        var records = AllRecords().ToList();
        Reindex(records);
        return records.Count;
    }

    private void Reindex(IReadOnlyList<SubmissionRecord> records)
    {
        using var updater = OpenUpdater();
        foreach (var file in records.GroupBy(record => (record.Source.Path, record.Source.Sha256)))
            updater.Replace(file.Key.Path, file.Key.Sha256, file.OrderBy(record => record.Ordinal).ToList());
        updater.Commit();
    }

    /// <summary>Opens the index with a given analysis (tests, benchmarks, a custom synonym file); the folder need not exist yet.</summary>
    public static IndexStore Open(string directory, IndexAnalysis analysis) => new(directory, analysis);

    /// <summary>The index folder (absolute).</summary>
    public string DirectoryPath { get; }

    /// <summary>The analysis used to index and to query.</summary>
    public IndexAnalysis Analysis { get; }

    /// <summary>True when a commit exists (something was imported).</summary>
    public bool Exists => DirectoryReader.IndexExists(_directory);

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

    /// <summary>
    /// Finds a record by its source path (as given or absolute), file name, record id (<c>sha256#ordinal</c>) or a
    /// SHA-256 prefix of at least 8 hex digits (optionally with <c>#ordinal</c>); the first submission of the file when no
    /// ordinal is given, and nothing when the ordinal given does not exist in the file.
    /// </summary>
    public SubmissionRecord? Find(string pathOrId)
    {
        if (string.IsNullOrWhiteSpace(pathOrId))
            return null;
        using var lease = AcquireSearcher();
        if (lease is null)
            return null;
        var searcher = lease.Searcher;
        var key = pathOrId.Trim();
        // Each candidate names the ordinal it asks for; null takes the file's first submission.
        var candidates = new List<(Query Query, int? Ordinal)>
        {
            (new TermQuery(new Term(IndexFields.Path, key)), null),
            // A full record id is the head term of exactly that submission.
            (new TermQuery(new Term(IndexFields.Head, key)), null),
        };
        if (SafeFullPath(key) is { } fullPath)
            candidates.Add((new TermQuery(new Term(IndexFields.Path, fullPath)), null));
        // A second path of the same content resolves to the content's records.
        foreach (var aliasKey in new[] { key, SafeFullPath(key) }.OfType<string>())
        {
            var alias = searcher.Search(new TermQuery(new Term(IndexFields.AliasPath, aliasKey)), 1);
            if (alias.ScoreDocs.Length > 0 && searcher.Doc(alias.ScoreDocs[0].Doc).Get(IndexFields.AliasSha256) is { } aliasSha)
                candidates.Add((new TermQuery(new Term(IndexFields.Sha256, aliasSha)), null));
        }
        candidates.Add((new TermQuery(new Term(IndexFields.FileName, Path.GetFileName(key))), null));
        int? ordinal = null;
        var hash = key;
        var hashMark = key.IndexOf('#', StringComparison.Ordinal);
        if (hashMark > 0 && int.TryParse(key[(hashMark + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            hash = key[..hashMark];
            ordinal = parsed;
        }
        if (hash.Length >= 8 && hash.All(char.IsAsciiHexDigit))
            candidates.Add((new PrefixQuery(new Term(IndexFields.Sha256, hash.ToLowerInvariant())), ordinal));

        foreach (var (candidate, wanted) in candidates)
        {
            // Every document of a file matches a path or hash; only a submission's head document stores the record.
            var top = searcher.Search(candidate, MaxFindDocuments);
            var records = top.ScoreDocs
                .Select(hit => searcher.Doc(hit.Doc, _recordField).Get(IndexFields.Record))
                .OfType<string>()
                .Select(json => RecordJson.Deserialize<SubmissionRecord>(json))
                .OfType<SubmissionRecord>()
                .OrderBy(record => record.Source.Path, StringComparer.Ordinal)
                .ThenBy(record => record.Ordinal)
                .ToList();
            var match = wanted is { } asked ? records.FirstOrDefault(record => record.Ordinal == asked) : records.FirstOrDefault();
            if (match is not null)
                return match;
        }
        return null;
    }

    /// <summary>Runs a search against the current commit (an empty result while the index has none).</summary>
    public SearchResult Search(SearchRequest request)
    {
        using var lease = AcquireSearcher();
        return lease is null ? SearchResult.Empty : new IndexSearch(lease.Searcher, Analysis).Run(request);
    }

    /// <summary>Opens the single writer of this index, creating the folder if needed; dispose it to release the lock.</summary>
    public IndexUpdater OpenUpdater(int? ramBufferMb = null)
    {
        System.IO.Directory.CreateDirectory(DirectoryPath);
        IndexWriter writer;
        try
        {
            writer = new IndexWriter(_directory, WriterConfig(OpenMode.CREATE_OR_APPEND, ramBufferMb));
        }
        catch (IOException) when (SegmentInfos.GetLastCommitGeneration(_directory) == 1)
        {
            // The process making this index's first commit was killed while writing it (Lucene 4.8 writes segments_N in
            // place, and a first commit has no earlier one to fall back to). Nothing was ever committed, so start afresh;
            // Lucene reads every commit file even to create, so the unreadable one goes first.
            foreach (var name in _directory.ListAll().Where(name => name is "segments_1" or "segments.gen"))
                _directory.DeleteFile(name);
            writer = new IndexWriter(_directory, WriterConfig(OpenMode.CREATE, ramBufferMb));
        }
        // Every commit from now on records the layout it was written with.
        writer.SetCommitData(new Dictionary<string, string> { [SchemaKey] = SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        // A new index gets an empty first commit at once: it is written in a moment, and every commit with documents then has
        // a readable one before it to fall back to if the process dies while writing.
        if (!DirectoryReader.IndexExists(_directory))
            writer.Commit();
        return new IndexUpdater(this, writer);
    }

    private IndexWriterConfig WriterConfig(OpenMode mode, int? ramBufferMb) => new(LuceneVersion.LUCENE_48, Analysis.Analyzer)
    {
        OpenMode = mode,
        Similarity = new BM25Similarity(),
        RAMBufferSizeMB = ramBufferMb ?? 64,
    };

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

    /// <summary>Keys (sha256) of every indexed file, read from the current commit.</summary>
    internal Dictionary<string, string> IndexedFiles()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        using var lease = AcquireSearcher();
        if (lease is null)
            return files;
        var reader = lease.Reader;
        var liveDocs = MultiFields.GetLiveDocs(reader);
        var wanted = new HashSet<string> { IndexFields.Sha256, IndexFields.Path };
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (liveDocs is not null && !liveDocs.Get(doc))
                continue;
            var stored = reader.Document(doc, wanted);
            if (stored.Get(IndexFields.Sha256) is { } sha && stored.Get(IndexFields.Path) is { } path)
                files.TryAdd(sha, path);
        }
        return files;
    }

    /// <summary>Alias paths (a second path of already-indexed content) → SHA-256, read from the current commit.</summary>
    internal Dictionary<string, string> AliasPaths()
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        using var lease = AcquireSearcher();
        if (lease is null)
            return aliases;
        var searcher = lease.Searcher;
        var top = searcher.Search(new WildcardQuery(new Term(IndexFields.AliasPath, "*")), int.MaxValue / 2);
        foreach (var hit in top.ScoreDocs)
        {
            var stored = searcher.Doc(hit.Doc);
            if (stored.Get(IndexFields.AliasPath) is { } path && stored.Get(IndexFields.AliasSha256) is { } sha)
                aliases[path] = sha;
        }
        return aliases;
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
    /// is briefly visible half-written. Later commits need no wait: Lucene then falls back to the previous commit.
    /// </summary>
    private static readonly TimeSpan _firstCommitWait = TimeSpan.FromSeconds(2);

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

    private static string? SafeFullPath(string key)
    {
        try
        {
            return Path.GetFullPath(key);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
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
