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
}
