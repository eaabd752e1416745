using System.Text.Json;
using Ingest.Cli.Commands;

namespace Ingest.Cli.Tests;

/// <summary>
/// <c>ingest import</c> as a user meets it: the summary line, a line per failed file, one note per skip reason, the
/// JSON Lines log of every file, and the documented exit codes (0 all well, 3 some failed, 1 could not run).
/// </summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-cli-import-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string[] Seeds() => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds")).Order(StringComparer.Ordinal).ToArray();

    private (int Code, string Output, string Errors) Import(string folder, string index, int jobs = 2)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = ImportCommand.Run([folder], index, jobs, logPath: null, commitEvery: 1000, synonymFile: null, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    private string Archive(bool withBadFile)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "archive")).FullName;
        foreach (var seed in Seeds())
            File.Copy(seed, Path.Combine(folder, Path.GetFileName(seed)), overwrite: true);
        File.WriteAllText(Path.Combine(folder, "minutes.pptx"), "not read");
        File.WriteAllText(Path.Combine(folder, "photo.jpg"), "not read");
        if (withBadFile)
            File.WriteAllBytes(Path.Combine(folder, "broken.txt"), [0, 1, 2, 0, 0, 0xFF, 0xFE, 7]);
        return folder;
    }

    [Fact]
    public void A_failed_file_is_named_with_its_reason_and_the_exit_code_is_3_while_the_rest_is_imported()
    {
        var folder = Archive(withBadFile: true);
        var index = Path.Combine(_root, "index");

        var (code, output, errors) = Import(folder, index);

        Assert.Equal(3, code);
        Assert.Contains($"FAILED {Path.Combine(folder, "broken.txt")}: ", errors);
        Assert.Contains("imported 5, unchanged 0, replaced 0, removed 0, failed 1, skipped 2", output);
        // Skips are noted once per reason, not once per file.
        Assert.Contains("skipped 1 file(s): .pptx", errors);
        Assert.Contains("skipped 1 file(s): .jpg", errors);
        Assert.DoesNotContain("minutes.pptx", errors);

        var log = File.ReadAllLines(Path.Combine(index, "import-log.jsonl")).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.Equal(8, log.Length);
        string OutcomeOf(string name) => log.Single(entry => Path.GetFileName(entry.GetProperty("path").GetString()) == name).GetProperty("outcome").GetString()!;
        Assert.Equal("failed", OutcomeOf("broken.txt"));
        Assert.Equal("skipped", OutcomeOf("minutes.pptx"));
        Assert.All(Seeds(), seed => Assert.Equal("added", OutcomeOf(Path.GetFileName(seed))));
    }

    [Fact]
    public void A_clean_archive_exits_0_and_a_second_run_finds_everything_unchanged()
    {
        var folder = Archive(withBadFile: false);
        var index = Path.Combine(_root, "index");

        var first = Import(folder, index, jobs: 1);
        var second = Import(folder, index);

        Assert.Equal(0, first.Code);
        Assert.Contains("imported 5, unchanged 0", first.Output);
        Assert.Equal(0, second.Code);
        Assert.Contains("imported 0, unchanged 5, replaced 0, removed 0, failed 0", second.Output);
        Assert.Contains("5/5 files", second.Output);
    }

    [Fact]
    public void Skipped_files_after_the_last_imported_one_repeat_no_progress_line()
    {
        var folder = Archive(withBadFile: false);
        for (var i = 0; i < 100; i++)
            File.WriteAllText(Path.Combine(folder, $"zz-photo-{i:D3}.jpg"), "not read"); // walked after every seed
        var index = Path.Combine(_root, "index");
        Import(folder, index);

        var again = Import(folder, index);

        Assert.Contains("unchanged 5", again.Output);
        Assert.Single(again.Output.Split('\n'), line => line.StartsWith("5/5 files", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_options_exit_1_without_touching_the_index()
    {
        var index = Path.Combine(_root, "index");
        var (code, _, errors) = Import(Archive(withBadFile: false), index, jobs: 0);
        Assert.Equal(1, code);
        Assert.Contains("--jobs", errors);
        Assert.False(Directory.Exists(index));
    }

    [Fact]
    public void A_link_out_of_the_folder_is_refused_with_its_reason_unless_links_are_followed()
    {
        var folder = Archive(withBadFile: false);
        var outside = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;
        var target = Path.Combine(outside, "other-office.txt");
        File.Copy(Seeds()[0], target);
        File.AppendAllText(target, "\n別の課の資料\n");
        var link = Path.Combine(folder, "link.txt");
        File.CreateSymbolicLink(link, target);
        var index = Path.Combine(_root, "index");

        var (code, output, errors) = Import(folder, index);

        Assert.Equal(3, code);
        Assert.Contains($"FAILED {link}: refused: symbolic link to {target}, outside the folders imported; pass --follow-links to read it", errors);
        Assert.Contains("imported 5,", output);

        var followed = new StringWriter();
        var followCode = ImportCommand.Run([folder], index, 2, logPath: null, commitEvery: 1000, synonymFile: null, followed, new StringWriter(),
            new ImportCommand.ImportSafety { FollowLinks = true });
        Assert.Equal(0, followCode);
        Assert.Contains("imported 1, unchanged 5", followed.ToString());
    }
}
