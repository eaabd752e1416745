using Ingest.Core.Records;
using Ingest.Index.Analysis;
using Ingest.Index.Documents;
using Lucene.Net.Documents;
using Lucene.Net.Index;

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

    /// <summary>The writer of <paramref name="store"/>, under the lock it holds; releases <paramref name="ownedLock"/> when disposed.</summary>
    internal IndexUpdater(IndexStore store, IndexWriter writer, IndexWriterLock? ownedLock)
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
        prepared.EnsureIndexable();
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
        return RecordLookup.Records(new Lucene.Net.Search.IndexSearcher(reader), new Lucene.Net.Search.TermQuery(new Term(IndexFields.Sha256, sha256)));
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
