using System.Diagnostics;

namespace Ingest.Cli.Tests;

/// <summary>
/// The README's install command, <c>bash tools/install.sh --prefix DIR</c>, run from this checkout into a temporary folder:
/// the installed <c>DIR/bin/ingest</c> answers <c>--version</c> and does real work (generates, imports and searches a small
/// archive) with nothing but itself. Slow (a ReadyToRun publish); skipped only when bash or the .NET SDK is missing.
/// </summary>
public sealed class InstalledToolTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ingest-install-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    /// <summary>The checkout the tests were built from: the folder above the test binaries that holds tools/install.sh.</summary>
    private static string? Checkout()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "tools", "install.sh")) && File.Exists(Path.Combine(folder.FullName, "Ingest.sln")))
                return folder.FullName;
        }
        return null;
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Any(folder => folder.Length > 0 && File.Exists(Path.Combine(folder, program)));

    private static (int Code, string Output, string Errors) Run(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // The installed tool must not lean on the SDK's runtime or on anything the test host set up.
        start.Environment.Remove("DOTNET_ROOT");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not finish within {timeout}");
        }
        return (process.ExitCode, output.Result, errors.Result);
    }

    [SkippableFact]
    public void The_installed_ingest_runs_version_and_a_search()
    {
        Skip.If(!OnPath("bash"), "bash is not on the PATH");
        Skip.If(!OnPath("dotnet"), "the .NET SDK (dotnet) is not on the PATH");
        var checkout = Checkout();
        Skip.If(checkout is null, $"no checkout with tools/install.sh above {AppContext.BaseDirectory}");

        var prefix = Path.Combine(_root, "prefix");
        var install = Run("bash", [Path.Combine(checkout!, "tools", "install.sh"), "--prefix", prefix], TimeSpan.FromMinutes(15));
        Assert.True(install.Code == 0, $"install.sh failed ({install.Code}): {install.Errors}{install.Output}");
        var ingest = Path.Combine(prefix, "bin", "ingest");
        Assert.True(File.Exists(ingest), $"{ingest} was not installed");
        Assert.Contains($"as {ingest}", install.Output, StringComparison.Ordinal);

        var version = Run(ingest, ["--version"], TimeSpan.FromMinutes(1));
        Assert.Equal(0, version.Code);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Output.Trim());

        var corpus = Path.Combine(_root, "corpus");
        var index = Path.Combine(_root, "index");
        var generate = Run(ingest, ["generate", "--out", corpus, "--count", "12", "--seed", "7"], TimeSpan.FromMinutes(2));
        Assert.True(generate.Code == 0, generate.Errors);
        var import = Run(ingest, ["import", corpus, "--index", index, "--in-process"], TimeSpan.FromMinutes(5));
        Assert.True(import.Code is 0 or 3, import.Errors);
        Assert.Contains("imported 12,", import.Output + import.Errors, StringComparison.Ordinal);

        var search = Run(ingest, ["search", "J-LIS", "--index", index, "--json"], TimeSpan.FromMinutes(1));
        Assert.True(search.Code == 0, search.Errors);
        using var json = System.Text.Json.JsonDocument.Parse(search.Output);
        var hits = json.RootElement.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, hit => Assert.StartsWith(corpus, hit.GetProperty("path").GetString(), StringComparison.Ordinal));
        // The query went through the installed tool's own analysis: J-LIS is found under either of its names.
        Assert.Contains(hits, hit => hit.GetProperty("snippetText").GetString() is { } text
            && (text.Contains("J-LIS", StringComparison.OrdinalIgnoreCase) || text.Contains("地方公共団体情報システム機構", StringComparison.Ordinal)));
    }
}
