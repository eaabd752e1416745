using System.Diagnostics;
using System.ComponentModel;

namespace Ingest.Reports.Tests.Support;

/// <summary>
/// LibreOffice Calc for the XLSX round trip, found once per run: <c>soffice</c> from <c>INGEST_SOFFICE</c> or the PATH,
/// then checked to actually convert a spreadsheet (a tiny CSV to XLSX), because <c>soffice</c> with only Writer installed
/// is there but cannot open a workbook. Debian: <c>apt-get install libreoffice-calc-nogui</c> (.ci/debian-packages).
/// </summary>
internal static class LibreOfficeCalc
{
    private static readonly Lazy<(string? Path, string? WhyNot)> _found = new(Find);

    /// <summary>The soffice that converts spreadsheets here, or null.</summary>
    public static string? Soffice => _found.Value.Path;

    /// <summary>Null when <see cref="Soffice"/> works; otherwise why the round trip cannot run here, for the skip message.</summary>
    public static string? WhyNot => _found.Value.WhyNot;

    private static (string?, string?) Find()
    {
        var soffice = Environment.GetEnvironmentVariable("INGEST_SOFFICE") is { Length: > 0 } given ? given
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
                .Select(dir => Path.Combine(dir, "soffice")).FirstOrDefault(File.Exists);
        if (soffice is null)
            return (null, "soffice (LibreOffice) is not on PATH: install libreoffice-calc-nogui (.ci/install-packages) or set INGEST_SOFFICE");
        var directory = Directory.CreateTempSubdirectory("ingest-calc-probe-").FullName;
        try
        {
            var csv = Path.Combine(directory, "probe.csv");
            File.WriteAllText(csv, "a,b\n1,2\n");
            var (code, output) = Run(soffice, directory, "--convert-to", "xlsx", "--outdir", directory, csv);
            return File.Exists(Path.Combine(directory, "probe.xlsx"))
                ? (soffice, null)
                : (null, $"{soffice} cannot convert a spreadsheet (exit {code?.ToString() ?? "none, killed"}: {output.Trim()}); is LibreOffice Calc installed (libreoffice-calc-nogui)?");
        }
        catch (Win32Exception e)
        {
            return (null, $"{soffice} cannot be started: {e.Message}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Runs soffice headless with a profile of its own in <paramref name="directory"/>; exit code (null if killed) and output.</summary>
    public static (int? Code, string Output) Run(string soffice, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { $"-env:UserInstallation=file://{Path.Combine(directory, "profile")}", "--headless", "--norestore" }.Concat(arguments))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (null, "did not finish within 2 minutes");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
