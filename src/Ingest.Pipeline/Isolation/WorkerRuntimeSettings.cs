namespace Ingest.Pipeline.Isolation;

/// <summary>
/// How the runtime of a parser worker compiles its code. A worker lives for the whole import and runs the same readers
/// over thousands of files, the opposite of what tiered compilation is made for (start quickly, optimise what turns out
/// to be hot): tiering compiled the readers' methods up to three times (quick, instrumented, optimised), and in a worker
/// that compiling took most of the first few hundred files' CPU time. Compiling each method once, optimised, halved the
/// CPU time of a 500-file import and took a quarter off a 3,000-PDF one (README, <i>Import by format</i>). The importer
/// itself keeps tiering (only its profile-guided tier is off, see Ingest.Cli.csproj): it also serves short commands,
/// where a quick start matters more.
/// </summary>
public static class WorkerRuntimeSettings
{
    /// <summary>Environment variables set on every worker's runtime (on top of the importer's own environment).</summary>
    public static IReadOnlyList<(string Name, string Value)> Environment { get; } =
    [
        ("DOTNET_TieredCompilation", "0"),
    ];
}
