using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using Ingest.Core.Dates;
using Ingest.Pipeline.FileSystem;

namespace Ingest.Pipeline.Archives;

/// <summary>What an archive's layout says about a file: fiscal year, meeting (第5回) and document number (資料40).</summary>
public sealed record ArchiveMetadata(int? FiscalYear, int? Session, string? DocumentNumber)
{
    public static readonly ArchiveMetadata None = new(null, null, null);

    public bool IsEmpty => FiscalYear is null && Session is null && DocumentNumber is null;

    /// <summary>Fills what this one lacks from <paramref name="other"/>.</summary>
    public ArchiveMetadata Or(ArchiveMetadata other) =>
        new(FiscalYear ?? other.FiscalYear, Session ?? other.Session, DocumentNumber ?? other.DocumentNumber);

    /// <summary>The record with what the archive's layout or manifest says overriding what extraction inferred.</summary>
    public Core.Records.SubmissionRecord ApplyTo(Core.Records.SubmissionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return IsEmpty ? record : record with
        {
            FiscalYear = FiscalYear ?? record.FiscalYear,
            DocumentNumber = DocumentNumber ?? record.DocumentNumber,
            Meeting = Session ?? record.Meeting,
        };
    }
}

/// <summary>
/// Reads metadata from folder and file names, the way offices file their packets: 令和6年度/第5回/資料40.pdf,
/// R6_第5回, 2024年度. The nearest name wins (a file name over its folder). Pure.
/// </summary>
public static partial class PathMetadata
{
    public static ArchiveMetadata FromPath(string path)
    {
        int? session = null;
        string? number = null;
        // Nearest segment first: the file, then its folders (zip paths count their inner folders too).
        foreach (var segment in FolderFiscalYear.Segments(path).Reverse())
        {
            if (session is null && Session().Match(segment) is { Success: true } s)
                session = int.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture);
            if (number is null && DocumentNumber().Match(segment) is { Success: true } n)
                number = "資料" + int.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }
        return new ArchiveMetadata(FolderFiscalYear.FromPath(path)?.Year, session, number);
    }

    [GeneratedRegex(@"第\s*(\d+)\s*回")]
    private static partial Regex Session();

    [GeneratedRegex(@"資料\s*(\d+)(?![\d\-])")]
    private static partial Regex DocumentNumber();
}

/// <summary>
/// An optional <c>manifest.csv</c> in an imported folder: <c>path,fiscalYear,session,documentNumber</c>, paths relative
/// to the manifest. What it says overrides both the layout and the content.
/// </summary>
public sealed class Manifest
{
    public const string FileName = "manifest.csv";

    private readonly Dictionary<string, ArchiveMetadata> _entries;

    private Manifest(Dictionary<string, ArchiveMetadata> entries) => _entries = entries;

    public static Manifest Empty { get; } = new(new Dictionary<string, ArchiveMetadata>());

    public int Count => _entries.Count;

    /// <summary>Reads a manifest; a malformed row is an error naming the line.</summary>
    public static Manifest Load(string manifestPath)
    {
        var root = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(manifestPath)) ?? ".";
        var entries = new Dictionary<string, ArchiveMetadata>(StringComparer.Ordinal);
        using var reader = new StreamReader(DiskFiles.OpenRead(DiskPath.Resolve(manifestPath)), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { HeaderValidated = null, MissingFieldFound = null });
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var path = csv.GetField("path");
            if (string.IsNullOrWhiteSpace(path))
                throw new FormatException($"{manifestPath}:{csv.Parser.RawRow}: empty path");
            entries[System.IO.Path.GetFullPath(System.IO.Path.Combine(root, path))] = new ArchiveMetadata(
                ParseInt(csv.GetField("fiscalYear"), manifestPath, csv.Parser.RawRow),
                ParseInt(csv.GetField("session"), manifestPath, csv.Parser.RawRow),
                string.IsNullOrWhiteSpace(csv.GetField("documentNumber")) ? null : csv.GetField("documentNumber")!.Trim());
        }
        return new Manifest(entries);
    }

    /// <summary>The manifest's word on a file (its full path, or a zip entry under it), if any.</summary>
    public ArchiveMetadata For(string path)
    {
        var key = System.IO.Path.GetFullPath(path.Contains("!/", StringComparison.Ordinal) ? path[..path.IndexOf("!/", StringComparison.Ordinal)] : path);
        return _entries.TryGetValue(key, out var metadata) ? metadata : ArchiveMetadata.None;
    }

    private static int? ParseInt(string? text, string file, int row)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{file}:{row}: '{text}' is not a whole number");
    }
}
