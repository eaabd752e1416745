using System.ComponentModel;
using System.Diagnostics;

namespace Ingest.Readers.Ocr;

/// <summary>An outside program that could not do its work; the message is one line naming the program and the Debian package it comes in.</summary>
public sealed class OcrUnavailableException(string message) : Exception(message);

/// <summary>
/// Runs an outside program (pdftoppm, tesseract, img2pdf) as a child process with a time limit and a memory limit. The
/// child is started under coreutils' <c>timeout</c> when it is there, so it ends even if this process is killed first (a
/// parser worker over its budget is killed with SIGKILL and cannot end its children itself), and under util-linux's
/// <c>prlimit --as</c> for its memory, which the worker's budget does not see. OpenMP is held to one thread: the import
/// runs one parser per core (<c>--jobs</c>), and Tesseract's own threads would fight them.
/// </summary>
internal static class ToolRunner
{
    private const string CoreutilsTimeout = "/usr/bin/timeout";

    public sealed record Outcome(int ExitCode, string Output, string Error);

    private const string UtilLinuxPrlimit = "/usr/bin/prlimit";

    /// <summary>
    /// Runs <paramref name="program"/> for at most <paramref name="limit"/>, mapping at most <paramref name="addressSpace"/>
    /// bytes when given (and prlimit is there): a program that needs more fails as when memory runs out.
    /// </summary>
    public static Outcome Run(string program, IEnumerable<string> arguments, TimeSpan limit, string package, string? workingDirectory = null, long? addressSpace = null)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        info.Environment["OMP_THREAD_LIMIT"] = "1";
        var seconds = Math.Max(1, (int)Math.Ceiling(limit.TotalSeconds));
        if (File.Exists(CoreutilsTimeout) && Resolve(program) is { } resolved)
        {
            info.FileName = CoreutilsTimeout;
            foreach (var argument in new[] { "--kill-after=5", $"{seconds}" })
                info.ArgumentList.Add(argument);
            if (addressSpace is { } bytes && File.Exists(UtilLinuxPrlimit))
            {
                foreach (var argument in new[] { UtilLinuxPrlimit, $"--as={bytes}", "--" })
                    info.ArgumentList.Add(argument);
            }
            info.ArgumentList.Add(resolved);
        }
        else
            info.FileName = program;
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new OcrUnavailableException($"{program} did not start");
        }
        catch (Win32Exception)
        {
            throw new OcrUnavailableException(Missing(program, package));
        }
        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(limit + TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw new TimeoutException($"{Path.GetFileName(program)} took longer than {seconds} s");
            }
            process.WaitForExit();
            if (process.ExitCode == 127 && info.FileName == CoreutilsTimeout)
                throw new OcrUnavailableException(Missing(program, package));
            if (process.ExitCode == 124 && info.FileName == CoreutilsTimeout)
                throw new TimeoutException($"{Path.GetFileName(program)} took longer than {seconds} s");
            return new Outcome(process.ExitCode, output.Result, error.Result);
        }
    }

    public static string Missing(string program, string package) =>
        $"{Path.GetFileName(program)} is not installed (Debian package {package})";

    /// <summary>The program's full path: as given when it names a file, else the first match on PATH; null when there is none.</summary>
    public static string? Resolve(string program)
    {
        if (program.Contains('/'))
            return File.Exists(program) ? program : null;
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, program);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
