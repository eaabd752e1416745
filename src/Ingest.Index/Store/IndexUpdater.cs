using System.Text;
using Ingest.Core.Records;
using Ingest.Index.Analysis;
using Ingest.Index.Documents;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Ingest.Index.Store;

/// <summary>
/// The one writer of an index: replaces a file's records, knows which files (by SHA-256) are already in, and commits.
/// It works under the index's <see cref="IndexWriterLock"/>, so no other process writes meanwhile. Not thread-safe; an
/// importer drives it from one thread. Disposing commits what is pending (Lucene's close).
/// </summary>
public sealed class IndexUpdater : IDisposable
{
    private readonly IndexStore _store;
    private readonly IndexWriter _writer;
    private readonly IndexWriterLock? _ownedLock;
    private readonly Dictionary<string, string> _pathBySha;
    private readonly Dictionary<string, string> _shaByPath;
    private readonly Dictionary<string, string> _aliasShaByPath;

    private IndexUpdater(IndexStore store, IndexWriter writer, IndexWriterLock? ownedLock)
    {
        _store = store;
        _writer = writer;
        _ownedLock = ownedLock;
        // What the index held when the lock was taken: no other writer can change it from now on.
        store.Refresh();
        var paths = AtStart = IndexedPaths.Read(store);
        _shaByPath = paths.Owners.ToDictionary(pair => pair.Key, pair => pair.Value.Sha256, StringComparer.Ordinal);
        _pathBySha = _shaByPath.GroupBy(pair => pair.Value, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First().Key, StringComparer.Ordinal);
        _aliasShaByPath = new Dictionary<string, string>(paths.Aliases, StringComparer.Ordinal);
    }

    /// <summary>
    /// Opens the writer of <paramref name="store"/> under <paramref name="writerLock"/>, or under a lock of its own taken at
    /// once and released on disposal. See <see cref="IndexStore.OpenUpdater"/>.
    /// </summary>
    internal static IndexUpdater Open(IndexStore store, IndexWriterLock? writerLock, int? ramBufferMb)
    {
        var owned = writerLock is null ? IndexWriterLock.Acquire(store.DirectoryPath) : null;
        try
        {
            (writerLock ?? owned!).EnsureHeldFor(store.DirectoryPath);
            return new IndexUpdater(store, OpenWriter(store, ramBufferMb), owned);
        }
        catch
        {
            owned?.Dispose();
            throw;
        }
    }

    private static IndexWriter OpenWriter(IndexStore store, int? ramBufferMb)
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

    /// <summary>What the index held when this updater opened (its changes since are not in it).</summary>
    public IndexedPaths AtStart { get; }

    /// <summary>
    /// Records that <paramref name="path"/> holds the same content as an indexed file: one submission, known by both
    /// paths (<see cref="RecordLookup"/> finds it by either). Adds no records.
    /// </summary>
    public void AddPath(string sha256, string path)
    {
        _writer.DeleteDocuments(new Term(IndexFields.AliasPath, path));
        _writer.AddDocument(new Document
        {
            new StringField(IndexFields.AliasPath, path, Field.Store.YES),
            new StringField(IndexFields.AliasSha256, sha256, Field.Store.YES),
        });
        _aliasShaByPath[path] = sha256;
    }

    /// <summary>The content hash indexed for <paramref name="path"/>, if any.</summary>
    public string? IndexedSha256(string path) => _shaByPath.GetValueOrDefault(path);

    /// <summary>The path a file with this content was indexed under, if any.</summary>
    public string? IndexedPath(string sha256) => _pathBySha.GetValueOrDefault(sha256);

    /// <summary>
    /// Replaces everything indexed for <paramref name="path"/> (and for content <paramref name="sha256"/>) with
    /// <paramref name="records"/>; returns true when older records of the path were replaced.
    /// </summary>
    public bool Replace(string path, string sha256, IReadOnlyList<SubmissionRecord> records) =>
        Replace(path, sha256, Prepare(_store.Analysis, records));

    /// <summary>
    /// Analyses <paramref name="records"/> into their index documents. This is most of the cost of indexing and touches
    /// no writer state, so importers call it on their worker threads and hand the single writer ready documents.
    /// </summary>
    public static PreparedDocuments Prepare(IndexAnalysis analysis, IReadOnlyList<SubmissionRecord> records)
    {
        var documents = new List<IReadOnlyList<Document>>(records.Count);
        foreach (var record in records)
        {
            var analyzer = analysis.ForAliases(DefinedAliases.Find(record, analysis));
            documents.Add(SheetDocumentBuilder.Build(record, analysis, analyzer));
        }
        return new PreparedDocuments(documents);
    }

    /// <summary>
    /// As <see cref="Replace(string, string, IReadOnlyList{SubmissionRecord})"/>, with documents made by <see cref="Prepare"/>.
    /// Documents Lucene would refuse raise <see cref="ArgumentException"/> before anything is deleted, so the path keeps its old records.
    /// </summary>
    public bool Replace(string path, string sha256, PreparedDocuments prepared)
    {
        EnsureIndexable(prepared);
        var replaced = _shaByPath.TryGetValue(path, out var oldSha);
        var orphaned = oldSha is not null && oldSha != sha256 ? TakeOrphanedContent(oldSha) : null;
        _writer.DeleteDocuments(new Term(IndexFields.Path, path), new Term(IndexFields.Sha256, sha256), new Term(IndexFields.AliasPath, path));
        _aliasShaByPath.Remove(path);
        if (oldSha is not null)
            _pathBySha.Remove(oldSha);
        foreach (var block in prepared.Blocks)
            _writer.AddDocuments(block);
        _pathBySha[sha256] = path;
        _shaByPath[path] = sha256;
        orphaned?.Invoke();
        return replaced && oldSha != sha256;
    }

    /// <summary>
    /// When a path's content changes or goes, the old content may still be known by second paths (<see cref="AddPath"/>):
    /// those files still hold it, so it must not leave the index with its owner. The first such path (in ordinal order)
    /// inherits the records, re-indexed under its own path from the stored records (no file is read again) by an ordinary
    /// <see cref="Replace(string, string, IReadOnlyList{SubmissionRecord})"/>, which also drops its alias document; the
    /// others stay second paths of it. Returns the step to run once the old owner's documents are deleted, or null when no
    /// second path exists. The stored records are read now, before the owner's deletion hides them.
    /// </summary>
    private Action? TakeOrphanedContent(string sha256)
    {
        var heir = _aliasShaByPath.Where(pair => pair.Value == sha256).Select(pair => pair.Key).Order(StringComparer.Ordinal).FirstOrDefault();
        if (heir is null)
            return null;
        var records = StoredRecords(sha256).Select(record => record with { Source = record.Source with { Path = heir } }).ToList();
        return () => Replace(heir, sha256, records);
    }

    /// <summary>The stored records of content <paramref name="sha256"/>, including changes not yet committed (a near-real-time reader of this writer).</summary>
    private List<SubmissionRecord> StoredRecords(string sha256)
    {
        using var reader = DirectoryReader.Open(_writer, applyAllDeletes: true);
        var searcher = new Lucene.Net.Search.IndexSearcher(reader);
        var hits = searcher.Search(new Lucene.Net.Search.TermQuery(new Term(IndexFields.Sha256, sha256)), RecordLookup.MaxDocuments);
        return hits.ScoreDocs
            .Select(hit => searcher.Doc(hit.Doc).Get(IndexFields.Record))
            .OfType<string>()
            .Select(json => RecordJson.Deserialize<SubmissionRecord>(json))
            .OfType<SubmissionRecord>()
            .OrderBy(record => record.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Lucene refuses a document holding a term longer than <see cref="IndexWriter.MAX_TERM_LENGTH"/> bytes, but only once
    /// the deletes before it are queued. Analysed text never gets there (the analyzer drops long tokens), nor do departments
    /// and partners (<see cref="SheetDocumentBuilder.IsKeyword"/>); a path from an absurd zip entry name still can.
    /// </summary>
    private static void EnsureIndexable(PreparedDocuments prepared)
    {
        foreach (var field in prepared.Blocks.SelectMany(block => block).SelectMany(document => document.Fields))
        {
            if (field.IndexableFieldType is { IsIndexed: true, IsTokenized: false } && field.GetStringValue() is { } value && !SheetDocumentBuilder.IsKeyword(value))
                throw new ArgumentException($"field {field.Name} holds a term of {Encoding.UTF8.GetByteCount(value):N0} bytes; Lucene's limit is {IndexWriter.MAX_TERM_LENGTH:N0}");
        }
    }

    /// <summary>
    /// Forgets <paramref name="path"/>: its records when it is a file's owner path, or its note when it is a second path of
    /// content indexed elsewhere. Content that a second path still holds stays, under that path (see
    /// <see cref="TakeOrphanedContent"/>). Returns false when the index did not know the path.
    /// </summary>
    public bool Remove(string path)
    {
        var known = _shaByPath.ContainsKey(path) || _aliasShaByPath.ContainsKey(path);
        var orphaned = _shaByPath.TryGetValue(path, out var owned) ? TakeOrphanedContent(owned) : null;
        _writer.DeleteDocuments(new Term(IndexFields.Path, path), new Term(IndexFields.AliasPath, path));
        _aliasShaByPath.Remove(path);
        if (_shaByPath.Remove(path, out var sha))
            _pathBySha.Remove(sha);
        orphaned?.Invoke();
        return known;
    }

    /// <summary>Removes content <paramref name="sha256"/> under every path that holds it (owner and second paths); returns those paths.</summary>
    public IReadOnlyList<string> RemoveContent(string sha256)
    {
        var paths = PathsOf(sha256);
        foreach (var alias in paths.Skip(1))
            Remove(alias); // the second paths first, so removing the owner hands the content to nobody
        if (paths.Count > 0)
            Remove(paths[0]);
        return paths;
    }

    /// <summary>Every path that holds content <paramref name="sha256"/>: the owner first, then the second paths in ordinal order.</summary>
    public IReadOnlyList<string> PathsOf(string sha256)
    {
        var paths = new List<string>();
        if (_pathBySha.TryGetValue(sha256, out var owner))
            paths.Add(owner);
        paths.AddRange(_aliasShaByPath.Where(pair => pair.Value == sha256).Select(pair => pair.Key).Order(StringComparer.Ordinal));
        return paths;
    }

    /// <summary>Every path the index knows now, owner and second paths alike (changes of this updater included).</summary>
    public IEnumerable<string> KnownPaths() => _shaByPath.Keys.Concat(_aliasShaByPath.Keys);

    /// <summary>Makes every change so far durable and visible to new readers.</summary>
    public void Commit()
    {
        _writer.Commit();
        _store.Refresh();
    }

    /// <summary>Closes the writer (committing what is pending) and releases the writer lock if this updater took it.</summary>
    public void Dispose()
    {
        try
        {
            _writer.Dispose(waitForMerges: true);
        }
        finally
        {
            _ownedLock?.Dispose();
        }
    }
}

/// <summary>A file's records as analysed index documents, one block per submission, ready for <see cref="IndexUpdater.Replace(string, string, PreparedDocuments)"/>.</summary>
public sealed class PreparedDocuments(IReadOnlyList<IReadOnlyList<Document>> blocks)
{
    /// <summary>No documents (a file that failed, or content already indexed).</summary>
    public static PreparedDocuments None { get; } = new([]);

    /// <summary>One block of documents per submission; a block is added atomically.</summary>
    public IReadOnlyList<IReadOnlyList<Document>> Blocks { get; } = blocks;
}
