using Ingest.Core.Diagnostics;
using Ingest.Core.Records;

namespace Ingest.Pipeline;

/// <summary>What came out of one file: its submissions, or the reason it could not be read.</summary>
public sealed record FileExtraction
{
    public required string Path { get; init; }
    public required string Sha256 { get; init; }
    /// <summary>The format the content was read as (<c>text</c>, <c>pdf</c>, <c>docx</c>), or null when no reader took it.</summary>
    public string? Format { get; init; }
    public IReadOnlyList<SubmissionRecord> Submissions { get; init; } = [];
    /// <summary>Why the file yielded nothing; null on success.</summary>
    public string? Error { get; init; }
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    public bool Succeeded => Error is null;
}
