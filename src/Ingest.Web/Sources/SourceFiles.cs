using System.Security.Cryptography;
using Ingest.Core.Records;
using Ingest.Pipeline.Archives;
using Ingest.Pipeline.FileSystem;

namespace Ingest.Web.Sources;

/// <summary>A record's source file, opened only after it was checked to be the very file that was imported.</summary>
public sealed record VerifiedSource(Stream Content, string ContentType, string FileName, bool Inline);

/// <summary>
/// Serves the source file of a record. No route takes a path from the request: the path comes from the stored record, and
/// the file is served only if it still exists and its SHA-256 equals the stored one, so nothing outside the imported
/// archive can be read through the page even if the index folder were tampered with. Paths inside zip archives
/// (<c>archive.zip!/entry</c>) are not served.
/// </summary>
public static class SourceFiles
{
    /// <summary>Largest source file served (the pipeline's own limit on what it imports).</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    private static readonly HashSet<string> _textEncodings = new(StringComparer.OrdinalIgnoreCase) { "utf-8", "shift_jis", "euc-jp" };

    /// <summary>Opens the record's source if it is still the imported file; null otherwise (the caller answers 404).</summary>
    public static VerifiedSource? Open(SubmissionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var path = record.Source.Path;
        if (string.IsNullOrEmpty(path) || path.Contains(ArchivePaths.EntrySeparator, StringComparison.Ordinal) || !Path.IsPathFullyQualified(path))
            return null;
        FileStream? stream = null;
        try
        {
            // By its bytes on disk: a name that is not UTF-8 is stored decoded, and goes back to the file through DiskPath.
            stream = DiskFiles.OpenRead(DiskPath.Resolve(path));
            if (stream.Length > MaxBytes)
            {
                stream.Dispose();
                return null;
            }
            // The same open handle is hashed and then served, so the checked bytes are the served bytes.
            var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
            if (!string.Equals(hash, record.Source.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                stream.Dispose();
                return null;
            }
            stream.Position = 0;
            var (type, inline) = ContentTypeOf(record.Source);
            return new VerifiedSource(stream, type, Path.GetFileName(path), inline);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stream?.Dispose();
            return null;
        }
    }

    // Text is shown in the browser with the charset it was read with; PDFs open in the browser's viewer; the rest downloads.
    private static (string Type, bool Inline) ContentTypeOf(SourceInfo source)
    {
        var format = SourceFormat.Named(source.Format);
        if (format == SourceFormat.Text)
            return source.Encoding is { } encoding && _textEncodings.Contains(encoding)
                ? ($"text/plain; charset={encoding.ToLowerInvariant()}", true)
                : ("application/octet-stream", false);
        return format is null ? ("application/octet-stream", false) : (format.MediaType, format == SourceFormat.Pdf);
    }
}
