using Ingest.Pipeline.Archives;

namespace Ingest.Import;

/// <summary>Options of a bulk import.</summary>
public sealed record BulkImportOptions
{
    /// <summary>Extraction workers; the default is one per core.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>Commit after this many changed files: a crash loses at most this much work, and searchers see progress.</summary>
    public int CommitEveryFiles { get; init; } = 1000;

    /// <summary>Commit at least this often while changes are pending.</summary>
    public TimeSpan CommitEvery { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Files read but not yet written, per stage: bounds memory whatever the archive's size.</summary>
    public int QueueCapacity { get; init; } = 32;

    public ArchiveLimits Limits { get; init; } = new();

    /// <summary>What to do with symbolic links that lead out of the roots: refused by default (<c>--follow-links</c> follows them).</summary>
    public LinkPolicy Links { get; init; } = LinkPolicy.StayInside;

    /// <summary>
    /// Keep the records of files that are gone from the roots walked. By default an import removes them (see
    /// <see cref="Reconciliation"/>), as long as the walk that missed them was complete.
    /// </summary>
    public bool KeepMissing { get; init; }
}
