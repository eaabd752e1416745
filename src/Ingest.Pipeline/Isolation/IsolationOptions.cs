namespace Ingest.Pipeline.Isolation;

/// <summary>
/// The budgets of one parser process. The defaults suit a 2-core, 4 GB office PC: two workers at 1 GiB each leave room for
/// the importer itself and the desktop, and no real submission needs more than a few seconds or a few hundred megabytes.
/// </summary>
public sealed record IsolationOptions
{
    /// <summary>Wall-clock time one file may take in a worker (reading and extraction); the worker is killed past it.</summary>
    public TimeSpan FileTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Memory one worker may use while it parses a file: its private resident memory (anonymous and shared-memory pages,
    /// not the program files it maps), watched from outside, and its managed heap, capped inside (<see cref="HeapLimit"/>).
    /// </summary>
    public ByteSize FileMemory { get; init; } = ByteSize.FromGiB(1);

    /// <summary>
    /// Stack of the worker's parsing thread. Deeply nested input makes parsers recurse; past this the worker dies of a stack
    /// overflow and the file is reported as having crashed the parser. 8 MiB is what Linux gives a main thread.
    /// </summary>
    public ByteSize ParseStack { get; init; } = ByteSize.FromMiB(8);

    /// <summary>
    /// A staff label map (<c>labels.csv</c>) every worker maps labels with as well, read by each worker when it starts; null
    /// for none. Not a budget, but the one setting of extraction that must reach the workers.
    /// </summary>
    public string? LabelMap { get; init; }

    /// <summary>The smallest <see cref="FileMemory"/> accepted: a worker that has parsed a file of each format holds 45–80 MiB of its own.</summary>
    public static ByteSize MinFileMemory { get; } = ByteSize.FromMiB(128);

    /// <summary>The smallest <see cref="ParseStack"/> accepted (the runtime's own floor for a thread).</summary>
    public static ByteSize MinParseStack { get; } = new(64 * ByteSize.KiB);

    /// <summary>
    /// The managed-heap ceiling given to the worker's runtime (<c>GCHeapHardLimit</c>): the budget less room for what is not
    /// heap (runtime, JIT-compiled code, thread stacks), so an allocation past it fails inside the worker with an
    /// <see cref="OutOfMemoryException"/> before the resident-set watch, which samples, has to kill it.
    /// </summary>
    public ByteSize HeapLimit => new(FileMemory.Bytes - Math.Min(FileMemory.Bytes / 4, 128 * ByteSize.MiB));
}
