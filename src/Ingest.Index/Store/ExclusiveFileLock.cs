using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Ingest.Index.Store;

/// <summary>
/// An exclusive lock on a file that other processes see: on Linux <c>flock(2)</c> with <c>LOCK_EX</c> (.NET's own file
/// sharing becomes a shared advisory lock there, which a second process also gets); elsewhere the file opened without
/// sharing. Held while the handle is open; the kernel drops it when the process ends however it ends.
/// </summary>
internal static partial class ExclusiveFileLock
{
    /// <summary>The open, locked file (created if missing), or null when another process holds it.</summary>
    public static SafeFileHandle? TryTake(string path) => OperatingSystem.IsLinux() ? LockWithFlock(path) : LockWithoutSharing(path);

    /// <summary>The file opened to read what its holder wrote, without asking for a lock (the holder's would refuse it); null when it does not exist.</summary>
    public static SafeFileHandle? OpenToRead(string path)
    {
        if (OperatingSystem.IsLinux())
            return OpenNative(path, OpenReadOnly);
        return File.Exists(path) ? File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite) : null;
    }

    // From <fcntl.h> and <sys/file.h>; the same on every Linux architecture.
    private const int OpenReadOnly = 0x0;
    private const int OpenReadWrite = 0x2;
    private const int OpenCreate = 0x40;
    private const int OpenCloseOnExec = 0x80000;
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int ErrorWouldBlock = 11;
    private const int ErrorInterrupted = 4;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(SafeFileHandle file, int operation);

    private static SafeFileHandle? OpenNative(string path, int flags)
    {
        var descriptor = Open(path, flags | OpenCloseOnExec, 0b110_110_100);
        if (descriptor >= 0)
            return new SafeFileHandle(descriptor, ownsHandle: true);
        var error = Marshal.GetLastPInvokeError();
        if (flags == OpenReadOnly && error == 2)
            return null; // no lock file yet: nobody has written this index
        throw new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(error)}");
    }

    private static SafeFileHandle? LockWithFlock(string path)
    {
        var handle = OpenNative(path, OpenReadWrite | OpenCreate)!;
        while (Flock(handle, LockExclusive | LockNonBlocking) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error == ErrorInterrupted)
                continue;
            handle.Dispose();
            if (error == ErrorWouldBlock)
                return null;
            throw new IOException($"{path}: cannot lock: {Marshal.GetPInvokeErrorMessage(error)}");
        }
        return handle;
    }

    private static SafeFileHandle? LockWithoutSharing(string path)
    {
        try
        {
            return File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null; // a sharing violation: another process has it open
        }
    }
}
