using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.Versioning;

namespace Ingest.Import.Tests;

/// <summary>
/// Runs a program as a user that file permissions apply to. Root ignores permission bits, so a permission test run as root
/// (as CI does) would prove nothing: there the program runs as uid and gid 65534 (nobody) through util-linux's
/// <c>setpriv</c>, with no supplementary groups. A test process that is not root runs it directly: the bits already bind it.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class UnprivilegedUser
{
    /// <summary>nobody / nogroup on Debian and most distributions.</summary>
    public const int Id = 65534;

    private static readonly Lazy<string?> _whyNot = new(FindWhyNot);

    /// <summary>True when the program must change user for permissions to mean anything.</summary>
    public static bool SwitchesUser => Environment.IsPrivilegedProcess;

    /// <summary>Null when <see cref="Start"/> can run the built command line as a bound user here; otherwise exactly why not.</summary>
    public static string? WhyNot => _whyNot.Value;

    /// <summary>
    /// The start info that runs <paramref name="program"/> as the unprivileged user (or as the current user when not root), with
    /// output redirected. <paramref name="home"/> becomes HOME: nobody's own (/nonexistent) cannot be written, root's cannot be read.
    /// </summary>
    public static ProcessStartInfo Start(string program, IEnumerable<string> arguments, string home)
    {
        var start = new ProcessStartInfo(SwitchesUser ? "setpriv" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (SwitchesUser)
        {
            foreach (var argument in new[] { $"--reuid={Id}", $"--regid={Id}", "--clear-groups", "--", program })
                start.ArgumentList.Add(argument);
        }
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["HOME"] = home;
        return start;
    }

    /// <summary>Runs to the end (or kills at <paramref name="limit"/>): exit code, or null if it had to be killed, and both outputs.</summary>
    public static (int? ExitCode, string Output, string Error) Run(ProcessStartInfo start, TimeSpan limit)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (null, output.Result, error.Result);
        }
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The path of the command line built beside the tests.</summary>
    public static string Cli => Path.Combine(AppContext.BaseDirectory, "ingest.dll");

    private static string? FindWhyNot()
    {
        if (!SwitchesUser)
            return null;
        const string root = "the tests run as root, which ignores permission bits, and";
        var scratch = Directory.CreateTempSubdirectory("ingest-unprivileged-").FullName;
        try
        {
            File.SetUnixFileMode(scratch, (UnixFileMode)0b111_111_111);
            var (code, _, error) = Run(Start("dotnet", [Cli, "--version"], scratch), TimeSpan.FromMinutes(1));
            if (code != 0)
                return $"{root} uid {Id} cannot run the built command line (dotnet {Cli} --version: exit {code?.ToString() ?? "none, killed"}): {error.Trim()}";
            var probe = Path.Combine(scratch, "probe");
            (code, _, error) = Run(Start("touch", [probe], scratch), TimeSpan.FromMinutes(1));
            if (code != 0 || !File.Exists(probe))
                return $"{root} uid {Id} cannot write in a folder under the temporary folder {Path.GetTempPath()}: {error.Trim()}";
            return null;
        }
        catch (Win32Exception e)
        {
            return $"{root} setpriv (util-linux) could not be started to run the command line as uid {Id}: {e.Message}";
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}

/// <summary>
/// A fact about file permissions, run through <see cref="UnprivilegedUser"/>. Skipped, with the exact reason, only when the
/// tests run as root and the unprivileged user cannot run the built command line (no setpriv, dotnet under /root, a
/// private temporary folder).
/// </summary>
public sealed class PermissionFactAttribute : FactAttribute
{
    public PermissionFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
            Skip = "Linux only: the file-type probe (statx) and setpriv exist only there";
        else if (UnprivilegedUser.WhyNot is { } reason)
            Skip = reason;
    }
}
