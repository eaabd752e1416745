using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Ingest.Index.Store;

/// <summary>Who holds an index's writer lock: the process and when it took the lock.</summary>
/// <param name="ProcessId">The holding process.</param>
/// <param name="Since">When it took the lock (its local time).</param>
public sealed record IndexLockHolder(int ProcessId, DateTimeOffset Since)
{
    /// <summary>"process N (started 2026-11-23 10:02:13)", for messages.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"process {ProcessId} (started {Since.LocalDateTime:yyyy-MM-dd HH:mm:ss})");
}

/// <summary>Another process is writing the index; <see cref="Holder"/> says which, when its lock file says so.</summary>
public sealed class IndexBusyException(string directory, IndexLockHolder? holder)
    : IOException($"index {directory} is being written by {holder?.ToString() ?? "another process"}")
{
    /// <summary>The index folder.</summary>
    public string Directory { get; } = directory;

    /// <summary>The holding process, or null when it had not yet written its name into the lock file.</summary>
    public IndexLockHolder? Holder { get; } = holder;
}

/// <summary>
/// The one-writer lock of an index folder: every command that writes holds it from before it reads the index until it has
/// committed, so two imports (or an import and a synonym install) never interleave their changes. Lucene's own
/// <c>write.lock</c> is not enough here: Lucene.Net takes it with .NET file sharing, which Linux turns into a shared
/// advisory lock that a second process also gets. This lock is <c>flock(2)</c> with <c>LOCK_EX</c> on a file of ours,
/// <see cref="FileName"/>, held open for the lock's life; the kernel drops it when the process ends however it ends, so a
/// killed import never leaves a stale lock. The file also says who holds it (process id and start time) for the message
/// a second writer gets. The file is never deleted: unlinking a locked file would let a late opener lock a new file
/// beside the held one. Readers (search, show, report, serve) never take it. Elsewhere than Linux the file is opened
/// without sharing, which Windows enforces and .NET turns into <c>flock(LOCK_EX)</c> on other Unix systems.
/// </summary>
public sealed class IndexWriterLock : IDisposable
{
    /// <summary>The lock file in the index folder.</summary>
    public const string FileName = "ingest-writer.lock";

    /// <summary>How often <see cref="Wait"/> tries again.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private SafeFileHandle? _handle;

    private IndexWriterLock(string directory, SafeFileHandle handle)
    {
        DirectoryPath = directory;
        _handle = handle;
    }

    /// <summary>The locked index folder (absolute).</summary>
    public string DirectoryPath { get; }

    /// <summary>True until disposed.</summary>
    public bool IsHeld => _handle is { IsClosed: false };

    /// <summary>
    /// How long <see cref="Acquire"/> tries before calling the index busy. A lock its holder has just released can stay
    /// held for a moment longer: a child process this program forks at that moment (a parser worker, a converter) shares
    /// the open lock file until it execs, and the kernel keeps the lock until the last sharer closes it.
    /// </summary>
    private static readonly TimeSpan _releaseGrace = TimeSpan.FromMilliseconds(500);

    /// <summary>Takes the lock at once (allowing a just-released lock a moment to clear), creating the folder if needed, or throws <see cref="IndexBusyException"/> naming the holder.</summary>
    public static IndexWriterLock Acquire(string directory)
    {
        var full = Path.GetFullPath(directory);
        var deadline = DateTime.UtcNow + _releaseGrace;
        while (true)
        {
            if (TryAcquire(full) is { } taken)
                return taken;
            if (DateTime.UtcNow >= deadline)
                throw new IndexBusyException(full, CurrentHolder(full));
            Thread.Sleep(25);
        }
    }

    /// <summary>
    /// Takes the lock, waiting for the holder to finish: <paramref name="waiting"/> hears once who is being waited for.
    /// Throws <see cref="OperationCanceledException"/> when <paramref name="cancellation"/> fires first.
    /// </summary>
    public static IndexWriterLock Wait(string directory, Action<IndexBusyException>? waiting = null, CancellationToken cancellation = default)
    {
        var full = Path.GetFullPath(directory);
        var told = false;
        while (true)
        {
            if (TryAcquire(full) is { } taken)
                return taken;
            if (!told)
            {
                waiting?.Invoke(new IndexBusyException(full, CurrentHolder(full)));
                told = true;
            }
            cancellation.WaitHandle.WaitOne(PollInterval);
            cancellation.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Throws unless this lock is held and is the lock of <paramref name="directory"/>.</summary>
    internal void EnsureHeldFor(string directory)
    {
        ObjectDisposedException.ThrowIf(!IsHeld, this);
        if (!string.Equals(DirectoryPath, Path.GetFullPath(directory), StringComparison.Ordinal))
            throw new InvalidOperationException($"the writer lock held is for {DirectoryPath}, not {directory}");
    }

    /// <summary>Releases the lock (closing the file is what releases it).</summary>
    public void Dispose() => Interlocked.Exchange(ref _handle, null)?.Dispose();

    private static IndexWriterLock? TryAcquire(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        var handle = ExclusiveFileLock.TryTake(path);
        if (handle is null)
            return null;
        WriteHolder(handle, new IndexLockHolder(Environment.ProcessId, DateTimeOffset.Now));
        return new IndexWriterLock(directory, handle);
    }

    /// <summary>How long a busy lock's file is given to name its holder (it does so right after locking).</summary>
    private static readonly TimeSpan _holderWait = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The holder of a lock just found busy. Its file may still name the previous holder, or nobody, for the moment between
    /// the new holder's lock and its write; a holder named there that no longer runs is such a leftover, so the file is
    /// read again for a moment. Null when it never names a running process.
    /// </summary>
    private static IndexLockHolder? CurrentHolder(string directory)
    {
        var deadline = DateTime.UtcNow + _holderWait;
        while (true)
        {
            var holder = ReadHolder(directory);
            if ((holder is not null && IsRunning(holder.ProcessId)) || DateTime.UtcNow >= deadline)
                return holder is not null && IsRunning(holder.ProcessId) ? holder : null;
            Thread.Sleep(20);
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Who holds the lock of <paramref name="directory"/> as its file says; null when unknown (being written, or unreadable).</summary>
    public static IndexLockHolder? ReadHolder(string directory)
    {
        var path = Path.Combine(Path.GetFullPath(directory), FileName);
        try
        {
            // Opened without .NET's own locking on Linux: .NET would ask for a shared flock, which the holder's exclusive one refuses.
            using var handle = ExclusiveFileLock.OpenToRead(path);
            if (handle is null)
                return null;
            var buffer = new byte[256];
            var length = RandomAccess.Read(handle, buffer, 0);
            return ParseHolder(Encoding.UTF8.GetString(buffer, 0, length));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The lock file's text: <c>pid N</c> and <c>since ISO-8601</c> lines.</summary>
    internal static string FormatHolder(IndexLockHolder holder) =>
        string.Create(CultureInfo.InvariantCulture, $"pid {holder.ProcessId}\nsince {holder.Since:O}\n");

    internal static IndexLockHolder? ParseHolder(string text)
    {
        int? pid = null;
        DateTimeOffset? since = null;
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("pid ", StringComparison.Ordinal) && int.TryParse(line[4..], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                pid = id;
            else if (line.StartsWith("since ", StringComparison.Ordinal) && DateTimeOffset.TryParse(line[6..], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time))
                since = time;
        }
        return pid is { } p && since is { } s ? new IndexLockHolder(p, s) : null;
    }

    private static void WriteHolder(SafeFileHandle handle, IndexLockHolder holder)
    {
        var bytes = Encoding.UTF8.GetBytes(FormatHolder(holder));
        RandomAccess.SetLength(handle, 0);
        RandomAccess.Write(handle, bytes, 0);
    }
}
