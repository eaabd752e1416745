using Ingest.Pipeline.Isolation;

namespace Ingest.Pipeline.Tests.Isolation;

/// <summary>Each way a worker can end on a file is named in one line a clerk can act on.</summary>
public sealed class ParserFailureTests
{
    private static readonly IsolationOptions Budgets = new();

    private static string Describe(WorkerEnd end = WorkerEnd.Died, int exitCode = 0, bool stackOverflow = false, bool outOfMemory = false, string? firstError = null) =>
        ParserFailure.Describe(new WorkerDeath(end, exitCode, stackOverflow, outOfMemory, firstError), Budgets);

    [Fact]
    public void A_worker_killed_for_time_names_the_time_budget() =>
        Assert.Equal("over the 60 s budget", Describe(WorkerEnd.KilledForTime, exitCode: 137));

    [Fact]
    public void A_worker_killed_for_memory_or_out_of_heap_names_the_memory_budget()
    {
        Assert.Equal("over the 1 GiB memory budget", Describe(WorkerEnd.KilledForMemory, exitCode: 137));
        Assert.Equal("over the 1 GiB memory budget", Describe(exitCode: ExtractionWorker.OverMemoryExitCode, outOfMemory: true));
        Assert.Equal("over the 1 GiB memory budget", Describe(exitCode: 134, outOfMemory: true, firstError: "Out of memory."));
    }

    [Fact]
    public void A_stack_overflow_is_named_whatever_the_signal() =>
        Assert.Equal("crashed the parser (stack overflow)", Describe(exitCode: 134, stackOverflow: true, firstError: "Stack overflow."));

    [Fact]
    public void Other_deaths_name_the_signal_or_the_exit_code_and_first_error_line()
    {
        Assert.Equal("crashed the parser (killed by SIGKILL)", Describe(exitCode: 137));
        Assert.Equal("crashed the parser (killed by SIGSEGV)", Describe(exitCode: 139, firstError: "whatever"));
        Assert.Equal("crashed the parser (exit code 1: Unhandled exception. System.Exception: boom)", Describe(exitCode: 1, firstError: "Unhandled exception. System.Exception: boom"));
        Assert.Equal("crashed the parser (exit code 2)", Describe(exitCode: 2));
    }

    [Fact]
    public void A_parser_that_throws_is_named_by_its_exception_on_one_line() =>
        Assert.Equal("crashed the parser (DecoderFallbackException: bad byte)", ParserFailure.Threw(new System.Text.DecoderFallbackException("bad byte\nat offset 3")));

    [Fact]
    public void Budgets_are_said_as_given() =>
        Assert.Equal("over the 0.5 s budget", ParserFailure.OverTime(TimeSpan.FromMilliseconds(500)));
}
