using System.Diagnostics;

namespace Ingest.Core.Diagnostics;

/// <summary>
/// Milestones of a command's start, written to standard error as milliseconds since the process started when
/// <c>INGEST_TRACE_STARTUP=1</c>; does nothing (one cached check) otherwise. It is how the start-up costs of
/// <c>search</c>, <c>show</c> and <c>report</c> were found, and how they are kept apart when one comes back.
/// </summary>
public static class StartupTrace
{
    private static readonly bool _enabled = Environment.GetEnvironmentVariable("INGEST_TRACE_STARTUP") == "1";

    /// <summary>Writes <c>startup +N ms [jit …, gc …, N MB allocated]: WHAT</c> when tracing is on.</summary>
    public static void Mark(string what)
    {
        if (!_enabled)
            return;
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        // The JIT and collector figures say whether a slow step is our work or the runtime compiling and sweeping.
        Console.Error.WriteLine(
            $"startup +{sinceStart.TotalMilliseconds:0} ms [jit {System.Runtime.JitInfo.GetCompiledMethodCount()} methods " +
            $"{System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms, gc {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, " +
            $"{GC.GetTotalAllocatedBytes() / 1048576} MB allocated]: {what}");
    }
}
