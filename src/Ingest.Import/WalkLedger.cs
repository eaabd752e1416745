using Ingest.Pipeline.Archives;

namespace Ingest.Import;

/// <summary>
/// What a walk of the import's roots saw: every path it met (files read, refused or skipped alike), the folders and zips
/// whose contents it could not see (<see cref="ArchiveIssue.Unwalked"/>), and how much each root yielded. This is the
/// evidence reconciliation goes on: a path is proved gone only if its root was walked, it was not met, and nothing on
/// its way was left unwalked. Filled by the walking stage alone, read once the walk has ended.
/// </summary>
public sealed class WalkLedger
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _unwalked = [];
    private readonly Dictionary<string, int> _itemsByRoot = new(StringComparer.Ordinal);

    /// <summary>Notes an item met while walking <paramref name="root"/>.</summary>
    public void Saw(string root, ArchiveItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _seen.Add(item.Path);
        if (item is ArchiveIssue { Unwalked: { } unwalked })
            _unwalked.Add(unwalked);
        else
            _itemsByRoot[root] = _itemsByRoot.GetValueOrDefault(root) + 1;
    }

    /// <summary>Notes a root whose walk has begun (so a root that yields nothing is known to have been walked and found empty).</summary>
    public void Began(string root) => _itemsByRoot.TryAdd(root, 0);

    /// <summary>Whether the walk met <paramref name="path"/>.</summary>
    public bool Saw(string path) => _seen.Contains(path);

    /// <summary>How many files (read, refused or skipped) the walk of <paramref name="root"/> met; 0 when it met none or was not walked.</summary>
    public int ItemsUnder(string root) => _itemsByRoot.GetValueOrDefault(root);

    /// <summary>The folder or zip left unwalked that <paramref name="path"/> lies in (or is), or null when its way was walked.</summary>
    public string? UnwalkedAbove(string path) => _unwalked.FirstOrDefault(folder => ArchivePaths.IsWithin(path, folder));
}
