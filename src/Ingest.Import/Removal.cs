using Ingest.Index.Store;
using Ingest.Pipeline.Archives;

namespace Ingest.Import;

/// <summary>What one argument of <c>ingest remove</c> named: the indexed paths to remove, or why it named none.</summary>
/// <param name="Key">The argument as given.</param>
/// <param name="Paths">The indexed paths it names (owner paths and second paths alike).</param>
/// <param name="Problem">Why it names nothing, or null.</param>
public sealed record RemovalTarget(string Key, IReadOnlyList<string> Paths, string? Problem);

/// <summary>
/// Explicit removal of records. A key names, in this order: an indexed path (a file's path, or a second path of content
/// indexed under another); a folder or zip holding indexed paths (every one under it); or a record id or SHA-256 prefix
/// (8+ hex digits; the content under every path that holds it). A bare file name is not enough: several folders may hold
/// one. Removing a path that is a file's owner while a second path of the same content stays hands the records to that
/// path, as an import does; so paths are removed second paths first (<see cref="InRemovalOrder"/>).
/// </summary>
public static class Removal
{
    /// <summary>The paths each key names in <paramref name="indexed"/>; <paramref name="store"/> resolves record ids.</summary>
    public static IReadOnlyList<RemovalTarget> Resolve(IndexStore store, IndexedPaths indexed, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(indexed);
        ArgumentNullException.ThrowIfNull(keys);
        var known = indexed.Owners.Keys.Concat(indexed.Aliases.Keys).Order(StringComparer.Ordinal).ToList();
        return keys.Select(key => Resolve(store, indexed, known, key)).ToList();
    }

    private static RemovalTarget Resolve(IndexStore store, IndexedPaths indexed, List<string> known, string key)
    {
        var path = Absolute(key.Trim());
        if (path is not null)
        {
            var under = known.Where(candidate => ArchivePaths.IsWithin(candidate, path)).ToList();
            if (under.Count > 0)
                return new RemovalTarget(key, under, null);
        }
        if (LooksLikeId(key) && RecordLookup.Find(store, key) is { } record)
        {
            var sha = record.Source.Sha256;
            var holders = indexed.Owners.Values.Where(file => file.Sha256 == sha).Select(file => file.Path)
                .Concat(indexed.Aliases.Where(pair => pair.Value == sha).Select(pair => pair.Key)).ToList();
            return new RemovalTarget(key, holders, holders.Count == 0 ? "not in the index" : null);
        }
        return new RemovalTarget(key, [], "not in the index (give the file's or folder's path, or a record id such as sha256#0)");
    }

    /// <summary>Second paths before owner paths, so removing an owner hands its content only to a second path that stays.</summary>
    public static IEnumerable<string> InRemovalOrder(IEnumerable<string> paths, IndexedPaths indexed)
    {
        ArgumentNullException.ThrowIfNull(indexed);
        return paths.Distinct(StringComparer.Ordinal).OrderBy(path => indexed.Aliases.ContainsKey(path) ? 0 : 1).ThenBy(path => path, StringComparer.Ordinal);
    }

    private static bool LooksLikeId(string key)
    {
        var hash = key.Trim().Split('#', 2)[0];
        return hash.Length >= 8 && hash.All(char.IsAsciiHexDigit);
    }

    private static string? Absolute(string key)
    {
        try
        {
            return key.Length == 0 ? null : Path.GetFullPath(key);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }
}
