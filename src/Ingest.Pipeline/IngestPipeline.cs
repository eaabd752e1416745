using System.Security.Cryptography;
using Ingest.Core.Records;
using Ingest.Extraction;
using Ingest.Pipeline.FileSystem;
using Ingest.Extraction.Labels;
using Ingest.Readers;

namespace Ingest.Pipeline;

/// <summary>Limits applied before any reader sees a file.</summary>
public sealed record PipelineOptions
{
    /// <summary>The default of <see cref="MaxFileBytes"/>.</summary>
    public const long DefaultMaxFileBytes = 256L * 1024 * 1024;

    /// <summary>Files above this size are refused unread (the largest real packets are tens of megabytes).</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>The reason a file over the limit is refused.</summary>
    public static string TooLarge(long bytes, long limit) => $"file too large ({bytes:N0} bytes; limit {limit:N0})";
}

/// <summary>
/// The ingest pipeline, assembled once: bytes → reader (by content sniffing) → layout → extractor → records.
/// Immutable and thread-safe; the command line and the importer only call it. As an <see cref="IFileExtractor"/> it is the
/// in-process one: no budgets, so a parser's stack overflow ends this process (see <see cref="Isolation.IsolatedExtractor"/>).
/// </summary>
public sealed class IngestPipeline(ReaderRegistry readers, ISubmissionExtractor extractor, PipelineOptions? options = null) : IFileExtractor
{
    /// <summary>The product's pipeline: every shipped reader and the default extractor.</summary>
    public static IngestPipeline Default { get; } = new(ReaderRegistry.Default, new SubmissionExtractor());

    /// <summary>File extensions an archive walk picks up; others are skipped with a note.</summary>
    /// <remarks>
    /// TIFF is the scanners' archive format and is read (by OCR); PNG and JPEG in a folder are mostly photographs and
    /// logos, so an import leaves them, while <c>ingest extract</c> reads a PNG or JPEG scan named on its command line.
    /// </remarks>
    public static IReadOnlySet<string> SupportedExtensions { get; } =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            ".txt", ".text", ".md", ".htm", ".html", ".tsv", ".csv", ".pdf", ".docx", ".docm", ".xlsx", ".xlsm", ".tif", ".tiff",
            // Read by conversion with LibreOffice (Readers/Conversion).
            ".doc", ".xls", ".rtf", ".odt", ".ods", ".jtd", ".jtdc",
        };

    private readonly PipelineOptions _options = options ?? new PipelineOptions();

    /// <summary>This pipeline with staff label mappings (an index's <c>labels.csv</c>); itself when the map is empty.</summary>
    public IngestPipeline WithLabels(LabelMap labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return labels.IsEmpty ? this : new IngestPipeline(Readers, new SubmissionExtractor(new ExtractionOptions { Labels = labels }), _options);
    }

    /// <summary>
    /// A stored record with its labels mapped again by this pipeline's extractor, without its source file
    /// (<see cref="SubmissionExtractor.Remap"/>); unchanged for an extractor that cannot.
    /// </summary>
    public SubmissionRecord Remap(SubmissionRecord record) => Extractor is SubmissionExtractor extractor ? extractor.Remap(record) : record;

    public ReaderRegistry Readers { get; } = readers;
    public ISubmissionExtractor Extractor { get; } = extractor;

    /// <summary>Reads and extracts a file from disk; I/O errors become a failed result naming the reason.</summary>
    public FileExtraction ExtractFile(string path) => FileExtractorExtensions.ExtractFile(this, path, _options.MaxFileBytes);

    /// <summary>Extracts from bytes already in memory (a zip entry, a test).</summary>
    public FileExtraction Extract(ReadOnlyMemory<byte> content, string path)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        if (content.Length > _options.MaxFileBytes)
            return Failed(path, sha256, PipelineOptions.TooLarge(content.Length, _options.MaxFileBytes));
        var layout = Readers.Read(content, path);
        if (!layout.Succeeded || layout.Value is null)
            return Failed(path, sha256, layout.Error ?? "unreadable", layout.Diagnostics.ToArray());

        var source = new SourceInfo
        {
            Path = path,
            Sha256 = sha256,
            Format = layout.Value.Format,
            Pages = layout.Value.Format == "text" ? null : layout.Value.Pages.Count,
            Encoding = layout.Value.Encoding,
            Ocr = layout.Value.Ocr is null ? null : true,
            OcrConfidence = layout.Value.Ocr is { } ocr ? Math.Round(ocr.MeanConfidence, 3) : null,
        };
        var records = Extractor.Extract(layout.Value, source);
        var diagnostics = layout.Diagnostics.Concat(records.Diagnostics).ToArray();
        if (!records.Succeeded || records.Value is null)
            return Failed(path, sha256, records.Error ?? "no submission found", diagnostics) with { Format = layout.Value.Format };
        return new FileExtraction
        {
            Path = path,
            Sha256 = sha256,
            Format = layout.Value.Format,
            Submissions = records.Value,
            Diagnostics = diagnostics,
        };
    }

    private static FileExtraction Failed(string path, string sha256, string error, params Core.Diagnostics.Diagnostic[] diagnostics) =>
        new() { Path = path, Sha256 = sha256, Error = error, Diagnostics = diagnostics };
}
