using Ingest.Core.Records;
using Ingest.Index.Store;
using Ingest.Tests.Shared;

namespace Ingest.Cli.Tests;

/// <summary>
/// What a command does not need is not done at its start: only the invoked command is created, and the commands that do
/// not analyse text (show, report) never build the analysis (which loads the Japanese dictionary). Observed through
/// <c>INGEST_TRACE_STARTUP=1</c>, the milestones the process writes, so it is the real process that is checked.
/// </summary>
public sealed class StartupTests : IDisposable
{
    private const string Word = "起動検証";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ingest-startup-tests-" + Guid.NewGuid().ToString("N"));

    public StartupTests()
    {
        using var store = IndexStore.Open(_directory);
        using var updater = store.OpenUpdater();
        var record = new SubmissionRecord
        {
            Source = new SourceInfo { Path = "/nonexistent/startup.txt", Sha256 = new string('a', 64), Format = "text" },
            Title = $"{Word}の件",
            FiscalYear = 2026,
            Sheets =
            [
                new SheetRecord
                {
                    Type = "外部結合",
                    Fields = new Dictionary<string, string> { ["結合の相手方"] = "地方公共団体情報システム機構" },
                    Partners = ["地方公共団体情報システム機構"],
                    Period = new Period { Text = "令和8年4月1日から令和9年3月31日まで", Recurrence = Recurrence.Annual, Start = new DateOnly(2026, 4, 1), End = new DateOnly(2027, 3, 31) },
                },
            ],
        };
        updater.Replace(record.Source.Path, record.Source.Sha256, [record]);
        updater.Commit();
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    private static readonly Dictionary<string, string> _trace = new() { ["INGEST_TRACE_STARTUP"] = "1" };

    [Fact]
    public void Show_and_report_never_build_the_analysis_search_does()
    {
        var show = IngestProcess.Run(["show", "/nonexistent/startup.txt", "--index", _directory], _trace);
        Assert.Equal(0, show.Code);
        Assert.Contains(Word, show.Output, StringComparison.Ordinal);
        Assert.Contains(show.Errors, line => line.EndsWith(": done", StringComparison.Ordinal));
        Assert.DoesNotContain(show.Errors, line => line.Contains("analysis: building", StringComparison.Ordinal));

        var report = IngestProcess.Run(["report", "renewals", "--index", _directory, "--as-of", "2026-11-22", "--format", "csv"], _trace);
        Assert.Equal(0, report.Code);
        Assert.Contains(Word, report.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Errors, line => line.Contains("analysis: building", StringComparison.Ordinal));

        // The same trace does see the analysis built when the query has to be analysed.
        var search = IngestProcess.Run(["search", Word, "--index", _directory], _trace);
        Assert.Equal(0, search.Code);
        Assert.Contains(search.Errors, line => line.Contains("analysis: building", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_trace_variable_nothing_is_written()
    {
        var show = IngestProcess.Run(["show", "/nonexistent/startup.txt", "--index", _directory]);
        Assert.Equal(0, show.Code);
        Assert.Empty(show.Errors);
    }

    [Fact]
    public void Each_command_is_registered_under_the_name_it_answers_to()
    {
        foreach (var (name, _) in Program.CommandTable)
            Assert.Equal(name, Assert.Single(Program.BuildRoot(name).Subcommands).Name);
        Assert.Equal(Program.CommandTable.Length, Program.BuildRoot().Subcommands.Count);
        // A name that is no command (a typo, --help) gets every command, so the parser can list them or suggest one.
        Assert.Equal(Program.CommandTable.Length, Program.BuildRoot("serach").Subcommands.Count);
        Assert.Equal(Program.CommandTable.Length, Program.BuildRoot("--help").Subcommands.Count);
    }

    [Fact]
    public void A_mistyped_command_is_still_refused_by_name()
    {
        var run = IngestProcess.Run(["serach", "J-LIS"]);
        Assert.NotEqual(0, run.Code);
        Assert.Contains(run.Errors, line => line.Contains("serach", StringComparison.Ordinal));
    }
}
