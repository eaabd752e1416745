using System.Text.Json;
using Ingest.Cli.Commands;

namespace Ingest.Cli.Tests;

/// <summary><c>ingest extract</c>: the contract on stdout, one reason per bad file on stderr, and the exit code.</summary>
public sealed class ExtractCommandTests
{
    private static string[] Seeds() => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds")).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Json_is_an_array_with_one_object_per_submission()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = ExtractCommand.Run(Seeds(), json: true, output, errors);
        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(output.ToString());
        Assert.Equal(5, document.RootElement.GetArrayLength());
        var first = document.RootElement[0];
        Assert.Equal("付議事項", first.GetProperty("documentKind").GetString());
        Assert.Equal(64, first.GetProperty("source").GetProperty("sha256").GetString()!.Length);
        Assert.Equal("text", first.GetProperty("source").GetProperty("format").GetString());
        Assert.Equal("annual", first.GetProperty("sheets")[0].GetProperty("period").GetProperty("recurrence").GetString());
    }

    [Fact]
    public void Unreadable_files_get_one_line_each_and_exit_1_while_the_rest_is_printed()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"ingest-bad-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(bad, [0, 1, 2, 3, 0, 0, 0xFF]);
        try
        {
            var output = new StringWriter();
            var errors = new StringWriter();
            var code = ExtractCommand.Run([bad, Seeds()[0], "/no/such/file.pdf"], json: true, output, errors);
            Assert.Equal(1, code);
            var lines = errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains(lines, l => l.StartsWith(bad + ": not text", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("/no/such/file.pdf: file not found", StringComparison.Ordinal));
            using var document = JsonDocument.Parse(output.ToString());
            Assert.Equal(1, document.RootElement.GetArrayLength());
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public void The_readable_summary_names_sheets_partners_and_periods()
    {
        var output = new StringWriter();
        ExtractCommand.Run([Seeds()[1]], json: false, output, new StringWriter());
        var text = output.ToString();
        Assert.Contains("◇ 外部結合", text);
        Assert.Contains("partners: 出入国在留管理庁長官", text);
        Assert.Contains("ongoing", text);
    }

    [Fact]
    public void The_command_line_parses_extract()
    {
        var result = Program.BuildRoot().Parse(["extract", "a.txt", "--json"]);
        Assert.Empty(result.Errors);
    }
}
