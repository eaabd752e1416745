using System.Diagnostics;

namespace Ingest.Tests.Shared;

/// <summary>
/// Runs the built <c>ingest</c> command (the <c>ingest.dll</c> copied beside the tests) as a real child process, for tests
/// of what only a process shows: parser workers, budgets, exit codes, the lines on standard error.
/// </summary>
internal static class IngestProcess
{
    /// <summary>The exit code, standard output, and standard error's non-empty lines of <c>ingest ARGUMENTS</c>.</summary>
    public static (int Code, string Output, string[] Errors) Run(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ingest.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)), $"ingest {string.Join(' ', start.ArgumentList.Skip(1).Take(1))} did not finish");
        return (process.ExitCode, output.Result, errors.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
