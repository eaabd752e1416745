using System.Text;
using System.Text.Json;
using Ingest.Cli.Commands;
using Ingest.Index.Store;
using Ingest.Reports.Export;

namespace Ingest.Cli.Tests;

/// <summary>
/// Deleted files as a user meets them: `ingest import` lists and counts what it removed (and the renewal report follows),
/// `--dry-run` only lists, `--keep-missing` keeps; `ingest remove` takes paths, folders and record ids.
/// </summary>
public sealed class RemovalCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-cli-remove-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Index => Path.Combine(_root, "index");

    private string Archive()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "archive")).FullName;
        foreach (var seed in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds")).Order(StringComparer.Ordinal))
            File.Copy(seed, Path.Combine(folder, Path.GetFileName(seed)), overwrite: true);
        return folder;
    }

    private (int Code, string Output, string Errors) Import(string folder, bool keepMissing = false, bool dryRun = false)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = ImportCommand.Run([folder], Index, 2, logPath: null, commitEvery: 1000, synonymFile: null, output, errors,
            new ImportCommand.ImportSafety { KeepMissing = keepMissing, DryRun = dryRun });
        return (code, output.ToString(), errors.ToString());
    }

    private (int Code, string Output, string Errors) Remove(bool dryRun, params string[] keys)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = RemoveCommand.Run(keys, Index, dryRun, wait: false, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    private string RenewalCsv()
    {
        using var store = IndexStore.Open(Index);
        using var buffer = new MemoryStream();
        new CsvReportWriter().Write(Ingest.Reports.Renewals.RenewalReportBuilder.Build(store.AllRecords(), new Ingest.Reports.Renewals.RenewalQuery { AsOf = new DateOnly(2026, 11, 22) }), buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void A_deleted_file_is_listed_as_removed_logged_and_gone_from_the_renewal_report()
    {
        var folder = Archive();
        Import(folder);
        var deleted = Directory.GetFiles(folder).Order(StringComparer.Ordinal).First(path => RenewalCsv().Contains(path, StringComparison.Ordinal));
        File.Delete(deleted);

        var preview = Import(folder, dryRun: true);
        Assert.Equal(0, preview.Code);
        Assert.Contains($"would remove {deleted} (gone from disk)", preview.Output);
        Assert.Contains(deleted, RenewalCsv()); // a dry run changes nothing

        var kept = Import(folder, keepMissing: true);
        Assert.Contains("removed 0,", kept.Output);
        Assert.Contains("kept 1 indexed file(s) gone from the folders imported (--keep-missing)", kept.Errors);

        var (code, output, _) = Import(folder);
        Assert.Equal(0, code);
        Assert.Contains($"removed {deleted} (gone from disk)", output);
        Assert.Contains("imported 0, unchanged 4, replaced 0, removed 1, failed 0", output);
        var log = File.ReadAllLines(Path.Combine(Index, "import-log.jsonl")).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var removal = Assert.Single(log, entry => entry.GetProperty("outcome").GetString() == "removed");
        Assert.Equal(deleted, removal.GetProperty("path").GetString());
        Assert.DoesNotContain(deleted, RenewalCsv());
    }

    [Fact]
    public void Remove_takes_a_path_a_folder_or_a_record_id_and_names_what_it_cannot_find()
    {
        var folder = Archive();
        var sub = Directory.CreateDirectory(Path.Combine(folder, "sub")).FullName;
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray();
        File.Move(files[4], Path.Combine(sub, Path.GetFileName(files[4])));
        Import(folder);
        string id;
        using (var store = IndexStore.Open(Index))
            id = $"{store.Find(files[1])!.Source.Sha256}#0";

        var preview = Remove(dryRun: true, files[0]);
        Assert.Contains($"would remove {files[0]} (1 submission(s))", preview.Output);
        Assert.Equal(0, preview.Code);

        var (code, output, errors) = Remove(dryRun: false, files[0], sub, id, Path.Combine(folder, "nothing.txt"));

        Assert.Equal(3, code);
        Assert.Contains($"removed {files[0]} (1 submission(s))", output);
        Assert.Contains($"removed {files[1]} (1 submission(s))", output);
        Assert.Contains($"removed {Path.Combine(sub, Path.GetFileName(files[4]))} (1 submission(s))", output);
        Assert.Contains("removed 3 indexed path(s)", output);
        Assert.Contains($"{Path.Combine(folder, "nothing.txt")}: not in the index", errors);
        using var after = IndexStore.Open(Index);
        Assert.Equal(new[] { files[2], files[3] }, after.AllRecords().Select(r => r.Source.Path).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Remove_while_another_writer_holds_the_index_exits_75_naming_it()
    {
        Import(Archive());
        using var held = IndexWriterLock.Acquire(Index);

        var (code, _, errors) = Remove(dryRun: false, Path.Combine(_root, "archive"));

        Assert.Equal(IndexWriting.IndexBusy, code);
        Assert.Contains($"index {Index} is being written by process {Environment.ProcessId} (started ", errors);
        Assert.Contains("; try again when it ends, or pass --wait", errors);
    }
}
