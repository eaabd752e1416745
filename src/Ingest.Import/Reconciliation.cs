using Ingest.Pipeline.Archives;

namespace Ingest.Import;

/// <summary>An indexed path the import's roots no longer hold, or hold but could not show.</summary>
/// <param name="Path">The indexed path (a file's owner path or a second path of its content).</param>
/// <param name="Reason">Why it goes, or why it stays.</param>
public sealed record MissingPath(string Path, string Reason);

/// <summary>What reconciling the index with a walk decided: the paths to remove, and those kept because the walk proved nothing.</summary>
public sealed record ReconciliationPlan(IReadOnlyList<MissingPath> Remove, IReadOnlyList<MissingPath> Keep);

/// <summary>
/// Decides which indexed paths a finished walk proved gone. A path is removed only when all of these hold: it lies under a
/// root the import walked (the root itself, a file in its folders, or an entry of a zip there); the walk did not meet it;
/// no folder or zip on its way was left unwalked (unreadable, a link not followed, a corrupt or oversized zip); and its root
/// yielded at least one file — an unmounted share often leaves an empty mount point, which must not read as "everything
/// was deleted". A root that was not found at all is left unwalked by the walker, so its records stay too. Pure.
/// </summary>
public static class Reconciliation
{
    public static ReconciliationPlan Plan(IReadOnlyList<string> roots, WalkLedger ledger, IEnumerable<string> indexedPaths)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(indexedPaths);
        var remove = new List<MissingPath>();
        var keep = new List<MissingPath>();
        foreach (var path in indexedPaths.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var root = roots.FirstOrDefault(candidate => ArchivePaths.IsWithin(path, candidate));
            if (root is null || ledger.Saw(path))
                continue;
            if (ledger.UnwalkedAbove(path) is { } unwalked)
                keep.Add(new MissingPath(path, $"kept: {unwalked} could not be walked, so this walk proves nothing about it"));
            else if (ledger.ItemsUnder(root) == 0)
                keep.Add(new MissingPath(path, $"kept: {root} held no file at all (an unmounted share looks like this); `ingest remove {root}` removes its records"));
            else
                remove.Add(new MissingPath(path, "gone from disk"));
        }
        return new ReconciliationPlan(remove, keep);
    }
}
