using System.IO.Compression;
using Ingest.Pipeline;

namespace Ingest.Import;

/// <summary>
/// Counts the files an import will meet without reading their content (zip central directories only), so progress can
/// show an ETA from the start. Nested zips count as one file each: opening them would mean decompressing.
/// </summary>
internal static class ArchiveCounter
{
    public static int Count(IEnumerable<string> paths)
    {
        var count = 0;
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                try
                {
                    foreach (var file in Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
                        count += CountFile(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    count++;
                }
            }
            else
            {
                count += CountFile(path);
            }
        }
        return count;
    }

    /// <summary>Files of a supported format and nested zips; skipped files are not counted, as progress does not count them.</summary>
    private static bool IsCounted(string name)
    {
        var extension = Path.GetExtension(name);
        return IngestPipeline.SupportedExtensions.Contains(extension) || extension.Equals(".zip", StringComparison.OrdinalIgnoreCase);
    }

    private static int CountFile(string path)
    {
        if (!Path.GetExtension(path).Equals(".zip", StringComparison.OrdinalIgnoreCase))
            return IsCounted(path) ? 1 : 0;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return zip.Entries.Count(e => !e.FullName.EndsWith('/') && IsCounted(e.FullName));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return 1;
        }
    }
}
