namespace Ingest.Pipeline.Archives;

/// <summary>
/// How the walker names what it finds: a file by its absolute path, a zip entry as <c>archive.zip!/folder/entry.pdf</c>
/// (nested: <c>a.zip!/b.zip!/c.pdf</c>). Pure.
/// </summary>
public static class ArchivePaths
{
    /// <summary>Between an archive's path and an entry's name within it.</summary>
    public const string EntrySeparator = "!/";

    /// <summary>The path of <paramref name="entry"/> inside the archive at <paramref name="archive"/>.</summary>
    public static string Entry(string archive, string entry) => archive + EntrySeparator + entry;

    /// <summary>The file on disk a path lies in: the outermost archive of a zip entry, else the path itself.</summary>
    public static string FileOnDisk(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var mark = path.IndexOf(EntrySeparator, StringComparison.Ordinal);
        return mark < 0 ? path : path[..mark];
    }

    /// <summary>
    /// Whether <paramref name="path"/> is <paramref name="container"/> or lies inside it: a file in the folder or its
    /// subfolders, or an entry of the zip (at any depth). Compares names, never the disk.
    /// </summary>
    public static bool IsWithin(string path, string container)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(container);
        if (string.Equals(path, container, StringComparison.Ordinal))
            return true;
        // "/archive/" and "/archive" name the same folder; "/" becomes "", under which every absolute path lies.
        var folder = container.TrimEnd('/', Path.DirectorySeparatorChar);
        if (path.Length <= folder.Length || !path.StartsWith(folder, StringComparison.Ordinal))
            return false;
        var rest = path.AsSpan(folder.Length);
        return rest[0] == '/' || rest[0] == Path.DirectorySeparatorChar || rest.StartsWith(EntrySeparator, StringComparison.Ordinal);
    }
}
