using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Ingest.Extraction.Labels;

namespace Ingest.Pipeline.Labels;

/// <summary>
/// The staff label map on disk: <c>labels.csv</c> (label, sheet kind, canonical field; a header row and # comment lines
/// allowed), kept in the index folder so every import and reindex of that index maps labels the same way.
/// </summary>
public static class LabelMapFile
{
    /// <summary>Name of the label map in the index folder.</summary>
    public const string FileName = "labels.csv";

    /// <summary>Largest label map read; a map is a few hundred lines.</summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Reads and validates a label map. A bad line raises <see cref="FormatException"/> "FILE:LINE: reason" (an unknown
    /// canonical field, an unknown sheet kind, a field the kind does not have, a label mapped two ways).
    /// </summary>
    public static LabelMap Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new FileNotFoundException($"{path}: label map not found", path);
        if (info.Length > MaxBytes)
            throw new FormatException($"{path}: label map too large ({info.Length:N0} bytes; limit {MaxBytes:N0})");
        var rows = new List<(int, IReadOnlyList<string>)>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            AllowComments = true,
            Comment = '#',
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
        };
        using (var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true))
        using (var csv = new CsvReader(reader, configuration))
        {
            var first = true;
            while (csv.Read())
            {
                var cells = csv.Parser.Record ?? [];
                var line = csv.Parser.RawRow;
                // A header row names its columns: label, sheet kind, field.
                if (first && cells.Length > 0 && cells[0].Trim().Equals("label", StringComparison.OrdinalIgnoreCase))
                {
                    first = false;
                    continue;
                }
                first = false;
                if (cells.All(string.IsNullOrWhiteSpace))
                    continue;
                rows.Add((line, cells));
            }
        }
        return LabelMap.FromRows(rows, path);
    }

    /// <summary>The label map kept with an index, or none when the index has none.</summary>
    public static LabelMap ForIndex(string indexDirectory) => PathForIndex(indexDirectory) is { } path ? Load(path) : LabelMap.Empty;

    /// <summary>Where the label map kept with an index is, or null when the index has none.</summary>
    public static string? PathForIndex(string indexDirectory)
    {
        ArgumentNullException.ThrowIfNull(indexDirectory);
        var path = Path.Combine(indexDirectory, FileName);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Validates <paramref name="file"/> and makes it the index's label map; returns the map.</summary>
    public static LabelMap Install(string file, string indexDirectory)
    {
        ArgumentNullException.ThrowIfNull(indexDirectory);
        var map = Load(file);
        Directory.CreateDirectory(indexDirectory);
        var target = Path.Combine(indexDirectory, FileName);
        if (!string.Equals(Path.GetFullPath(file), Path.GetFullPath(target), StringComparison.Ordinal))
            File.Copy(file, target, overwrite: true);
        return map;
    }
}
