using Ingest.Core.Diagnostics;
using Ingest.Core.Layout;
using Ingest.Core.Records;

namespace Ingest.Extraction;

/// <summary>Turns a layout into the submissions it holds. Pure: no I/O, thread-safe.</summary>
public interface ISubmissionExtractor
{
    /// <summary>Extracts every submission of one file; a layout with no submission content is a failed result, never an empty record.</summary>
    Result<IReadOnlyList<SubmissionRecord>> Extract(LayoutDocument layout, SourceInfo source);
}
