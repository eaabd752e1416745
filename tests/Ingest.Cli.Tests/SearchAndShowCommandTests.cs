using System.Globalization;
using System.Text.Json;
using Ingest.Cli.Commands;
using Ingest.Core.Records;
using Ingest.Index.Store;

namespace Ingest.Cli.Tests;

/// <summary><c>ingest search --department --offset</c> and <c>ingest show</c> over a small index made for the test.</summary>
public sealed class SearchAndShowCommandTests : IDisposable
{
    private const string Word = "指令検証";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ingest-cli-tests-" + Guid.NewGuid().ToString("N"));

    public SearchAndShowCommandTests()
    {
        using var store = IndexStore.Open(_directory);
        using var updater = store.OpenUpdater();
        for (var n = 0; n < 5; n++)
        {
            var record = Record(n);
            updater.Replace(record.Source.Path, record.Source.Sha256, [record]);
        }
        updater.Commit();
    }

    private static SubmissionRecord Record(int n) => new()
    {
        Source = new SourceInfo { Path = $"/nonexistent/cli-{n}.txt", Sha256 = n.ToString("x64", CultureInfo.InvariantCulture), Format = "text" },
        Title = $"{Word}その{n}",
        Department = n < 3 ? "区民部区民課" : "地域振興部戸籍住民課",
        FiscalYear = 2024,
        Sheets = [new SheetRecord { Type = "電算処理", Fields = new Dictionary<string, string> { ["記録される情報項目"] = $"{Word}の項目" } }],
    };

    private (int Code, JsonDocument Json) Search(string? department, int offset, int limit)
    {
        var output = new StringWriter();
        var code = SearchCommand.Run(Word, _directory, null, null, null, null, limit, json: true, output, new StringWriter(), department: department, offset: offset);
        return (code, JsonDocument.Parse(output.ToString()));
    }

    private static string[] Titles(JsonDocument json) =>
        json.RootElement.GetProperty("hits").EnumerateArray().Select(hit => hit.GetProperty("title").GetString()!).ToArray();

    [Fact]
    public void Department_keeps_that_departments_submissions_and_offset_pages_them()
    {
        var (code, all) = Search("区民課", 0, 20);
        Assert.Equal(0, code);
        Assert.Equal(3, all.RootElement.GetProperty("submissions").GetInt32());
        Assert.All(Titles(all), title => Assert.Contains(title[^1], "012"));

        var (_, second) = Search("区民課", 2, 2);
        Assert.Equal(3, second.RootElement.GetProperty("submissions").GetInt32());
        Assert.Equal(2, second.RootElement.GetProperty("offset").GetInt32());
        Assert.Equal([Titles(all)[2]], Titles(second));

        var (_, koseki) = Search("戸籍住民課", 0, 20);
        Assert.Equal(2, koseki.RootElement.GetProperty("submissions").GetInt32());
    }

    [Fact]
    public void Text_output_numbers_a_page_from_its_offset()
    {
        var output = new StringWriter();
        Assert.Equal(0, SearchCommand.Run(Word, _directory, null, null, null, null, 2, json: false, output, new StringWriter(), offset: 2));
        var text = output.ToString();
        Assert.Contains("showing 3–4", text);
        Assert.Contains("  3. ", text);
        Assert.DoesNotContain("  1. ", text);
    }

    [Fact]
    public void A_negative_offset_is_a_usage_error()
    {
        var errors = new StringWriter();
        Assert.Equal(2, SearchCommand.Run(Word, _directory, null, null, null, null, 20, json: false, new StringWriter(), errors, offset: -1));
        Assert.Contains("--offset", errors.ToString());
    }

    [Fact]
    public void The_command_line_accepts_department_and_offset()
    {
        var result = Program.BuildRoot().Parse(["search", Word, "--department", "区民課", "--offset", "20", "--limit", "10"]);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Show_finds_a_record_by_id_and_says_not_found_for_an_ordinal_the_file_lacks()
    {
        var sha = Record(1).Source.Sha256;
        var output = new StringWriter();
        Assert.Equal(0, ShowCommand.Run(sha + "#0", _directory, json: false, output, new StringWriter()));
        Assert.Contains($"{Word}その1", output.ToString());

        var errors = new StringWriter();
        output = new StringWriter();
        Assert.Equal(1, ShowCommand.Run(sha + "#7", _directory, json: false, output, errors));
        Assert.Empty(output.ToString());
        Assert.Contains("no such record", errors.ToString());
    }

    [Fact]
    public void Show_of_a_file_lists_every_submission_in_it()
    {
        var first = Record(7) with { Source = Record(7).Source with { Path = "/nonexistent/packet.txt" }, Title = "束の一件目" };
        var second = first with { Title = "束の二件目", Ordinal = 1 };
        using (var store = IndexStore.Open(_directory))
        using (var updater = store.OpenUpdater())
        {
            updater.Replace(first.Source.Path, first.Source.Sha256, [first, second]);
            updater.Commit();
        }
        var output = new StringWriter();
        Assert.Equal(0, ShowCommand.Run("/nonexistent/packet.txt", _directory, json: false, output, new StringWriter()));
        var text = output.ToString();
        Assert.Contains("2 submissions in /nonexistent/packet.txt", text);
        Assert.True(text.IndexOf("束の一件目", StringComparison.Ordinal) < text.IndexOf("束の二件目", StringComparison.Ordinal));
        Assert.Contains($"id: {first.Source.Sha256}#1", text);

        // An ordinal still names one submission.
        output = new StringWriter();
        Assert.Equal(0, ShowCommand.Run(first.Source.Sha256 + "#1", _directory, json: false, output, new StringWriter()));
        Assert.DoesNotContain("束の一件目", output.ToString());
    }

    [Fact]
    public void Show_names_every_file_of_a_submission_the_one_its_fields_come_from_and_where_they_disagree()
    {
        var text = new SubmissionRecord
        {
            Source = new SourceInfo { Path = "/nonexistent/資料40.txt", Sha256 = new string('a', 64), Format = "text" },
            Title = "図書館システムの外部結合について",
            DocumentNumber = "資料40",
            FiscalYear = 2023,
            Sheets = [new SheetRecord { Type = "外部結合", Fields = new Dictionary<string, string> { ["情報保護対策"] = "通信を暗号イヒする。" } }],
        };
        var word = text with
        {
            Source = new SourceInfo { Path = "/nonexistent/資料40.docx", Sha256 = new string('b', 64), Format = "docx" },
            Sheets = [new SheetRecord { Type = "外部結合", Fields = new Dictionary<string, string> { ["情報保護対策"] = "通信を暗号化する。" } }],
        };
        using (var store = IndexStore.Open(_directory))
        using (var updater = store.OpenUpdater())
        {
            updater.Replace(text.Source.Path, text.Source.Sha256, [text]);
            updater.Replace(word.Source.Path, word.Source.Sha256, [word]);
            updater.Commit();
        }
        var output = new StringWriter();
        Assert.Equal(0, ShowCommand.Run(text.Source.Path, _directory, json: false, output, new StringWriter()));
        var shown = output.ToString();
        Assert.Contains("renditions: 2 files", shown);
        Assert.True(shown.IndexOf("[docx] /nonexistent/資料40.docx", StringComparison.Ordinal) < shown.IndexOf("[text] /nonexistent/資料40.txt", StringComparison.Ordinal));
        Assert.Contains("情報保護対策: 通信を暗号化する。", shown);
        Assert.Contains("renditions disagree on 別紙1 外部結合 › 情報保護対策", shown);
        Assert.Contains("[text] /nonexistent/資料40.txt: 通信を暗号イヒする。", shown);

        // Search counts the two files once and lists both.
        output = new StringWriter();
        Assert.Equal(0, SearchCommand.Run("図書館システム", _directory, null, null, null, null, 20, json: true, output, new StringWriter()));
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(1, json.RootElement.GetProperty("submissions").GetInt32());
        var renditions = json.RootElement.GetProperty("hits")[0].GetProperty("renditions").EnumerateArray().Select(r => r.GetProperty("format").GetString()!).ToArray();
        Assert.Equal(["docx", "text"], renditions);
    }

    [Fact]
    public void Similar_finds_the_submissions_like_a_stored_one_or_a_draft_read_from_standard_input()
    {
        var output = new StringWriter();
        Assert.Equal(0, SimilarCommand.Run(Record(1).Source.Path, null, null, _directory, 3, json: true, TextReader.Null, output, new StringWriter()));
        using (var json = JsonDocument.Parse(output.ToString()))
        {
            var ids = json.RootElement.EnumerateArray().Select(item => item.GetProperty("id").GetString()).ToList();
            Assert.Equal(3, ids.Count);
            Assert.DoesNotContain($"{Record(1).Source.Sha256}#0", ids);
        }

        output = new StringWriter();
        Assert.Equal(0, SimilarCommand.Run(null, null, "-", _directory, 10, json: false, new StringReader($"{Word}の項目を区民課で扱う"), output, new StringWriter()));
        Assert.Contains($"{Word}その", output.ToString());

        var errors = new StringWriter();
        Assert.Equal(2, SimilarCommand.Run(null, null, null, _directory, 10, json: false, TextReader.Null, new StringWriter(), errors));
        Assert.Contains("give one of", errors.ToString());
    }

    [Fact]
    public void Search_show_and_report_on_a_folder_that_holds_no_index_say_so_alike()
    {
        var empty = Directory.CreateTempSubdirectory("ingest-cli-no-index-").FullName;
        try
        {
            var errors = new StringWriter();
            Assert.Equal(1, SearchCommand.Run(Word, empty, null, null, null, null, 20, json: false, new StringWriter(), errors));
            Assert.Contains("holds no index", errors.ToString());
            errors = new StringWriter();
            Assert.Equal(1, ShowCommand.Run("x.txt", empty, json: false, new StringWriter(), errors));
            Assert.Contains("holds no index", errors.ToString());
            errors = new StringWriter();
            var report = new ReportCommand.Request(empty, "2026-04-01", null, null, "table", null);
            Assert.Equal(1, ReportCommand.RunFromIndex(report, TimeProvider.System, errors));
            Assert.Contains("holds no index", errors.ToString());
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void Labels_history_remove_and_reindex_on_a_folder_that_holds_no_index_say_so_and_write_nothing_there()
    {
        var empty = Directory.CreateTempSubdirectory("ingest-cli-no-index-").FullName;
        try
        {
            var runs = new (string Command, Func<TextWriter, int> Run)[]
            {
                ("labels", errors => LabelsCommand.Run(empty, onlyUnknown: false, json: false, new StringWriter(), errors)),
                ("history", errors => HistoryCommand.Run("x.txt", empty, new StringWriter(), errors)),
                ("remove", errors => RemoveCommand.Run(["x.txt"], empty, dryRun: false, wait: false, new StringWriter(), errors)),
                ("reindex", errors => ReindexCommand.Run(empty, null, 1, new StringWriter(), errors)),
            };
            foreach (var (command, run) in runs)
            {
                var errors = new StringWriter();
                Assert.True(run(errors) == 1, $"{command}: exit code");
                Assert.Contains("holds no index", errors.ToString());
                Assert.True(Directory.GetFileSystemEntries(empty).Length == 0, $"{command} left files in a folder that held no index");
            }
            var missing = Path.Combine(empty, "nowhere");
            Assert.Equal(2, LabelsCommand.Run(missing, onlyUnknown: false, json: false, new StringWriter(), new StringWriter()));
            Assert.Equal(2, RemoveCommand.Run(["x.txt"], missing, dryRun: false, wait: false, new StringWriter(), new StringWriter()));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
