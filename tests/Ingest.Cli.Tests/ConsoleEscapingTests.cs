using System.Globalization;
using Ingest.Cli.Commands;
using Ingest.Core.Records;
using Ingest.Index.Store;

namespace Ingest.Cli.Tests;

/// <summary>
/// File names and document text reach the console escaped: a newline cannot forge a second line, an escape sequence
/// never reaches the terminal. Every command that prints them is run here with a name holding a newline and an ESC.
/// </summary>
public sealed class ConsoleEscapingTests : IDisposable
{
    private const char Esc = '\u001b';

    /// <summary>A name that would forge a failure line and turn the terminal red, were it printed raw.</summary>
    private const string ForgingName = "bad\n\u001b[31mFAILED forged.txt\u001b[0m.txt";

    /// <summary>A seed's content under a name that would retitle the terminal window.</summary>
    private const string TitlingName = "good\u001b]0;pwned\u0007\nseed.txt";

    private readonly string _root = Directory.CreateTempSubdirectory("ingest-cli-escaping-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Archive()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "archive")).FullName;
        File.WriteAllBytes(Path.Combine(folder, ForgingName), [0, 1, 2, 0, 0, 0xFF, 0xFE, 7]);
        File.Copy(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds")).Order(StringComparer.Ordinal).First(), Path.Combine(folder, TitlingName));
        return folder;
    }

    private static void AssertNoRawControls(string text) =>
        Assert.DoesNotContain(text, c => c < ' ' && c is not ('\n' or '\r'));

    [Fact]
    public void Import_names_a_file_with_a_newline_and_escapes_on_one_line()
    {
        var folder = Archive();
        var output = new StringWriter();
        var errors = new StringWriter();

        var code = ImportCommand.Run([folder], Path.Combine(_root, "index"), 1, null, 1000, null, output, errors);

        Assert.Equal(3, code);
        var lines = errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var failed = Assert.Single(lines, l => l.StartsWith("FAILED ", StringComparison.Ordinal));
        Assert.StartsWith($@"FAILED {folder}/bad\n\x1B[31mFAILED forged.txt\x1B[0m.txt: not text", failed, StringComparison.Ordinal);
        AssertNoRawControls(output.ToString() + errors);
    }

    [Fact]
    public void Extract_prints_escaped_names_in_failure_lines_and_records()
    {
        var folder = Archive();
        var output = new StringWriter();
        var errors = new StringWriter();

        var code = ExtractCommand.Run([Path.Combine(folder, ForgingName), Path.Combine(folder, TitlingName)], json: false, output, errors);

        Assert.Equal(1, code);
        var line = Assert.Single(errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($@"{folder}/bad\n\x1B[31mFAILED forged.txt\x1B[0m.txt: not text", line, StringComparison.Ordinal);
        Assert.Contains($@"file: {folder}/good\x1B]0;pwned\x07\nseed.txt [text]", output.ToString());
        AssertNoRawControls(output.ToString() + errors);
    }

    /// <summary>An index holding a record whose name and text carry controls, as a document converter might leave them.</summary>
    private string IndexWithControlsInRecord()
    {
        var directory = Path.Combine(_root, "index");
        using var store = IndexStore.Open(directory);
        using var updater = store.OpenUpdater();
        var record = new SubmissionRecord
        {
            Source = new SourceInfo { Path = "/archive/" + ForgingName, Sha256 = 7.ToString("x64", CultureInfo.InvariantCulture), Format = "text" },
            Title = "制御文字検証\u001b[2Jの件\u202E",
            Department = "区民部\u0085区民課",
            FiscalYear = 2024,
            Sheets =
            [
                new SheetRecord
                {
                    Type = "外部結合",
                    Title = "外部結合\u001b]0;x\u0007",
                    Fields = new Dictionary<string, string> { ["結合の相手方"] = "制御文字検証の相手\u001b[5m方" },
                    Partners = ["相手\u001b方"],
                },
            ],
        };
        updater.Replace(record.Source.Path, record.Source.Sha256, [record]);
        updater.Commit();
        return directory;
    }

    [Fact]
    public void Search_escapes_titles_paths_snippets_and_facets()
    {
        var index = IndexWithControlsInRecord();
        var output = new StringWriter();

        var code = SearchCommand.Run("制御文字検証", index, null, null, null, null, 20, json: false, output, new StringWriter());

        Assert.Equal(0, code);
        var text = output.ToString();
        AssertNoRawControls(text);
        Assert.Contains(@"制御文字検証\x1B[2Jの件\u202E", text);
        Assert.Contains(@"/archive/bad\n\x1B[31mFAILED forged.txt\x1B[0m.txt", text);
        Assert.Contains(@"相手\x1B方", text);
    }

    [Fact]
    public void Search_keeps_its_own_highlight_codes_while_escaping_the_text()
    {
        var index = IndexWithControlsInRecord();
        var output = new StringWriter();

        SearchCommand.Run("制御文字検証", index, null, null, null, null, 20, json: false, output, new StringWriter(), useColour: true);

        var text = output.ToString();
        // Ordinal: a culture-aware search ignores ESC and would find "[5m" in the escaped text.
        Assert.Contains("\u001b[1;7m", text, StringComparison.Ordinal); // the highlight itself
        Assert.Contains(@"\x1B[5m", text, StringComparison.Ordinal);    // the document's escape, shown
        Assert.DoesNotContain("\u001b[5m", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_escapes_every_value_of_the_record()
    {
        var index = IndexWithControlsInRecord();
        var output = new StringWriter();

        var code = ShowCommand.Run("/archive/" + ForgingName, index, json: false, output, new StringWriter());

        Assert.Equal(0, code);
        var text = output.ToString();
        AssertNoRawControls(text);
        Assert.DoesNotContain('\u0085', text);
        Assert.Contains(@"department: 区民部\x85区民課", text);
        Assert.Contains(@"◇ 外部結合: 外部結合\x1B]0;x\x07", text);
        Assert.Equal(text.Split('\n').Length, text.Replace(@"\n", "", StringComparison.Ordinal).Split('\n').Length);
    }

    [Fact]
    public void A_missing_record_is_named_escaped()
    {
        var index = IndexWithControlsInRecord();
        var errors = new StringWriter();

        Assert.Equal(1, ShowCommand.Run($"nothing{Esc}[31m\nhere", index, json: false, new StringWriter(), errors));
        Assert.StartsWith(@"nothing\x1B[31m\nhere: no such record", errors.ToString(), StringComparison.Ordinal);
    }
}
