using System.Runtime.InteropServices;

namespace Ingest.Pipeline.FileSystem;

/// <summary>
/// <c>statx(2)</c> on a path's bytes: the file type and size, without opening anything. Its structure has one layout on
/// every Linux architecture. <see cref="Works"/> turns false for good on a kernel or container without it (glibc before
/// 2.28, an old seccomp profile), and callers fall back to .NET.
/// </summary>
internal static partial class Stat
{
    // From <fcntl.h>, <linux/stat.h> and <errno.h>; the same on every Linux architecture.
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxSize = 0x200;
    private const int ErrorNotPermitted = 1;
    private const int ErrorNotImplemented = 38;

    /// <summary>The file type bits of a mode.</summary>
    public const int TypeMask = 0xF000;

    private static volatile bool _works = Posix.Available;

    /// <summary>False once statx turned out to be missing here.</summary>
    public static bool Works => _works;

    /// <summary>The part of <c>struct statx</c> read here; the kernel fills 256 bytes whatever the version.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(40)]
        public ulong Size;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static partial int Statx(int directory, byte[] path, int flags, uint mask, out StatxBuffer buffer);

    /// <summary>
    /// The mode and size of <paramref name="path"/> (following links unless <paramref name="followLinks"/> is false), or the
    /// error number; null when statx is not available here.
    /// </summary>
    public static (int Error, int Mode, long Size)? Query(byte[] path, bool followLinks)
    {
        if (!_works)
            return null;
        try
        {
            if (Statx(AtFdCwd, Posix.Terminated(path), followLinks ? 0 : AtSymlinkNoFollow, StatxType | StatxSize, out var status) == 0)
                return (0, status.Mode, (long)status.Size);
            var error = Marshal.GetLastPInvokeError();
            if (error is not (ErrorNotImplemented or ErrorNotPermitted))
                return (error, 0, 0);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // A C library older than glibc 2.28 or musl 1.2.5: no statx wrapper.
        }
        // An old kernel, or a container whose seccomp profile predates statx: fall back for the rest of the run.
        _works = false;
        return null;
    }

    /// <summary>Whether anything (a link too, even a broken one) is at <paramref name="path"/>.</summary>
    public static bool Exists(byte[] path) => Query(path, followLinks: false) is { Error: 0 };

    /// <summary>The kind of a folder entry whose listing did not say, without following a link.</summary>
    public static EntryKind KindOfEntry(DiskPath path) => Query(path.Bytes, followLinks: false) switch
    {
        { Error: 0, Mode: var mode } => (mode & TypeMask) switch
        {
            0x8000 => EntryKind.File,
            0x4000 => EntryKind.Folder,
            0xA000 => EntryKind.Link,
            _ => EntryKind.Special,
        },
        // Gone since the listing, or no statx: let the probe that follows say what it is.
        _ => EntryKind.File,
    };
}
