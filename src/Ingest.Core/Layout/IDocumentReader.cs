using Ingest.Core.Diagnostics;

namespace Ingest.Core.Layout;

/// <summary>Turns one file format into a <see cref="LayoutDocument"/>. Implementations are thread-safe.</summary>
public interface IDocumentReader
{
    /// <summary>Format name, e.g. <c>text</c>, <c>pdf</c>, <c>docx</c>.</summary>
    string Format { get; }

    /// <summary>True when the leading bytes say the content is this reader's format (extensions can lie).</summary>
    bool CanRead(ReadOnlySpan<byte> head, string path);

    /// <summary>Reads the bytes of a file; expected failures (corrupt, encrypted, not text) come back as a failed result naming the reason.</summary>
    Result<LayoutDocument> Read(ReadOnlyMemory<byte> content, string path);
}
