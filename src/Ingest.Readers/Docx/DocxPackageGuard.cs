using System.IO.Compression;

namespace Ingest.Readers.Docx;

/// <summary>
/// Inspects a DOCX zip before the OpenXml SDK sees it: entry count, the bytes every entry really inflates to, and
/// each entry's compression ratio. Inflating is the only honest measure: a zip bomb's headers can claim any size.
/// </summary>
internal static class DocxPackageGuard
{
    private const int BufferSize = 64 * 1024;

    /// <summary>Null when the package is within limits and has a main document part; otherwise the reason. The stream is left open.</summary>
    public static string? Check(Stream package, DocxReaderOptions options)
    {
        try
        {
            using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > options.MaxEntries)
                return $"DOCX has {zip.Entries.Count:N0} zip entries (limit {options.MaxEntries:N0})";
            if (zip.GetEntry("word/document.xml") is null && !zip.Entries.Any(e => e.FullName.EndsWith("document.xml", StringComparison.OrdinalIgnoreCase)))
                return zip.GetEntry("xl/workbook.xml") is not null
                    ? "not a Word document: a spreadsheet (.xlsx) zip"
                    : "not a Word document: zip without word/document.xml";

            var buffer = new byte[BufferSize];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                long inflated = 0;
                using var entryStream = entry.Open();
                int read;
                while ((read = entryStream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    inflated += read;
                    total += read;
                    if (total > options.MaxDecompressedBytes)
                        return $"DOCX inflates beyond {options.MaxDecompressedBytes:N0} bytes (zip bomb?) at entry {entry.FullName}";
                    if (inflated > options.RatioCheckThreshold && inflated > options.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                        return $"DOCX entry {entry.FullName} inflates more than {options.MaxCompressionRatio:N0}:1 (zip bomb?)";
                }
            }
            return null;
        }
        catch (InvalidDataException e)
        {
            return $"corrupt DOCX: not a readable zip ({e.Message})";
        }
        catch (NotSupportedException e)
        {
            return $"corrupt DOCX: unsupported zip feature ({e.Message})";
        }
    }
}
