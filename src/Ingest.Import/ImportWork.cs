using Ingest.Index.Store;
using Ingest.Pipeline.Archives;

namespace Ingest.Import;

/// <summary>A file read by the walking stage, for the extraction workers.</summary>
internal sealed record Work(string Path, ReadOnlyMemory<byte> Content, string Sha256, ArchiveMetadata Metadata);

/// <summary>A file's outcome and its analysed documents, for the writer.</summary>
internal sealed record Done(FileOutcome Outcome, PreparedDocuments Documents)
{
    /// <summary>An outcome with nothing to write (an issue, an unchanged file).</summary>
    public static Done Only(FileOutcome outcome) => new(outcome, PreparedDocuments.None);
}
