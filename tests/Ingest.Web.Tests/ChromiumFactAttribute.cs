using System.ComponentModel;
using System.Diagnostics;

namespace Ingest.Web.Tests;

/// <summary>
/// A fact that runs only where Chromium is installed and runs (Debian's <c>chromium</c> package at /usr/bin/chromium, or the
/// path in <c>INGEST_CHROMIUM</c>); elsewhere it is skipped with the reason. Whether it runs is tried once per test run by
/// loading a blank page headless, so a browser that is there but cannot start (missing libraries, a broken install) skips
/// the browser tests instead of failing them. Playwright never downloads a browser here.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string DefaultPath = "/usr/bin/chromium";

    private static readonly Lazy<string?> _whyNot = new(FindWhyNot);

    public ChromiumFactAttribute()
    {
        if (_whyNot.Value is { } reason)
            Skip = reason;
    }

    /// <summary>The browser to drive.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("INGEST_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    private static string? FindWhyNot()
    {
        var path = ExecutablePath;
        if (!File.Exists(path))
            return $"Chromium not found at {path}: browser tests skipped (install it with .ci/install-packages, or set INGEST_CHROMIUM)";
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "about:blank" })
            start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
            {
                process.Kill(entireProcessTree: true);
                return $"Chromium at {path} did not load a blank page within a minute: browser tests skipped";
            }
            return process.ExitCode == 0 && output.Result.Contains("<html", StringComparison.OrdinalIgnoreCase)
                ? null
                : $"Chromium at {path} cannot run (exit {process.ExitCode}: {error.Result.Trim().Split('\n').LastOrDefault()}): browser tests skipped";
        }
        catch (Win32Exception e)
        {
            return $"Chromium at {path} cannot be started ({e.Message}): browser tests skipped";
        }
    }
}
