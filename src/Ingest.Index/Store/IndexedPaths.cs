using Ingest.Index.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Ingest.Index.Store;

/// <summary>A file the index holds records of, under the path its records carry.</summary>
/// <param name="Path">The path the records carry (the file's owner path).</param>
/// <param name="Sha256">The content's hash.</param>
/// <param name="Submissions">How many submissions the file holds.</param>
public sealed record IndexedFile(string Path, string Sha256, int Submissions);

/// <summary>
/// Every path one commit of the index knows: each file's owner path (the path its records carry) and the second paths of
/// content indexed under another path (<see cref="IndexUpdater.AddPath"/>). Read once by a writer to start from, and by
/// previews (<c>--dry-run</c>) that change nothing.
/// </summary>
public sealed class IndexedPaths
{
    private IndexedPaths(Dictionary<string, IndexedFile> owners, Dictionary<string, string> aliases)
    {
        Owners = owners;
        Aliases = aliases;
    }

    /// <summary>Owner path → the file indexed under it.</summary>
    public IReadOnlyDictionary<string, IndexedFile> Owners { get; }

    /// <summary>Second path → the SHA-256 of the content it holds.</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; }

    /// <summary>No index yet.</summary>
    public static IndexedPaths Empty { get; } = new(new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    /// <summary>Reads the store's current commit (empty while it has none).</summary>
    public static IndexedPaths Read(IndexStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var lease = store.AcquireSearcher();
        return lease is null ? Empty : new IndexedPaths(ReadOwners(lease.Reader), ReadAliases(lease.Searcher));
    }

    private static Dictionary<string, IndexedFile> ReadOwners(IndexReader reader)
    {
        var submissions = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var shaByPath = new Dictionary<string, string>(StringComparer.Ordinal);
        var liveDocs = MultiFields.GetLiveDocs(reader);
        var wanted = new HashSet<string> { IndexFields.Sha256, IndexFields.Path, IndexFields.Submission };
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (liveDocs is not null && !liveDocs.Get(doc))
                continue;
            var stored = reader.Document(doc, wanted);
            if (stored.Get(IndexFields.Sha256) is not { } sha || stored.Get(IndexFields.Path) is not { } path)
                continue;
            shaByPath.TryAdd(path, sha);
            if (!submissions.TryGetValue(path, out var keys))
                submissions[path] = keys = new HashSet<string>(StringComparer.Ordinal);
            if (stored.Get(IndexFields.Submission) is { } key)
                keys.Add(key);
        }
        return shaByPath.ToDictionary(pair => pair.Key, pair => new IndexedFile(pair.Key, pair.Value, submissions[pair.Key].Count), StringComparer.Ordinal);
    }

    private static Dictionary<string, string> ReadAliases(IndexSearcher searcher)
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        var top = searcher.Search(new WildcardQuery(new Term(IndexFields.AliasPath, "*")), int.MaxValue / 2);
        foreach (var hit in top.ScoreDocs)
        {
            var stored = searcher.Doc(hit.Doc);
            if (stored.Get(IndexFields.AliasPath) is { } path && stored.Get(IndexFields.AliasSha256) is { } sha)
                aliases[path] = sha;
        }
        return aliases;
    }
}
