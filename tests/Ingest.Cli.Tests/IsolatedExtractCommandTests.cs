using Ingest.Import.Tests.Isolation;
using Ingest.Tests.Shared;

namespace Ingest.Cli.Tests;

/// <summary>
/// The real <c>ingest extract</c> on several files parses them in a worker process: a file that crashes its parser
/// costs one line, the others are printed, the exit code is 1. And the budget options are checked as they are parsed.
/// </summary>
public sealed class IsolatedExtractCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-cli-extract-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static (int Code, string Output, string[] Errors) Ingest(params string[] arguments) => IngestProcess.Run(arguments);

    [Fact]
    public void A_file_that_crashes_its_parser_is_one_line_and_the_files_after_it_are_printed()
    {
        var nested = Path.Combine(_root, "nested.docx");
        DemandingDocuments.NestedTables(nested, depth: 60); // overflows a 64 KiB stack in optimised and debug builds alike (IsolatedExtractorTests)
        var seed = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds")).Order(StringComparer.Ordinal).First();

        var (code, output, errors) = Ingest("extract", "--parse-stack", "64K", nested, seed, "/no/such/file.pdf");

        Assert.Equal(1, code);
        Assert.Equal([$"{nested}: crashed the parser (stack overflow)", "/no/such/file.pdf: file not found"], errors);
        Assert.Contains("■ マイナンバーカードと在留カード等一体化に係る外部結合について", output);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("extract")]
    public void Budget_options_take_units_and_refuse_nonsense(string command)
    {
        Assert.Empty(Program.BuildRoot().Parse([command, "a.txt", "--file-timeout", "90s", "--file-memory", "2G", "--in-process"]).Errors);
        Assert.Empty(Program.BuildRoot().Parse([command, "a.txt", "--file-timeout", "45", "--parse-stack", "256K"]).Errors);
        Assert.Contains(Program.BuildRoot().Parse([command, "a.txt", "--file-memory", "10M"]).Errors, e => e.Message.Contains("at least 128 MiB", StringComparison.Ordinal));
        Assert.Contains(Program.BuildRoot().Parse([command, "a.txt", "--file-memory", "lots"]).Errors, e => e.Message.Contains("1G, 512M", StringComparison.Ordinal));
        Assert.Contains(Program.BuildRoot().Parse([command, "a.txt", "--file-timeout", "soon"]).Errors, e => e.Message.Contains("--file-timeout 'soon'", StringComparison.Ordinal));
        Assert.Contains(Program.BuildRoot().Parse([command, "a.txt", "--parse-stack", "8K"]).Errors, e => e.Message.Contains("at least 64 KiB", StringComparison.Ordinal));
    }

    [Fact]
    public void The_worker_mode_is_hidden_from_help()
    {
        var (code, output, _) = Ingest("--help");
        Assert.Equal(0, code);
        Assert.Contains("import", output);
        Assert.DoesNotContain("worker", output);
    }
}
