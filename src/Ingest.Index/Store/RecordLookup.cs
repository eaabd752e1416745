using System.Globalization;
using Ingest.Core.Records;
using Ingest.Core.Records.Renditions;
using Ingest.Index.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Ingest.Index.Store;

/// <summary>
/// Finds a stored record by what a user types: its source path (as given or absolute, the owner path or a second path of
/// the same content), file name, record id (<c>sha256#ordinal</c>) or a SHA-256 prefix of at least 8 hex digits
/// (optionally with <c>#ordinal</c>). Tries those readings in that order; the first that finds something wins.
/// </summary>
public static class RecordLookup
{
    /// <summary>Most documents one candidate looks at (a file's sheets, or files sharing a name).</summary>
    public const int MaxDocuments = 1000;

    private static readonly HashSet<string> _recordField = [IndexFields.Record];

    /// <summary>
    /// The record <paramref name="pathOrId"/> names in the store's current commit: the first submission of the file when no
    /// ordinal is given, and nothing when the ordinal given does not exist in the file.
    /// </summary>
    public static SubmissionRecord? Find(IndexStore store, string pathOrId) => FindAll(store, pathOrId).FirstOrDefault();

    /// <summary>
    /// Every record <paramref name="pathOrId"/> names: all submissions of the file (or of the content under a hash), in
    /// path and ordinal order; only that one when an ordinal is given; empty when nothing matches.
    /// </summary>
    public static IReadOnlyList<SubmissionRecord> FindAll(IndexStore store, string pathOrId)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (string.IsNullOrWhiteSpace(pathOrId))
            return [];
        using var lease = store.AcquireSearcher();
        if (lease is null)
            return [];
        var searcher = lease.Searcher;
        foreach (var (candidate, wanted) in Candidates(searcher, pathOrId.Trim()))
        {
            var records = Records(searcher, candidate);
            var matches = wanted is { } asked ? records.Where(record => record.Ordinal == asked).ToList() : records;
            if (matches.Count > 0)
                return matches;
        }
        return [];
    }

    /// <summary>
    /// The renditions of <paramref name="record"/>'s submission: every stored record with its rendition key, the most
    /// faithful first (the record alone when no other file carries it).
    /// </summary>
    public static RenditionGroup RenditionsOf(IndexStore store, SubmissionRecord record)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(record);
        var key = RenditionRule.KeyOf(record);
        using var lease = store.AcquireSearcher();
        var found = lease is null ? [] : Records(lease.Searcher, new TermQuery(new Term(IndexFields.Rendition, key)));
        if (!found.Any(other => other.Source.Sha256 == record.Source.Sha256 && other.Ordinal == record.Ordinal))
            found.Add(record);
        return new RenditionGroup(key, RenditionRule.Order(found));
    }

    /// <summary>The stored records of every document <paramref name="query"/> matches, by path and ordinal.</summary>
    internal static List<SubmissionRecord> Records(IndexSearcher searcher, Query query) =>
        // Every document of a file matches a path or hash; only a submission's head document stores the record.
        searcher.Search(query, MaxDocuments).ScoreDocs
            .Select(hit => searcher.Doc(hit.Doc, _recordField).Get(IndexFields.Record))
            .OfType<string>()
            .Select(json => RecordJson.Deserialize<SubmissionRecord>(json))
            .OfType<SubmissionRecord>()
            .OrderBy(record => record.Source.Path, StringComparer.Ordinal)
            .ThenBy(record => record.Ordinal)
            .ToList();

    /// <summary>The readings of a key, in order; each names the ordinal it asks for (null: the file's first submission).</summary>
    private static List<(Query Query, int? Ordinal)> Candidates(IndexSearcher searcher, string key)
    {
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
            if (AliasSha256(searcher, aliasKey) is { } aliasSha)
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
        return candidates;
    }

    private static string? AliasSha256(IndexSearcher searcher, string path)
    {
        var alias = searcher.Search(new TermQuery(new Term(IndexFields.AliasPath, path)), 1);
        return alias.ScoreDocs.Length > 0 ? searcher.Doc(alias.ScoreDocs[0].Doc).Get(IndexFields.AliasSha256) : null;
    }

    /// <summary>The absolute form of a key that may be a path; null when it cannot be one.</summary>
    internal static string? SafeFullPath(string key)
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
}
