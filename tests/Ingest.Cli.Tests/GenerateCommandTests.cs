using Ingest.Cli.Commands;

namespace Ingest.Cli.Tests;

/// <summary><c>ingest generate</c>: formats taken in turn from <c>--formats</c>, expected records beside them, and the check.</summary>
public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-generate-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Formats_rotate_over_the_list_and_every_file_checks_out()
    {
        var output = new StringWriter();
        Assert.Equal(0, GenerateCommand.Run(_root, 6, seed: 5, check: true, output, "text,docx,pdf"));
        var names = Directory.GetFiles(_root).Select(p => Path.GetFileName(p)).Where(n => !n.EndsWith(".expected.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["gen005-000000-tabrows.txt", "gen005-000001-docx.docx", "gen005-000002-pdf.pdf",
            "gen005-000003-markdown.md", "gen005-000004-docx.docx", "gen005-000005-pdf.pdf"], names);
        Assert.Equal(6, Directory.GetFiles(_root, "*.expected.json").Length);
        var report = output.ToString();
        Assert.Contains("6/6 files entirely right", report);
        Assert.Contains("format pdf", report);
    }

    [Fact]
    public void An_unknown_format_is_refused_with_the_accepted_ones_named()
    {
        var errors = new StringWriter();
        Assert.Equal(1, GenerateCommand.Run(_root, 1, seed: 1, check: false, new StringWriter(), "text,rtf", errors));
        Assert.Contains("unknown rtf", errors.ToString());
        Assert.Contains("text, docx, pdf", errors.ToString());
        Assert.Empty(Directory.GetFiles(_root));
    }

    [Fact]
    public void Wordings_write_labels_as_other_sections_do_and_the_check_reports_by_sheet_kind_and_field()
    {
        var output = new StringWriter();
        Assert.Equal(0, GenerateCommand.Run(_root, 3, seed: 8, check: true, output, "text", wordings: "held"));
        var report = output.ToString();
        Assert.Contains("sheet labels from the held half of the label wordings", report);
        Assert.Contains("3/3 files entirely right", report);
        Assert.Contains("by sheet kind and field:", report);
        Assert.Matches(@"\n    (外部結合|委託|委任) 保有課\s+\d+/\d+\s+100\.00%", report);
        // The labels written are the held half's, none of them the catalogue's 保有課 wordings.
        var text = string.Concat(Directory.GetFiles(_root, "*.txt").Select(File.ReadAllText));
        Assert.DoesNotContain("保有課", text);

        var errors = new StringWriter();
        Assert.Equal(1, GenerateCommand.Run(Path.Combine(_root, "x"), 1, seed: 1, check: false, new StringWriter(), "text", errors, wordings: "test"));
        Assert.Contains("--wordings: unknown half 'test'; use build or held", errors.ToString());
    }
}
