namespace Ingest.Pipeline.FileSystem;

/// <summary>What a folder entry is, as the folder listing says (before any link is followed).</summary>
public enum EntryKind
{
    /// <summary>A regular file.</summary>
    File,

    /// <summary>A folder.</summary>
    Folder,

    /// <summary>A symbolic link, to whatever it leads to (or nothing).</summary>
    Link,

    /// <summary>A named pipe, socket or device: never opened.</summary>
    Special,
}

/// <summary>One entry of a folder listing.</summary>
public sealed record FolderEntry(DiskPath Path, EntryKind Kind);

/// <summary>
/// Listing folders and reading files by their bytes (<see cref="DiskPath"/>), with the C library on Linux and .NET's own
/// APIs elsewhere (where names are UTF-16 and need none of this). Errors are .NET's exceptions with .NET's wording.
/// </summary>
public static class DiskFiles
{
    /// <summary>
    /// The entries of a folder, in no particular order. Two entries never share a shown name: one that would read like
    /// another (a CP932 name beside its UTF-8 twin) is shown in its lossless escape instead.
    /// </summary>
    public static IReadOnlyList<FolderEntry> List(DiskPath folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Posix.Available)
            return ListWithDotNet(folder);
        var raw = Posix.List(folder.Bytes, folder.Text);
        var named = raw.Select(entry => (entry.Name, entry.Type, Shown: FileNames.Decode(entry.Name, out var reading), Reading: reading)).ToList();
        var utf8Names = named.Where(entry => entry.Reading == FileNames.Reading.Utf8).Select(entry => entry.Shown).ToHashSet(StringComparer.Ordinal);
        var entries = new List<FolderEntry>(named.Count);
        foreach (var (name, type, shown, reading) in named)
        {
            var unique = reading != FileNames.Reading.Utf8 && utf8Names.Contains(shown) ? FileNames.Escape(name) : shown;
            var path = folder.Child(name, unique);
            entries.Add(new FolderEntry(path, KindOf(type, path)));
        }
        return entries;
    }

    /// <summary>Reads a whole file.</summary>
    public static byte[] ReadAllBytes(DiskPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Posix.Available)
            return File.ReadAllBytes(path.Text);
        using var stream = Posix.OpenRead(path.Bytes, path.Text);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>A file's size in bytes (following links).</summary>
    public static long Length(DiskPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Stat.Query(path.Bytes, followLinks: true) is { } status)
            return status.Error == 0 ? status.Size : throw Posix.Error(status.Error, path.Text);
        return new FileInfo(path.Text).Length;
    }

    /// <summary>Opens a file for reading; the caller disposes the stream.</summary>
    public static FileStream OpenRead(DiskPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Posix.Available ? Posix.OpenRead(path.Bytes, path.Text) : new FileStream(path.Text, FileMode.Open, FileAccess.Read, FileShare.Read);
    }

    /// <summary>The canonical path (links and <c>..</c> resolved), or null when it leads nowhere (broken link, loop, no access).</summary>
    public static DiskPath? Canonical(DiskPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Posix.Available)
        {
            try
            {
                var info = new FileInfo(path.Text);
                var target = info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
                return target is null ? null : DiskPath.Resolve(target);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
        return Posix.Canonical(path.Bytes) is { } bytes ? DiskPath.FromBytes(bytes) : null;
    }

    /// <summary>Whether anything is at the path (a broken link too).</summary>
    public static bool Exists(DiskPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Stat.Query(path.Bytes, followLinks: false) is { } status)
            return status.Error == 0;
        return File.Exists(path.Text) || Directory.Exists(path.Text) || new FileInfo(path.Text).LinkTarget is not null;
    }

    /// <summary>What a symbolic link holds, as written, shown decoded; null when the path is not a link.</summary>
    public static string? LinkText(DiskPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!Posix.Available)
            return new FileInfo(path.Text).LinkTarget;
        return Posix.LinkText(path.Bytes) is { } bytes ? FileNames.Decode(bytes) : null;
    }

    private static EntryKind KindOf(byte type, DiskPath path) => type switch
    {
        4 => EntryKind.Folder, // DT_DIR
        8 => EntryKind.File, // DT_REG
        10 => EntryKind.Link, // DT_LNK
        1 or 2 or 6 or 12 => EntryKind.Special, // DT_FIFO, DT_CHR, DT_BLK, DT_SOCK
        _ => Stat.KindOfEntry(path), // DT_UNKNOWN: the file system does not say in the listing
    };

    private static IReadOnlyList<FolderEntry> ListWithDotNet(DiskPath folder) =>
        new DirectoryInfo(folder.Text).GetFileSystemInfos().Select(info =>
        {
            var kind = info.LinkTarget is not null ? EntryKind.Link : info is DirectoryInfo ? EntryKind.Folder : EntryKind.File;
            return new FolderEntry(DiskPath.Resolve(info.FullName), kind);
        }).ToList();
}
