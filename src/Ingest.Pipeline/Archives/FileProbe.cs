using System.Runtime.InteropServices;
using Ingest.Pipeline.FileSystem;

namespace Ingest.Pipeline.Archives;

/// <summary>What a path names on disk, after following symbolic links.</summary>
public enum FileKind
{
    /// <summary>The kind could not be found out; <see cref="FileProbe.Problem"/> says why.</summary>
    Unknown,

    /// <summary>A regular file: the only kind that is ever opened.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A FIFO: opening it for reading waits until some other process opens it for writing, possibly forever.</summary>
    NamedPipe,

    /// <summary>A Unix domain socket: it cannot be opened as a file at all.</summary>
    Socket,

    /// <summary>A character device such as <c>/dev/zero</c> or a terminal: reading may never end or may block.</summary>
    CharacterDevice,

    /// <summary>A block device: a whole disk, never a document.</summary>
    BlockDevice,
}

/// <summary>
/// The kind of a path, found without opening it, so a named pipe or a device met while walking a folder is refused
/// instead of hanging the import. .NET 10 has no public API for the Unix file type (<see cref="FileSystemInfo.Attributes"/>
/// calls a FIFO <c>Normal</c>, and <see cref="File.GetUnixFileMode(string)"/> keeps only the permission bits; see
/// dotnet/runtime#85148), so on Linux the type comes from <c>statx(2)</c> on the path's bytes (<see cref="Stat"/>). On other Unix systems, or where <c>statx</c> is missing, only folders and files are told apart, and an
/// empty file is not opened, because pipes, sockets and devices all report a size of zero. Windows has no such files.
/// </summary>
/// <param name="Kind">What the path names; <see cref="FileKind.Unknown"/> when <paramref name="Problem"/> is set.</param>
/// <param name="Problem">Why the kind could not be found out (a broken or looping symbolic link, a folder on the way that may not be searched), or null.</param>
public readonly partial record struct FileProbe(FileKind Kind, string? Problem)
{
    /// <summary>Null if the path is a regular file that may be opened; otherwise the reason it is refused, for the import log.</summary>
    public string? Refusal => Problem ?? (Kind == FileKind.Regular ? null : $"not a regular file: {Describe(Kind)}");

    /// <summary>Finds what <paramref name="path"/> names, following symbolic links. Never opens the path and never throws for a bad path.</summary>
    public static FileProbe Of(string path) => Of(DiskPath.Resolve(path));

    /// <summary>Finds what <paramref name="path"/> names (by its bytes), following symbolic links. Never opens it, never throws.</summary>
    public static FileProbe Of(DiskPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Probe(path).Probe;
    }

    /// <summary>As <see cref="Of(DiskPath)"/>, with the size of a regular file (0 otherwise, or when unknown).</summary>
    internal static (FileProbe Probe, long Size) Probe(DiskPath path)
    {
        if (Stat.Query(path.Bytes, followLinks: true) is not { } status)
            return (WithoutFileType(path.Text), SafeLength(path.Text));
        if (status.Error == 0)
            return (new FileProbe(KindOf((ushort)status.Mode), null), status.Size);
        if (status.Error == ErrorNoEntry && Stat.Exists(path.Bytes))
            return (new FileProbe(FileKind.Unknown, $"broken symbolic link: {DiskFiles.LinkText(path) ?? path.Text} does not exist"), 0);
        if (status.Error == ErrorLinkLoop)
            return (new FileProbe(FileKind.Unknown, "symbolic link loop: the links never reach a file"), 0);
        // Anything else (EACCES "Permission denied" on a folder on the way, ENAMETOOLONG …) reads clearly as the system says it.
        return (new FileProbe(FileKind.Unknown, $"cannot read file: {Marshal.GetPInvokeErrorMessage(status.Error)}"), 0);
    }

    /// <summary>The words used for a kind in messages ("named pipe", "character device").</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Regular => "regular file",
        FileKind.Directory => "folder",
        FileKind.NamedPipe => "named pipe",
        FileKind.Socket => "socket",
        FileKind.CharacterDevice => "character device",
        FileKind.BlockDevice => "block device",
        _ => "unknown kind",
    };

    // From <errno.h> (Linux).
    private const int ErrorNoEntry = 2;
    private const int ErrorLinkLoop = 40;

    private static FileKind KindOf(ushort mode) => (mode & Stat.TypeMask) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0x1000 => FileKind.NamedPipe,
        0xC000 => FileKind.Socket,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        _ => FileKind.Unknown,
    };

    private static FileProbe WithoutFileType(string path)
    {
        try
        {
            if (Directory.Exists(path))
                return new FileProbe(FileKind.Directory, null);
            var info = new FileInfo(path);
            if (!info.Exists)
                return new FileProbe(FileKind.Unknown, "not found");
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { Exists: false })
                return new FileProbe(FileKind.Unknown, $"broken symbolic link: {info.LinkTarget} does not exist");
            return info.Length > 0 || OperatingSystem.IsWindows()
                ? new FileProbe(FileKind.Regular, null)
                : new FileProbe(FileKind.Unknown, "empty, or not a regular file (this system cannot tell which)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileProbe(FileKind.Unknown, $"cannot read file: {e.Message}");
        }
    }

    private static long SafeLength(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
