namespace Ingest.Web.Tests;

/// <summary>
/// A fact that runs only where Chromium is installed (Debian's <c>chromium</c> package at /usr/bin/chromium, or the path in
/// <c>INGEST_CHROMIUM</c>); elsewhere it is skipped with a message saying how to get it. Playwright never downloads a browser here.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string DefaultPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
            Skip = $"Chromium not found at {ExecutablePath}: browser tests skipped (install it with .ci/install-browser, or set INGEST_CHROMIUM)";
    }

    /// <summary>The browser to drive.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("INGEST_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;
}
