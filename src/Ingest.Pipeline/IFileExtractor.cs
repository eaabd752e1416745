using Ingest.Pipeline.FileSystem;
namespace Ingest.Pipeline;

/// <summary>
/// Turns one file's bytes into its submissions: the stage the importer and <c>ingest extract</c> call. Two implementations:
/// <see cref="IngestPipeline"/> itself, in this process, and <see cref="Isolation.IsolatedExtractor"/>, in parser processes
/// with time and memory budgets. Implementations are thread-safe.
/// </summary>
public interface IFileExtractor
{
    /// <summary>The file's submissions, or a failed result naming the reason; <paramref name="path"/> is what records will cite.</summary>
    FileExtraction Extract(ReadOnlyMemory<byte> content, string path);
}

/// <summary>Reading a file from disk for any <see cref="IFileExtractor"/>.</summary>
public static class FileExtractorExtensions
{
    /// <summary>Reads the file and extracts it; a missing, unreadable or oversized file becomes a failed result naming the reason.</summary>
    public static FileExtraction ExtractFile(this IFileExtractor extractor, string path, long maxFileBytes = PipelineOptions.DefaultMaxFileBytes)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        byte[] content;
        try
        {
            // By its bytes on disk, so a name that is not UTF-8, given as shown (decoded), is found too.
            var disk = DiskPath.Resolve(path);
            if (!DiskFiles.Exists(disk))
                return Failed(path, "file not found");
            var length = DiskFiles.Length(disk);
            if (length > maxFileBytes)
                return Failed(path, PipelineOptions.TooLarge(length, maxFileBytes));
            content = DiskFiles.ReadAllBytes(disk);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, $"cannot read file: {e.Message}");
        }
        return extractor.Extract(content, path);
    }

    private static FileExtraction Failed(string path, string error) => new() { Path = path, Sha256 = string.Empty, Error = error };
}
