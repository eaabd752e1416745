using Ingest.Core.Records;
using Ingest.Index.Analysis;
using Ingest.Index.Documents;
using Ingest.Index.Store;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Ingest.Index.Tests;

/// <summary>
/// Writes an index as the first document layout (schema 1) did: this build's documents without the department field
/// (<see cref="IndexFields.Department"/>), in a commit whose user data names no schema. Also compiled into the import tests,
/// which upgrade such an index through a real import.
/// </summary>
internal static class FirstLayoutIndex
{
    public static void Write(string directory, IReadOnlyList<SubmissionRecord> records)
    {
        var analysis = IndexAnalysis.Default;
        using var folder = Lucene.Net.Store.FSDirectory.Open(directory);
        using var writer = new IndexWriter(folder, new IndexWriterConfig(LuceneVersion.LUCENE_48, analysis.Analyzer));
        foreach (var block in IndexUpdater.Prepare(analysis, records).Blocks)
        {
            foreach (var document in block)
                document.RemoveFields(IndexFields.Department);
            writer.AddDocuments(block);
        }
        writer.Commit();
    }
}
