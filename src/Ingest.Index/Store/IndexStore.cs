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
/// The index on disk and the records stored in it. Readers see the last commit; an import running at the same time
/// becomes visible after its next commit and <see cref="Refresh"/>. Searching is thread-safe; one updater at a time.
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
    private DirectoryReader? _reader;
    private IndexSearcher? _searcher;

    private IndexStore(string directory, IndexAnalysis analysis)
    {
        DirectoryPath = Path.GetFullPath(directory);
        Analysis = analysis;
        _directory = FSDirectory.Open(DirectoryPath);
    }

    /// <summary>The default index folder: <c>ingest-index</c> under the current directory.</summary>
    public static string DefaultDirectory => Path.Combine(System.IO.Directory.GetCurrentDirectory(), DefaultFolderName);

    /// <summary>Name of the synonym file in the index folder that overrides the shipped synonyms for that index.</summary>
    public const string SynonymFileName = "synonyms.txt";

    /// <summary>
    /// Opens (or prepares to create) the index in <paramref name="directory"/> with the product analysis, or with the
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
        var target = Path.Combine(directory, SynonymFileName);
        if (!string.Equals(Path.GetFullPath(synonymFile), target, StringComparison.Ordinal))
            File.Copy(synonymFile, target, overwrite: true);
        var reopened = Open(directory);
        using (var updater = reopened.OpenUpdater())
        {
            foreach (var file in records.GroupBy(record => (record.Source.Path, record.Source.Sha256)))
                updater.Replace(file.Key.Path, file.Key.Sha256, file.OrderBy(record => record.Ordinal).ToList());
            updater.Commit();
        }
        return reopened;
    }

    /// <summary>Opens the index with a given analysis (tests, benchmarks, a custom synonym file).</summary>
    public static IndexStore Open(string directory, IndexAnalysis analysis)
    {
        System.IO.Directory.CreateDirectory(directory);
        return new IndexStore(directory, analysis);
    }

    /// <summary>The index folder (absolute).</summary>
    public string DirectoryPath { get; }

    /// <summary>The analysis used to index and to query.</summary>
    public IndexAnalysis Analysis { get; }

    /// <summary>True when a commit exists (something was imported).</summary>
    public bool Exists => DirectoryReader.IndexExists(_directory);

    /// <summary>Every stored submission record, in index order.</summary>
    public IEnumerable<SubmissionRecord> AllRecords()
    {
        var searcher = Searcher();
        if (searcher is null)
            yield break;
        var reader = searcher.IndexReader;
        var liveDocs = MultiFields.GetLiveDocs(reader);
        var fields = new HashSet<string> { IndexFields.Record };
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (liveDocs is not null && !liveDocs.Get(doc))
                continue;
            var json = reader.Document(doc, fields).Get(IndexFields.Record);
            if (json is not null && RecordJson.Deserialize<SubmissionRecord>(json) is { } record)
                yield return record;
        }
    }

    /// <summary>
    /// Finds a record by its source path (as given or absolute), file name, record id (<c>sha256#ordinal</c>) or a
    /// SHA-256 prefix of at least 8 hex digits; the first submission of the file when no ordinal is given.
    /// </summary>
    public SubmissionRecord? Find(string pathOrId)
    {
        var searcher = Searcher();
        if (searcher is null || string.IsNullOrWhiteSpace(pathOrId))
            return null;
        var key = pathOrId.Trim();
        var candidates = new List<Query> { new TermQuery(new Term(IndexFields.Path, key)), new TermQuery(new Term(IndexFields.Head, key)) };
        try
        {
            candidates.Add(new TermQuery(new Term(IndexFields.Path, Path.GetFullPath(key))));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            // Not a path: try the other forms.
        }
        // A second path of the same content resolves to the content's records.
        foreach (var aliasKey in new[] { key, SafeFullPath(key) }.OfType<string>())
        {
            var alias = searcher.Search(new TermQuery(new Term(IndexFields.AliasPath, aliasKey)), 1);
            if (alias.ScoreDocs.Length > 0 && searcher.Doc(alias.ScoreDocs[0].Doc).Get(IndexFields.AliasSha256) is { } aliasSha)
                candidates.Add(new TermQuery(new Term(IndexFields.Sha256, aliasSha)));
        }
        candidates.Add(new TermQuery(new Term(IndexFields.FileName, Path.GetFileName(key))));
        var ordinal = 0;
        var hash = key;
        var hashMark = key.IndexOf('#', StringComparison.Ordinal);
        if (hashMark > 0 && int.TryParse(key[(hashMark + 1)..], out var parsed))
        {
            hash = key[..hashMark];
            ordinal = parsed;
        }
        if (hash.Length >= 8 && hash.All(char.IsAsciiHexDigit))
            candidates.Add(new PrefixQuery(new Term(IndexFields.Sha256, hash.ToLowerInvariant())));

        foreach (var candidate in candidates)
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
            var match = records.FirstOrDefault(record => record.Ordinal == ordinal) ?? records.FirstOrDefault();
            if (match is not null)
                return match;
        }
        return null;
    }

    /// <summary>Runs a search against the last commit.</summary>
    public SearchResult Search(SearchRequest request)
    {
        var searcher = Searcher();
        return searcher is null ? SearchResult.Empty : new IndexSearch(searcher, Analysis).Run(request);
    }

    /// <summary>Opens the single writer of this index; dispose it to release the lock.</summary>
    public IndexUpdater OpenUpdater(int? ramBufferMb = null)
    {
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, Analysis.Analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = ramBufferMb ?? 64,
        };
        return new IndexUpdater(this, new IndexWriter(_directory, config));
    }

    /// <summary>Re-opens the reader if a newer commit exists.</summary>
    public void Refresh()
    {
        lock (_gate)
        {
            if (_reader is null)
                return;
            var newer = DirectoryReader.OpenIfChanged(_reader);
            if (newer is null)
                return;
            _reader.Dispose();
            _reader = newer;
            _searcher = NewSearcher(newer);
        }
    }

    /// <summary>Keys (sha256) of every indexed file, read from the last commit.</summary>
    internal Dictionary<string, string> IndexedFiles()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var searcher = Searcher();
        if (searcher is null)
            return files;
        var reader = searcher.IndexReader;
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

    /// <summary>Alias paths (a second path of already-indexed content) → SHA-256, read from the last commit.</summary>
    internal Dictionary<string, string> AliasPaths()
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        var searcher = Searcher();
        if (searcher is null)
            return aliases;
        var top = searcher.Search(new WildcardQuery(new Term(IndexFields.AliasPath, "*")), int.MaxValue / 2);
        foreach (var hit in top.ScoreDocs)
        {
            var stored = searcher.Doc(hit.Doc);
            if (stored.Get(IndexFields.AliasPath) is { } path && stored.Get(IndexFields.AliasSha256) is { } sha)
                aliases[path] = sha;
        }
        return aliases;
    }

    /// <summary>The current searcher (the last commit), or null while the index is empty.</summary>
    public IndexSearcher? Searcher()
    {
        lock (_gate)
        {
            if (_searcher is not null)
                return _searcher;
            if (!DirectoryReader.IndexExists(_directory))
                return null;
            _reader = DirectoryReader.Open(_directory);
            _searcher = NewSearcher(_reader);
            return _searcher;
        }
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

    private static IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };

    public void Dispose()
    {
        lock (_gate)
        {
            _reader?.Dispose();
            _reader = null;
            _searcher = null;
        }
        _directory.Dispose();
    }
}
