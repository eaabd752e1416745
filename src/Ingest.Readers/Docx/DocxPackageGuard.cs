using System.IO.Compression;
using System.Xml;

namespace Ingest.Readers.Docx;

/// <summary>
/// Inspects a DOCX zip before the OpenXml SDK sees it: entry count, the bytes every entry really inflates to, and
/// each entry's compression ratio (inflating is the only honest measure: a zip bomb's headers can claim any size); then
/// every XML part is read once with a forward-only <see cref="XmlReader"/>, which keeps no tree and so cannot overflow
/// the stack, for its nesting depth and its text, runs, rows and cells — the shapes that made the SDK's recursive loader
/// crash or reach gigabytes.
/// </summary>
internal static class DocxPackageGuard
{
    private const int BufferSize = 64 * 1024;

    /// <summary>What the guard needs to know of one OpenXml package kind: its name in messages, its main part, and the element names of its table rows and cells.</summary>
    internal sealed record PackageKind(string Name, string MainPart, string RowElement, string CellElement)
    {
        public static readonly PackageKind Word = new("DOCX", "word/document.xml", "tr", "tc");
        public static readonly PackageKind Spreadsheet = new("XLSX", "xl/workbook.xml", "row", "c");
    }

    /// <summary>Null when the package is within limits and has a main document part; otherwise the reason. The stream is left open.</summary>
    public static string? Check(Stream package, DocxReaderOptions options) => Check(package, options, PackageKind.Word);

    /// <summary>As <see cref="Check(Stream, DocxReaderOptions)"/> for a package of <paramref name="kind"/>.</summary>
    public static string? Check(Stream package, DocxReaderOptions options, PackageKind kind)
    {
        try
        {
            using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > options.MaxEntries)
                return $"{kind.Name} has {zip.Entries.Count:N0} zip entries (limit {options.MaxEntries:N0})";
            if (kind == PackageKind.Word && zip.GetEntry("word/document.xml") is null && !zip.Entries.Any(e => e.FullName.EndsWith("document.xml", StringComparison.OrdinalIgnoreCase)))
                return zip.GetEntry("xl/workbook.xml") is not null
                    ? "not a Word document: a spreadsheet (.xlsx) zip"
                    : "not a Word document: zip without word/document.xml";
            if (kind == PackageKind.Spreadsheet && zip.GetEntry(kind.MainPart) is null && !zip.Entries.Any(e => e.FullName.EndsWith("workbook.xml", StringComparison.OrdinalIgnoreCase)))
                return "not an Excel workbook: zip without xl/workbook.xml";
            return CheckInflation(zip, options, kind) ?? CheckXmlParts(zip, options, kind);
        }
        catch (InvalidDataException e)
        {
            return $"corrupt {kind.Name}: not a readable zip ({e.Message})";
        }
        catch (NotSupportedException e)
        {
            return $"corrupt {kind.Name}: unsupported zip feature ({e.Message})";
        }
    }

    private static string? CheckInflation(ZipArchive zip, DocxReaderOptions options, PackageKind kind)
    {
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
                    return $"{kind.Name} inflates beyond {options.MaxDecompressedBytes:N0} bytes (zip bomb?) at entry {entry.FullName}";
                if (inflated > options.RatioCheckThreshold && inflated > options.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                    return $"{kind.Name} entry {entry.FullName} inflates more than {options.MaxCompressionRatio:N0}:1 (zip bomb?)";
            }
        }
        return null;
    }

    /// <summary>What the XML parts hold, summed over the package.</summary>
    private sealed class Tally
    {
        public long Characters;
        public int Runs;
        public int Rows;
        public int Cells;
    }

    private static string? CheckXmlParts(ZipArchive zip, DocxReaderOptions options, PackageKind kind)
    {
        var tally = new Tally();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersInDocument = options.MaxCharactersInPart,
        };
        var chunk = new char[BufferSize / 2];
        foreach (var entry in zip.Entries.Where(IsXml))
        {
            using var stream = entry.Open();
            try
            {
                // Inside the try: the reader reads the first bytes when it is created, to learn their encoding.
                using var reader = XmlReader.Create(stream, settings);
                while (reader.Read())
                {
                    if (Count(reader, tally, chunk, options, kind) is { } limit)
                        return $"{kind.Name} part {entry.FullName}: {limit}";
                }
            }
            catch (XmlException)
            {
                // Malformed XML is the SDK's to report (and only if it loads this part); the guard counted up to the damage.
            }
        }
        return null;
    }

    /// <summary>Counts the node the reader is on; the broken limit, or null.</summary>
    private static string? Count(XmlReader reader, Tally tally, char[] chunk, DocxReaderOptions options, PackageKind kind)
    {
        switch (reader.NodeType)
        {
            case XmlNodeType.Element:
                if (reader.Depth >= options.MaxXmlDepth)
                    return $"elements nested deeper than {options.MaxXmlDepth:N0} (limit {nameof(DocxReaderOptions.MaxXmlDepth)})";
                var name = reader.LocalName;
                if (name == "r" && ++tally.Runs > options.MaxRuns)
                    return $"more than {options.MaxRuns:N0} runs (limit {nameof(DocxReaderOptions.MaxRuns)})";
                if (name == kind.RowElement && ++tally.Rows > options.MaxTableRows)
                    return $"more than {options.MaxTableRows:N0} table rows (limit {nameof(DocxReaderOptions.MaxTableRows)})";
                if (name == kind.CellElement && ++tally.Cells > options.MaxTableCells)
                    return $"more than {options.MaxTableCells:N0} table cells (limit {nameof(DocxReaderOptions.MaxTableCells)})";
                break;
            case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                // Counted in chunks, so a 20-million-character text node is never held as one string here.
                int read;
                while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                {
                    tally.Characters += read;
                    if (tally.Characters > options.MaxTextCharacters)
                        return $"more than {options.MaxTextCharacters:N0} characters of text (limit {nameof(DocxReaderOptions.MaxTextCharacters)})";
                }
                break;
        }
        return null;
    }

    private static bool IsXml(ZipArchiveEntry entry) =>
        entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
}
