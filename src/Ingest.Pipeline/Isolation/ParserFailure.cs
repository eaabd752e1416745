namespace Ingest.Pipeline.Isolation;

/// <summary>Why a worker stopped in the middle of a file, as the parent saw it.</summary>
public enum WorkerEnd
{
    /// <summary>The worker ended by itself (it crashed, or exited).</summary>
    Died,

    /// <summary>The parent killed it: the file ran past <see cref="IsolationOptions.FileTimeout"/>.</summary>
    KilledForTime,

    /// <summary>The parent killed it: its resident set went past <see cref="IsolationOptions.FileMemory"/>.</summary>
    KilledForMemory,
}

/// <summary>What a dead worker left behind: how it ended, its exit status and what its standard error said.</summary>
/// <param name="End">Who ended it.</param>
/// <param name="ExitCode">The exit status; 128 + N when signal N killed it (as .NET and shells report it).</param>
/// <param name="StackOverflow">Its standard error carried the runtime's "Stack overflow." report.</param>
/// <param name="OutOfMemory">Its standard error carried an out-of-memory report, or it exited with <see cref="ExtractionWorker.OverMemoryExitCode"/>.</param>
/// <param name="FirstError">The first line it wrote to standard error, if any, for a crash with no better name.</param>
public sealed record WorkerDeath(WorkerEnd End, int ExitCode, bool StackOverflow, bool OutOfMemory, string? FirstError);

/// <summary>
/// The one-line reasons a file fails when its parser could not finish: each names what happened in words a records
/// clerk can act on (<c>crashed the parser (stack overflow)</c>, <c>over the 60 s budget</c>, <c>over the 1 GiB memory
/// budget</c>). Pure: the worker's end in, the message out.
/// </summary>
public static class ParserFailure
{
    public static string OverTime(TimeSpan budget) => $"over the {DurationText.Format(budget)} budget";

    public static string OverMemory(ByteSize budget) => $"over the {budget} memory budget";

    /// <summary>A parser threw instead of returning a result: a bug in it, reported and survived.</summary>
    public static string Threw(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Crashed($"{exception.GetType().Name}: {FirstLine(exception.Message)}");
    }

    /// <summary>Why the file whose parsing killed the worker failed.</summary>
    public static string Describe(WorkerDeath death, IsolationOptions budgets)
    {
        ArgumentNullException.ThrowIfNull(death);
        ArgumentNullException.ThrowIfNull(budgets);
        return death switch
        {
            { End: WorkerEnd.KilledForTime } => OverTime(budgets.FileTimeout),
            { End: WorkerEnd.KilledForMemory } or { OutOfMemory: true } => OverMemory(budgets.FileMemory),
            { StackOverflow: true } => Crashed("stack overflow"),
            { ExitCode: > 128 and < 128 + 65 } => Crashed($"killed by {SignalName(death.ExitCode - 128)}"),
            { FirstError: { Length: > 0 } first } => Crashed($"exit code {death.ExitCode}: {first}"),
            _ => Crashed($"exit code {death.ExitCode}"),
        };
    }

    private static string Crashed(string how) => $"crashed the parser ({how})";

    private static string FirstLine(string text)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        return end < 0 ? text : text[..end];
    }

    /// <summary>The Linux name of the signals a parser dies of; others by number.</summary>
    private static string SignalName(int signal) => signal switch
    {
        4 => "SIGILL",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        15 => "SIGTERM",
        _ => $"signal {signal}",
    };
}
