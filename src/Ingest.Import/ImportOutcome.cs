namespace Ingest.Import;

/// <summary>How one file fared in an import.</summary>
public enum ImportOutcome
{
    /// <summary>New content, records added.</summary>
    Added,
    /// <summary>The path held other content; its old records were replaced.</summary>
    Replaced,
    /// <summary>The same content is already indexed; nothing changed.</summary>
    Unchanged,
    /// <summary>The file could not be read or yielded no submission; the index keeps what it had.</summary>
    Failed,
    /// <summary>The file is gone from a folder the import walked completely; its records were removed.</summary>
    Removed,
}

/// <summary>How one file fared: the import summary and the JSON Lines log are made of these.</summary>
public sealed record FileOutcome(string Path, ImportOutcome Outcome, int Submissions, string? Message, string? Sha256)
{
    /// <summary>Files skipped as unsupported are noted but are not failures.</summary>
    public bool Skipped { get; init; }

    /// <summary>Labels of the file's sheets no field was recognised for (<c>ingest labels --unknown</c> lists them).</summary>
    public int UnknownLabels { get; init; }
}

/// <summary>
/// What an import tells its caller as it goes. Every file's outcome is <see cref="Decided"/> as soon as it is known (for
/// progress and failure lines), and is <see cref="Durable"/> once nothing can undo it: at once for a file that changes
/// nothing (unchanged, failed, skipped), after the commit that holds it for a file that changes the index. A log written
/// from <see cref="Durable"/> therefore never claims a file was added that a crash then lost.
/// </summary>
public sealed record ImportObserver
{
    /// <summary>An outcome is known; a change to the index may not be committed yet.</summary>
    public Action<FileOutcome>? Decided { get; init; }

    /// <summary>An outcome is final and, if it changed the index, committed.</summary>
    public Action<FileOutcome>? Durable { get; init; }
}

/// <summary>Counts of a finished import.</summary>
public sealed record BulkImportSummary(int Imported, int Unchanged, int Replaced, int Failed, int Skipped, long Bytes, TimeSpan Elapsed)
{
    /// <summary>Stored submissions re-indexed first because the index was written by an earlier build (see <see cref="Index.Store.IndexMaintenance.Upgrade"/>).</summary>
    public int Upgraded { get; init; }

    /// <summary>Indexed files removed because a complete walk of their folder found them gone.</summary>
    public int Removed { get; init; }

    /// <summary>
    /// Indexed files not found by this walk but kept, because the folder or zip that held them could not be walked
    /// (or a root came back empty), so the walk proved nothing about them.
    /// </summary>
    public int KeptUnverified { get; init; }

    public int Files => Imported + Unchanged + Replaced + Failed;
}
