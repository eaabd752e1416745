using System.Runtime.InteropServices;

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
/// dotnet/runtime#85148), so on Linux the type comes from <c>statx(2)</c>, whose structure has one layout on every
/// architecture. On other Unix systems, or where <c>statx</c> is missing, only folders and files are told apart, and an
/// empty file is not opened, because pipes, sockets and devices all report a size of zero. Windows has no such files.
/// </summary>
/// <param name="Kind">What the path names; <see cref="FileKind.Unknown"/> when <paramref name="Problem"/> is set.</param>
/// <param name="Problem">Why the kind could not be found out (a broken or looping symbolic link, a folder on the way that may not be searched), or null.</param>
public readonly partial record struct FileProbe(FileKind Kind, string? Problem)
{
    /// <summary>Null if the path is a regular file that may be opened; otherwise the reason it is refused, for the import log.</summary>
    public string? Refusal => Problem ?? (Kind == FileKind.Regular ? null : $"not a regular file: {Describe(Kind)}");

    /// <summary>Finds what <paramref name="path"/> names, following symbolic links. Never opens the path and never throws for a bad path.</summary>
    public static FileProbe Of(string path)
    {
        if (OperatingSystem.IsLinux() && _statxWorks)
        {
            try
            {
                return WithStatx(path);
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                // A C library older than glibc 2.28 or musl 1.2.5: no statx wrapper.
                _statxWorks = false;
            }
        }
        return WithoutFileType(path);
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

    private static volatile bool _statxWorks = true;

    // From <fcntl.h> and <linux/stat.h>; these numbers are the same on every Linux architecture.
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int FileTypeMask = 0xF000;

    // From <errno.h> (Linux).
    private const int ErrorNotPermitted = 1;
    private const int ErrorNoEntry = 2;
    private const int ErrorNotImplemented = 38;
    private const int ErrorLinkLoop = 40;

    /// <summary>The part of <c>struct statx</c> read here; the kernel fills 256 bytes whatever the version.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out StatxBuffer buffer);

    private static FileProbe WithStatx(string path)
    {
        if (Statx(AtFdCwd, path, 0, StatxType, out var status) == 0)
            return new FileProbe(KindOf(status.Mode), null);
        var error = Marshal.GetLastPInvokeError();
        if (error is ErrorNotImplemented or ErrorNotPermitted)
        {
            // An old kernel, or a container whose seccomp profile predates statx: fall back for the rest of the run.
            _statxWorks = false;
            return WithoutFileType(path);
        }
        if (error == ErrorNoEntry && Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, out _) == 0)
            return new FileProbe(FileKind.Unknown, $"broken symbolic link: {LinkTarget(path)} does not exist");
        if (error == ErrorLinkLoop)
            return new FileProbe(FileKind.Unknown, "symbolic link loop: the links never reach a file");
        // Anything else (EACCES "Permission denied" on a folder on the way, ENAMETOOLONG …) reads clearly as the system says it.
        return new FileProbe(FileKind.Unknown, $"cannot read file: {Marshal.GetPInvokeErrorMessage(error)}");
    }

    private static FileKind KindOf(ushort mode) => (mode & FileTypeMask) switch
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

    private static string LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget ?? path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return path;
        }
    }
}
