using System.Collections.Concurrent;

namespace Ingest.Pipeline.Isolation;

/// <summary>
/// Extraction in a pool of long-lived parser processes (the <c>ingest</c> executable in its <c>worker</c> mode, fed over
/// pipes), so that a parser's stack overflow, runaway memory or endless loop costs one file — reported as failed with its
/// reason — never the import, as Apache Tika does with its forked parser processes. Each file is sent whole to one idle
/// worker, which answers with its records before it gets the next; a worker that dies is replaced when it is next needed.
/// Workers start when first needed, so a run with nothing to extract starts none. Thread-safe: up to
/// <c>workers</c> files are extracted at once, further callers wait for a free worker.
/// </summary>
public sealed class IsolatedExtractor : IFileExtractor, IDisposable
{
    private readonly WorkerProcess[] _all;
    private readonly BlockingCollection<WorkerProcess> _idle = new(new ConcurrentQueue<WorkerProcess>());
    private volatile bool _disposed;

    public IsolatedExtractor(WorkerExecutable executable, IsolationOptions? budgets = null, int workers = 1)
    {
        ArgumentNullException.ThrowIfNull(executable);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        Budgets = budgets ?? new IsolationOptions();
        _all = Enumerable.Range(0, workers).Select(_ => new WorkerProcess(executable, Budgets)).ToArray();
        foreach (var worker in _all)
            _idle.Add(worker);
    }

    public IsolationOptions Budgets { get; }

    /// <summary>Worker processes started so far, replacements included: one per worker used, plus one per death.</summary>
    public int WorkersStarted => _all.Sum(w => w.Starts);

    /// <summary>Process ids of the workers running now (for tests that kill one from outside).</summary>
    public IReadOnlyList<int> RunningProcessIds => _all.Select(w => w.ProcessId).OfType<int>().ToArray();

    public FileExtraction Extract(ReadOnlyMemory<byte> content, string path)
    {
        var worker = _idle.Take();
        try
        {
            return worker.Extract(content, path);
        }
        finally
        {
            if (!_disposed)
                _idle.Add(worker);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var worker in _all)
            worker.Dispose();
        _idle.Dispose();
    }
}
