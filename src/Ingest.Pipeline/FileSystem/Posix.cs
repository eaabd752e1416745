using System.Runtime.InteropServices;

namespace Ingest.Pipeline.FileSystem;

/// <summary>
/// The few C library calls that take a path as bytes, for names .NET's own file APIs cannot pass (see <see cref="FileNames"/>).
/// Linux only (the constants and <c>struct dirent</c> layout below are Linux's, the same on every 64-bit architecture);
/// callers fall back to .NET elsewhere. Paths are passed NUL-terminated; errors become the exceptions .NET itself throws
/// for them, with the same wording, so messages read alike whichever way a file was opened.
/// </summary>
internal static partial class Posix
{
    /// <summary>True where these calls are used: on Linux, with a 64-bit C library.</summary>
    public static bool Available { get; } = OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    // From <fcntl.h> and <errno.h>; the same on every Linux architecture.
    private const int OpenReadOnly = 0x0;
    private const int OpenNoControllingTerminal = 0x100;
    private const int OpenCloseOnExec = 0x80000;
    internal const int ErrorNoEntry = 2;
    private const int ErrorAccess = 13;
    private const int ErrorNotPermitted = 1;

    // struct dirent (glibc and musl, 64-bit): d_ino u64, d_off i64, d_reclen u16, d_type u8, then d_name.
    private const int DirentTypeOffset = 18;
    private const int DirentNameOffset = 19;

    [LibraryImport("libc", EntryPoint = "opendir", SetLastError = true)]
    private static partial nint OpenDir(byte[] path);

    [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
    private static partial nint ReadDir(nint directory);

    [LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int CloseDir(nint directory);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    private static partial int Open(byte[] path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static partial nint RealPath(byte[] path, nint resolved);

    [LibraryImport("libc", EntryPoint = "readlink", SetLastError = true)]
    private static partial nint ReadLink(byte[] path, [Out] byte[] buffer, nint size);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(nint pointer);

    /// <summary>The bytes with a NUL after them, as C wants a path.</summary>
    public static byte[] Terminated(ReadOnlySpan<byte> path)
    {
        var bytes = new byte[path.Length + 1];
        path.CopyTo(bytes);
        return bytes;
    }

    /// <summary>Every entry of a folder but <c>.</c> and <c>..</c>: its name's bytes and its <c>d_type</c> (0 when the file system does not say).</summary>
    public static List<(byte[] Name, byte Type)> List(byte[] folder, string shown)
    {
        var directory = OpenDir(Terminated(folder));
        if (directory == 0)
            throw Error(Marshal.GetLastPInvokeError(), shown);
        try
        {
            var entries = new List<(byte[] Name, byte Type)>();
            while (true)
            {
                var entry = ReadDir(directory);
                if (entry == 0)
                {
                    // readdir returns null at the end and on error; only an error sets errno (cleared before each call).
                    var error = Marshal.GetLastPInvokeError();
                    if (error != 0)
                        throw Error(error, shown);
                    return entries;
                }
                var name = NameAt(entry + DirentNameOffset);
                if (name is [(byte)'.'] or [(byte)'.', (byte)'.'])
                    continue;
                entries.Add((name, Marshal.ReadByte(entry, DirentTypeOffset)));
            }
        }
        finally
        {
            CloseDir(directory);
        }
    }

    /// <summary>Opens a file for reading by its bytes.</summary>
    public static FileStream OpenRead(byte[] path, string shown)
    {
        var descriptor = Open(Terminated(path), OpenReadOnly | OpenCloseOnExec | OpenNoControllingTerminal, 0);
        if (descriptor < 0)
            throw Error(Marshal.GetLastPInvokeError(), shown);
        return new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(descriptor, ownsHandle: true), FileAccess.Read, bufferSize: 0);
    }

    /// <summary>The canonical absolute path (every link and <c>..</c> resolved), or null when it cannot be found (broken link, loop, no access).</summary>
    public static byte[]? Canonical(byte[] path)
    {
        var resolved = RealPath(Terminated(path), 0);
        if (resolved == 0)
            return null;
        try
        {
            return NameAt(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    /// <summary>What a symbolic link holds, as written (relative or absolute), or null when it is not a link.</summary>
    public static byte[]? LinkText(byte[] path)
    {
        var buffer = new byte[4096];
        var length = (long)ReadLink(Terminated(path), buffer, buffer.Length);
        return length < 0 ? null : buffer[..(int)Math.Min(length, buffer.Length)];
    }

    private static byte[] NameAt(nint pointer)
    {
        var length = 0;
        while (Marshal.ReadByte(pointer, length) != 0)
            length++;
        var bytes = new byte[length];
        Marshal.Copy(pointer, bytes, 0, length);
        return bytes;
    }

    /// <summary>The exception .NET throws for this error number, worded as .NET words it.</summary>
    public static Exception Error(int error, string shown) => error switch
    {
        ErrorAccess or ErrorNotPermitted => new UnauthorizedAccessException($"Access to the path '{shown}' is denied."),
        ErrorNoEntry => new FileNotFoundException($"Could not find file '{shown}'.", shown),
        _ => new IOException($"{Marshal.GetPInvokeErrorMessage(error)} : '{shown}'"),
    };
}
