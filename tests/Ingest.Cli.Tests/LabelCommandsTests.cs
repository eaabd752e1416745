using System.Text.Json;
using Ingest.Cli.Commands;

namespace Ingest.Cli.Tests;

/// <summary>
/// Staff see the labels no rule reads (ingest labels, the import summary), teach them in labels.csv, and ingest reindex
/// applies the map to what is stored; a bad map is refused with its line.
/// </summary>
public sealed class LabelCommandsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-cli-labels-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Index => Path.Combine(_root, "index");

    private string Archive()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "archive")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "corpus", "labels")))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        return folder;
    }

    private string LabelFile(string content)
    {
        var path = Path.Combine(_root, "labels.csv");
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Code, string Output, string Errors) Capture(Func<TextWriter, TextWriter, int> run)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = run(output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    private (int Code, string Output, string Errors) Import(string? labels = null) =>
        Capture((o, e) => ImportCommand.Run([Archive()], Index, 1, logPath: Path.Combine(_root, "log.jsonl"), commitEvery: 1000, synonymFile: null, o, e, labelFile: labels));

    private (int Code, string Output, string Errors) Show(string file) =>
        Capture((o, e) => ShowCommand.Run(file, Index, json: true, o, e));

    [Fact]
    public void A_label_map_changes_a_record_after_reindex()
    {
        Assert.Equal(0, Import().Code);
        using (var before = JsonDocument.Parse(Show("kuhou_haifu_itaku_review.txt").Output))
        {
            Assert.Equal(JsonValueKind.Null, before.RootElement.GetProperty("sheets")[0].GetProperty("period").ValueKind);
            Assert.Equal(0, before.RootElement.GetProperty("sheets")[0].GetProperty("partners").GetArrayLength());
        }
        var labels = LabelFile("label,sheet kind,field\n実施予定,委託,委託の開始時期及び期限\n配布協力団体,委託,委託先\n");

        var (code, output, _) = Capture((o, e) => ReindexCommand.Run(Index, labels, jobs: 2, o, e));

        Assert.Equal(0, code);
        Assert.Contains("(2 mapping(s))", output);
        Assert.Contains("reindexed 3 file(s), 3 submission(s): 3 re-extracted from their source files", output);
        Assert.Contains("unknown labels: 2 before, 0 after", output);
        using var after = JsonDocument.Parse(Show("kuhou_haifu_itaku_review.txt").Output);
        var sheet = after.RootElement.GetProperty("sheets")[0];
        Assert.Equal("社会福祉法人新宿さくら会", sheet.GetProperty("partners")[0].GetString());
        Assert.Equal("annual", sheet.GetProperty("period").GetProperty("recurrence").GetString());
        var label = sheet.GetProperty("labels").GetProperty("実施予定");
        Assert.Equal("委託の開始時期及び期限", label.GetProperty("field").GetString());
        Assert.Equal("exact", label.GetProperty("how").GetString());
        Assert.Equal("labels.csv line 2", label.GetProperty("rule").GetString());
        // The map is kept with the index: a later import maps with it.
        Assert.True(File.Exists(Path.Combine(Index, "labels.csv")));
        var later = Directory.CreateDirectory(Path.Combine(_root, "later")).FullName;
        File.WriteAllText(Path.Combine(later, "kuhou_2027.txt"), File.ReadAllText(Path.Combine(_root, "archive", "kuhou_haifu_itaku_review.txt")).Replace("令和8年4月1日", "令和9年4月1日", StringComparison.Ordinal));
        Assert.Equal(0, Capture((o, e) => ImportCommand.Run([later], Index, 1, logPath: null, commitEvery: 1000, synonymFile: null, o, e)).Code);
        using var next = JsonDocument.Parse(Show("kuhou_2027.txt").Output);
        Assert.Equal("社会福祉法人新宿さくら会", next.RootElement.GetProperty("sheets")[0].GetProperty("partners")[0].GetString());
        Assert.Equal(2027, next.RootElement.GetProperty("fiscalYear").GetInt32()); // from the period, once its label is known
    }

    [Fact]
    public void Unknown_labels_are_counted_by_import_and_listed_with_example_files()
    {
        var (code, output, _) = Import();
        Assert.Equal(0, code);
        Assert.Contains("unknown labels: 2 in the files extracted (`ingest labels --unknown` lists them)", output);
        var log = File.ReadAllLines(Path.Combine(_root, "log.jsonl")).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(2, log.Single(l => l.GetProperty("path").GetString()!.EndsWith("review.txt", StringComparison.Ordinal)).GetProperty("unknownLabels").GetInt32());

        var unknown = Capture((o, e) => LabelsCommand.Run(Index, onlyUnknown: true, json: false, o, e)).Output.Split('\n');
        Assert.Matches(@"^\d+ labels over 3 sheets in .*: exact \d+, inferred \d+, unknown 2$", unknown[0]);
        var period = Array.FindIndex(unknown, l => l.Contains("実施予定", StringComparison.Ordinal));
        Assert.Matches(@"^unknown\s+1\s+委託\s+実施予定\s+—$", unknown[period]);
        Assert.Matches(@"^\s+in kuhou_haifu_itaku_review\.txt$", unknown[period + 1]);
        Assert.Contains(unknown, l => l.Contains("配布協力団体", StringComparison.Ordinal));
        Assert.DoesNotContain(unknown, l => l.StartsWith("inferred", StringComparison.Ordinal) || l.StartsWith("exact", StringComparison.Ordinal));
        Assert.All(unknown, l => Assert.True(Ingest.Reports.Export.ReportColumns.DisplayWidth(l) <= 100, l));

        var all = Capture((o, e) => LabelsCommand.Run(Index, onlyUnknown: false, json: false, o, e)).Output;
        Assert.Matches(@"inferred 0\.\d\d\s+1\s+外部結合\s+接続する相手機関\s+結合の相手方\n\s+in h22_kouki_koureisha_gaibu_ketsugo\.sjis\.txt", all.ReplaceLineEndings("\n"));
        Assert.All(all.Split('\n'), l => Assert.True(Ingest.Reports.Export.ReportColumns.DisplayWidth(l.TrimEnd('\r')) <= 100, l));
        Assert.Matches(@"exact\s+1\s+委託\s+委託理由\s+委託理由", all);

        using var json = JsonDocument.Parse(Capture((o, e) => LabelsCommand.Run(Index, onlyUnknown: true, json: true, o, e)).Output);
        Assert.Equal(["実施予定", "配布協力団体"], json.RootElement.EnumerateArray().Select(l => l.GetProperty("label").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_bad_label_map_is_refused_with_its_line_and_nothing_is_installed()
    {
        Assert.Equal(0, Import().Code);
        var bad = LabelFile("label,sheet kind,field\n# taught on 2026-11-20\n受託者,委託,委託先\n実施予定,委託,開始時期\n");

        var reindex = Capture((o, e) => ReindexCommand.Run(Index, bad, jobs: 1, o, e));
        var import = Import(bad);
        var extract = Capture((o, e) => ExtractCommand.Run([Path.Combine(_root, "archive", "kuhou_haifu_itaku_review.txt")], json: true, o, e, bad));

        foreach (var (code, _, errors) in new[] { reindex, import, extract })
        {
            Assert.Equal(1, code);
            Assert.Equal($"{bad}:4: unknown canonical field '開始時期'", errors.Trim().Split(" (")[0]);
        }
        Assert.False(File.Exists(Path.Combine(Index, "labels.csv")));
    }

    // No folder at all is exit 2 for every command that reads an index (a folder without one is 1).
    [Fact]
    public void Reindex_and_labels_need_an_index()
    {
        Assert.Equal(2, Capture((o, e) => ReindexCommand.Run(Path.Combine(_root, "none"), null, 1, o, e)).Code);
        Assert.Equal(2, Capture((o, e) => LabelsCommand.Run(Path.Combine(_root, "none"), false, false, o, e)).Code);
    }
}
