using System.IO.Compression;
using System.IO.Enumeration;
using Ingest.Pipeline;
using Ingest.Pipeline.Archives;

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
                    foreach (var file in FilesUnder(path))
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

    /// <summary>
    /// Files under a folder as the walker finds them: links to folders are not followed (the walker notes them and goes no
    /// further, so a link loop cannot make either of them recurse), links to files are.
    /// </summary>
    private static FileSystemEnumerable<string> FilesUnder(string folder) =>
        new(folder, (ref FileSystemEntry entry) => entry.ToFullPath(), new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };

    private static int CountFile(string path)
    {
        if (!Path.GetExtension(path).Equals(".zip", StringComparison.OrdinalIgnoreCase))
            return IsCounted(path) ? 1 : 0;
        // A named pipe called *.zip would block the open below; the walker reports it as one failure.
        if (FileProbe.Of(path).Kind != FileKind.Regular)
            return 1;
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
