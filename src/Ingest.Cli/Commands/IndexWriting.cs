using Ingest.Index.Store;

namespace Ingest.Cli.Commands;

/// <summary>
/// How a command that writes the index (import, remove) takes its writer lock: at once, or waiting with <c>--wait</c>.
/// A second writer is told who holds the index and leaves with <see cref="IndexBusy"/>, so a script can retry.
/// </summary>
internal static class IndexWriting
{
    /// <summary>Exit code when another process is writing the index: 75, <c>EX_TEMPFAIL</c> of sysexits.h ("try again later").</summary>
    public const int IndexBusy = 75;

    /// <summary>The <c>--wait</c> option's description, the same for every writing command.</summary>
    public const string WaitDescription = "When another process is writing the index, wait for it to finish instead of leaving at once (exit code 75).";

    /// <summary>The lock, or null after telling <paramref name="errors"/> who holds it (the caller exits with <see cref="IndexBusy"/>).</summary>
    public static IndexWriterLock? Take(string directory, bool wait, TextWriter errors)
    {
        try
        {
            return wait
                ? IndexWriterLock.Wait(directory, busy => errors.WriteLine($"{busy.Message}; waiting for it to end (--wait)"))
                : IndexWriterLock.Acquire(directory);
        }
        catch (IndexBusyException busy)
        {
            errors.WriteLine($"{busy.Message}; try again when it ends, or pass --wait");
            return null;
        }
    }
}
