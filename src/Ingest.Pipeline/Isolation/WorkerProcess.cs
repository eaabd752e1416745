using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace Ingest.Pipeline.Isolation;

/// <summary>
/// The importer's handle on one parser worker process: sends it one file at a time, watches the file's wall-clock time
/// and the worker's private resident memory while it works, kills it past either budget, and starts a new worker for the next
/// file after a death. Only the file in flight is lost with a worker. Not thread-safe: one caller at a time (the pool
/// lends each worker to one caller).
/// </summary>
internal sealed class WorkerProcess(WorkerExecutable executable, IsolationOptions budgets) : IDisposable
{
    /// <summary>How often the watch looks at the clock and at the worker's memory while a file is in flight.</summary>
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Longest a worker may take to start (load the runtime) before it is taken for broken; not counted against a file.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private Process? _process;
    private Stream? _requests;
    private Stream? _responses;
    private Timer? _watch;
    private long _deadline; // Stopwatch timestamp the worker must answer by; 0 while it waits for work
    private WorkerEnd _end;
    private volatile bool _stackOverflow;
    private volatile bool _outOfMemory;
    private volatile string? _firstError;
    private bool _disposed;

    /// <summary>Worker processes started so far (the first, and one after each death).</summary>
    public int Starts { get; private set; }

    /// <summary>The running worker's process id, or null before the first file and after a death.</summary>
    public int? ProcessId => _process?.Id;

    /// <summary>Extracts one file in the worker; a worker that dies or is killed on it yields a failed result naming why.</summary>
    /// <exception cref="IOException">A new worker could not be started (every file would fail the same way).</exception>
    public FileExtraction Extract(ReadOnlyMemory<byte> content, string path)
    {
        Start();
        FileExtraction? answer = null;
        var answered = Await(budgets.FileTimeout, () =>
        {
            WorkerProtocol.WriteRequest(_requests!, path, content.Span);
            answer = WorkerProtocol.ReadResponse(_responses!);
            return answer is not null;
        });
        if (answered)
            return answer!;
        var reason = ParserFailure.Describe(Bury(), budgets);
        return new FileExtraction { Path = path, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span)), Error = reason };
    }

    /// <summary>Runs an exchange with the worker under the watch; false when the worker died (or was killed) during it.</summary>
    private bool Await(TimeSpan budget, Func<bool> exchange)
    {
        lock (_gate)
            _deadline = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);
        try
        {
            return exchange();
        }
        catch (IOException)
        {
            return false; // a broken pipe or an answer cut short: the worker died; Bury finds out how
        }
        finally
        {
            lock (_gate)
                _deadline = 0;
        }
    }

    /// <summary>Starts a worker unless one is running and waits until it is ready; one that died between files is replaced without blame.</summary>
    private void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_process is { HasExited: true })
            Bury();
        if (_process is not null)
            return;
        var start = new ProcessStartInfo(executable.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in executable.Arguments)
            start.ArgumentList.Add(argument);
        start.ArgumentList.Add("worker");
        start.ArgumentList.Add("--parse-stack");
        start.ArgumentList.Add(budgets.ParseStack.Bytes.ToString(CultureInfo.InvariantCulture));
        if (budgets.LabelMap is { } labelMap)
        {
            start.ArgumentList.Add("--labels");
            start.ArgumentList.Add(labelMap);
        }
        // The runtime reads its GC settings as hexadecimal.
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + budgets.HeapLimit.Bytes.ToString("X", CultureInfo.InvariantCulture);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new IOException($"cannot start a parser worker ({executable.FileName})");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new IOException($"cannot start a parser worker ({executable.FileName}): {e.Message}", e);
        }
        process.ErrorDataReceived += (_, line) => Note(line.Data);
        process.BeginErrorReadLine();
        lock (_gate)
            _process = process;
        _requests = process.StandardInput.BaseStream;
        _responses = process.StandardOutput.BaseStream;
        _end = WorkerEnd.Died;
        _stackOverflow = _outOfMemory = false;
        _firstError = null;
        _watch = new Timer(_ => Watch(), null, WatchInterval, WatchInterval);
        Starts++;
        if (!Await(StartTimeout, () => WorkerProtocol.ReadReady(_responses)))
            throw new IOException($"a parser worker did not start: {ParserFailure.Describe(Bury(), budgets with { FileTimeout = StartTimeout })}");
    }

    /// <summary>What the worker's standard error says: the runtime reports a stack overflow or an out-of-memory failure there before it aborts.</summary>
    private void Note(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
            return;
        if (line.StartsWith("Stack overflow", StringComparison.Ordinal))
            _stackOverflow = true;
        if (line.Contains("OutOfMemoryException", StringComparison.Ordinal) || line.StartsWith("Out of memory", StringComparison.Ordinal))
            _outOfMemory = true;
        _firstError ??= line.Trim();
    }

    /// <summary>The timer's look at the exchange under way: past its deadline, or past its memory, the worker is killed.</summary>
    private void Watch()
    {
        lock (_gate)
        {
            if (_deadline == 0 || _process is null || _end != WorkerEnd.Died)
                return;
            if (Stopwatch.GetTimestamp() > _deadline)
                Kill(WorkerEnd.KilledForTime);
            else if (PrivateResidentBytes(_process.Id) > budgets.FileMemory.Bytes)
                Kill(WorkerEnd.KilledForMemory);
        }
    }

    private void Kill(WorkerEnd why)
    {
        _end = why;
        try
        {
            _process?.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Waits for the dead (or killed) worker, reads what it left and forgets it; the next file starts a new one.</summary>
    private WorkerDeath Bury()
    {
        var process = _process!;
        _watch?.Dispose();
        _watch = null;
        process.WaitForExit(); // also waits until its standard error is read to the end
        var death = new WorkerDeath(_end, process.ExitCode, _stackOverflow,
            _outOfMemory || process.ExitCode == ExtractionWorker.OverMemoryExitCode, _firstError);
        lock (_gate)
            _process = null;
        process.Dispose();
        return death;
    }

    /// <summary>
    /// The memory a process holds of its own: its resident anonymous pages (heap, stacks, native allocations) and
    /// shared-memory pages (the runtime maps compiled code that way), from <c>/proc/PID/status</c>. Pages of the program's
    /// files (assemblies mapped from disk, about 55 MB here) are left out: every process shares them and parsing does not
    /// grow them. 0 where there is no such file.
    /// </summary>
    private static long PrivateResidentBytes(int processId)
    {
        try
        {
            long kilobytes = 0;
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("RssAnon:", StringComparison.Ordinal) || line.StartsWith("RssShmem:", StringComparison.Ordinal))
                    kilobytes += long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
            }
            return kilobytes * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 0;
        }
    }

    /// <summary>Ends the worker: an idle one is told to stop (its input closes) and given a moment; a busy one is killed.</summary>
    public void Dispose()
    {
        Process? process;
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            process = _process;
            if (process is null)
                return;
            if (_deadline != 0)
            {
                // Another thread waits on this worker; it sees the worker die and buries it.
                Kill(WorkerEnd.Died);
                return;
            }
        }
        _watch?.Dispose();
        try
        {
            _requests?.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
                process.Kill();
            process.WaitForExit();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // The worker was already gone.
        }
        process.Dispose();
        _process = null;
    }
}
