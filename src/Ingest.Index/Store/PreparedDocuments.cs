using System.Text;
using Ingest.Index.Documents;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace Ingest.Index.Store;

/// <summary>A file's records as analysed index documents, one block per submission, ready for <see cref="IndexUpdater.Replace(string, string, PreparedDocuments)"/>.</summary>
public sealed class PreparedDocuments(IReadOnlyList<IReadOnlyList<Document>> blocks)
{
    /// <summary>No documents (a file that failed, or content already indexed).</summary>
    public static PreparedDocuments None { get; } = new([]);

    /// <summary>One block of documents per submission; a block is added atomically.</summary>
    public IReadOnlyList<IReadOnlyList<Document>> Blocks { get; } = blocks;

    /// <summary>
    /// Lucene refuses a document holding a term longer than <see cref="IndexWriter.MAX_TERM_LENGTH"/> bytes, but only once
    /// the deletes before it are queued. Analysed text never gets there (the analyzer drops long tokens), nor do departments
    /// and partners (<see cref="SheetDocumentBuilder.IsKeyword"/>); a path from an absurd zip entry name still can.
    /// </summary>
    internal void EnsureIndexable()
    {
        foreach (var field in Blocks.SelectMany(block => block).SelectMany(document => document.Fields))
        {
            if (field.IndexableFieldType is { IsIndexed: true, IsTokenized: false } && field.GetStringValue() is { } value && !SheetDocumentBuilder.IsKeyword(value))
                throw new ArgumentException($"field {field.Name} holds a term of {Encoding.UTF8.GetByteCount(value):N0} bytes; Lucene's limit is {IndexWriter.MAX_TERM_LENGTH:N0}");
        }
    }
}
