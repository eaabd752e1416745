using System.Text;
using Ingest.Index.Store;
using Ingest.Pipeline;

namespace Ingest.Import.Tests;

/// <summary>
/// Bulk import: incremental by content, zips, duplicates under two paths, layout metadata, absolute paths, failures named
/// (and their old records kept), overlong terms dropped or refused without stopping the batch.
/// </summary>
public sealed class BulkImporterTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-bulk-").FullName;

    static BulkImporterTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Index => Path.Combine(_root, "index");

    private BulkImportSummary Import(params string[] paths)
    {
        using var store = IndexStore.Open(Index);
        return new BulkImporter(store, IngestPipeline.Default, new BulkImportOptions { Jobs = 2, CommitEveryFiles = 7 }).Import(paths);
    }

    private List<FileOutcome> Outcomes(params string[] paths)
    {
        var outcomes = new List<FileOutcome>();
        using var store = IndexStore.Open(Index);
        new BulkImporter(store, IngestPipeline.Default, new BulkImportOptions { Jobs = 2, CommitEveryFiles = 7 }).Import(paths, outcomes.Add);
        return outcomes;
    }

    private IReadOnlyList<Ingest.Core.Records.SubmissionRecord> Records()
    {
        using var store = IndexStore.Open(Index);
        return store.AllRecords().ToArray();
    }

    [Fact]
    public void An_index_from_an_earlier_layout_is_upgraded_before_anything_is_added()
    {
        var folder = Path.Combine(_root, "archive");
        Corpus.WriteText(folder, 12, seed: 9);
        Import(folder);
        // Turn the index into one written by an earlier build: same records, documents without the department field.
        var records = Records();
        Directory.Delete(Index, recursive: true);
        Ingest.Index.Tests.FirstLayoutIndex.Write(Index, records);
        Corpus.WriteText(Path.Combine(_root, "more"), 3, seed: 10);

        var summary = Import(folder, Path.Combine(_root, "more"));

        Assert.Equal(12, summary.Upgraded);
        Assert.Equal((3, 12), (summary.Imported, summary.Unchanged));
        using var store = IndexStore.Open(Index);
        Assert.False(store.IsOutdated);
        var department = records[0].Department!;
        var expected = records.Count(r => r.Department == department);
        Assert.True(store.Search(new Ingest.Index.Search.SearchRequest { Department = department, Limit = 1000 }).TotalSubmissions >= expected);
    }

    [Fact]
    public void Imports_once_and_then_finds_everything_unchanged()
    {
        var folder = Path.Combine(_root, "archive");
        Corpus.WriteText(folder, 30, seed: 3);
        var first = Import(folder);
        Assert.Equal((30, 0, 0, 0), (first.Imported, first.Unchanged, first.Replaced, first.Failed));
        var second = Import(folder);
        Assert.Equal((0, 30, 0, 0), (second.Imported, second.Unchanged, second.Replaced, second.Failed));
        var records = Records();
        Assert.Equal(30, records.Count);
        Assert.Equal(30, records.Select(r => r.Source.Sha256).Distinct().Count());
    }

    [Fact]
    public void A_file_met_twice_in_one_run_is_indexed_once()
    {
        // Overlapping roots: the folder, and a file inside it named again.
        var folder = Path.Combine(_root, "archive");
        var paths = Corpus.WriteText(folder, 40, seed: 14);

        var summary = Import(folder, folder, paths[39]);

        Assert.Equal((40, 41, 0, 0), (summary.Imported, summary.Unchanged, summary.Replaced, summary.Failed));
        var records = Records();
        Assert.Equal(40, records.Count);
        Assert.Equal(paths.Order(StringComparer.Ordinal), records.Select(r => r.Source.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_changed_file_replaces_its_records()
    {
        var folder = Path.Combine(_root, "archive");
        var paths = Corpus.WriteText(folder, 5, seed: 4);
        Import(folder);
        File.WriteAllText(paths[0], File.ReadAllText(paths[0]).Replace("事業の概要", "事業の概要\n\n備考\t改訂版", StringComparison.Ordinal));
        var again = Import(folder);
        Assert.Equal(1, again.Replaced);
        Assert.Equal(4, again.Unchanged);
        var records = Records();
        Assert.Equal(5, records.Count);
        Assert.Single(records, r => r.Source.Path == paths[0]);
        using var store = IndexStore.Open(Index);
        Assert.Equal(paths[0], Assert.Single(store.Search(new Ingest.Index.Search.SearchRequest { Query = "改訂版" }).Submissions).Record.Source.Path);
    }

    [Fact]
    public void A_file_that_now_holds_another_files_content_loses_its_stale_records()
    {
        var folder = Path.Combine(_root, "archive");
        var paths = Corpus.WriteText(folder, 2, seed: 11);
        Import(folder);
        var kept = Records().Single(r => r.Source.Path == paths[1]);
        File.Copy(paths[1], paths[0], overwrite: true);

        var outcomes = Outcomes(folder);

        Assert.Contains(outcomes, o => o.Path == paths[0] && o.Outcome == ImportOutcome.Unchanged && o.Message == $"same content as {paths[1]}");
        var record = Assert.Single(Records());
        Assert.Equal(kept.Source.Sha256, record.Source.Sha256);
        // The path is now a second name of the other file's content, not of its own old records.
        using var store = IndexStore.Open(Index);
        Assert.Equal(kept.Source.Sha256, store.Find(paths[0])?.Source.Sha256);
    }

    [Fact]
    public void Content_known_by_second_paths_stays_indexed_when_its_first_path_changes()
    {
        var folder = Path.Combine(_root, "archive");
        var paths = Corpus.WriteText(folder, 2, seed: 13);
        var copies = new[] { paths[0], Path.Combine(folder, "copy-b.txt"), Path.Combine(folder, "copy-c.txt") };
        File.Copy(paths[0], copies[1]);
        File.Copy(paths[0], copies[2]);
        Import(folder);
        // Which copy owns the records depends on which worker finished first; the other two are its second paths.
        var original = Records().Single(r => copies.Contains(r.Source.Path));
        var owner = original.Source.Path;
        var others = copies.Where(p => p != owner).Order(StringComparer.Ordinal).ToArray();

        File.Copy(paths[1], owner, overwrite: true); // the owner now holds other content; the other copies still hold the old
        var outcomes = Outcomes(folder);

        Assert.Contains(outcomes, o => o.Path == others[0] && o.Outcome == ImportOutcome.Unchanged);
        var records = Records();
        Assert.Equal(2, records.Select(r => r.Source.Sha256).Distinct().Count());
        var inherited = Assert.Single(records, r => r.Source.Sha256 == original.Source.Sha256);
        Assert.Equal(others[0], inherited.Source.Path); // the first remaining copy in path order inherits the records
        Assert.Equal(original.Title, inherited.Title);
        using (var store = IndexStore.Open(Index))
        {
            Assert.Equal(original.Source.Sha256, store.Find(others[1])?.Source.Sha256); // the last copy is still a second path of it
            Assert.Equal(records.Single(r => r.Source.Path == paths[1]).Source.Sha256, store.Find(owner)?.Source.Sha256);
        }

        var again = Import(folder); // and the next run finds everything in place
        Assert.Equal((0, 4, 0), (again.Imported, again.Unchanged, again.Replaced));
    }

    [Fact]
    public void Records_carry_the_absolute_path_and_survive_reopening()
    {
        var folder = Path.Combine(_root, "archive");
        var path = Assert.Single(Corpus.WriteText(folder, 1, seed: 12));
        var expected = Assert.Single(IngestPipeline.Default.ExtractFile(path).Submissions);
        // As a user types it: relative to the current folder, so records would depend on where the import ran.
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), folder);
        Assert.False(Path.IsPathRooted(relative));

        var summary = Import(relative);

        Assert.Equal(1, summary.Imported);
        using var store = IndexStore.Open(Index);
        var record = Assert.Single(store.AllRecords());
        Assert.Equal(path, record.Source.Path);
        Assert.Equal(expected.Title, record.Title);
        Assert.Equal(expected.Sheets.Select(s => s.Fields), record.Sheets.Select(s => s.Fields));
        Assert.Equal(expected.Title, store.Find(path)?.Title);
        Assert.Equal(0, Import(folder).Imported); // the same file named absolutely is the same file
    }

    [Fact]
    public void Unreadable_and_missing_files_are_reported_and_old_records_are_kept()
    {
        var folder = Path.Combine(_root, "archive");
        var paths = Corpus.WriteText(folder, 2, seed: 13);
        Import(folder);
        var before = Records().Single(r => r.Source.Path == paths[0]);
        File.WriteAllBytes(paths[0], [0, 1, 2, 0, 0xFF, 0xFE, 0]);
        var missing = Path.Combine(_root, "missing");

        var outcomes = Outcomes(folder, missing);

        var broken = Assert.Single(outcomes, o => o.Path == paths[0]);
        Assert.Equal(ImportOutcome.Failed, broken.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(broken.Message));
        var notFound = Assert.Single(outcomes, o => o.Path == missing);
        Assert.Equal((ImportOutcome.Failed, false, "not found"), (notFound.Outcome, notFound.Skipped, notFound.Message));
        var after = Records();
        Assert.Equal(2, after.Count);
        Assert.Equal(before.Source.Sha256, after.Single(r => r.Source.Path == paths[0]).Source.Sha256);
        using var store = IndexStore.Open(Index);
        Assert.Equal(before.Title, store.Find(paths[0])?.Title);
    }

    [Fact]
    public void Huge_tokens_are_dropped_not_fatal()
    {
        var seed = File.ReadAllText(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds")).Order(StringComparer.Ordinal).First());
        var folder = Directory.CreateDirectory(Path.Combine(_root, "huge")).FullName;
        File.WriteAllText(Path.Combine(folder, "text.txt"), seed.Replace("目的\t", $"目的\t{new string('A', 100_000)} 逸脱検証語 ", StringComparison.Ordinal));
        // A whole page read into one cell: as a keyword (department, partner) it is over Lucene's 32,766-byte term limit.
        var page = new string('課', 12_000);
        var cells = Path.Combine(folder, "cells.txt");
        File.WriteAllText(cells, seed
            .Replace("保有課(担当課)\t", $"保有課(担当課)\t{page}", StringComparison.Ordinal)
            .Replace("結合の相手方\t", $"結合の相手方\t{page}及び", StringComparison.Ordinal));

        var outcomes = Outcomes(folder);

        Assert.Equal(2, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(ImportOutcome.Added, o.Outcome));
        using var store = IndexStore.Open(Index);
        Assert.Single(store.Search(new Ingest.Index.Search.SearchRequest { Query = "逸脱検証語" }).Submissions);
        Assert.Equal(2, store.Search(new Ingest.Index.Search.SearchRequest { Query = "暗号化" }).TotalSubmissions);
        // Only the overlong keywords are left out: the record is stored whole and its real department still filters.
        var record = store.Find(cells)!;
        Assert.Contains(page, record.Sheets[0].Fields["保有課"], StringComparison.Ordinal);
        Assert.Equal(2, store.Search(new Ingest.Index.Search.SearchRequest { Department = record.Department }).TotalSubmissions);
    }

    [Fact]
    public void A_file_Lucene_refuses_fails_alone()
    {
        var seeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds")).Order(StringComparer.Ordinal).ToArray();
        var zip = Path.Combine(_root, "names.zip");
        // A zip entry name may be 65,535 bytes; as a record's path, its identity, it cannot be left out of the index.
        var absurd = "a" + new string('x', 40_000) + ".txt";
        Corpus.Zip(zip, [(absurd, File.ReadAllBytes(seeds[0])), ("ok.txt", File.ReadAllBytes(seeds[1]))]);

        var outcomes = Outcomes(zip);

        var refused = Assert.Single(outcomes, o => o.Path.EndsWith(absurd, StringComparison.Ordinal));
        Assert.Equal(ImportOutcome.Failed, refused.Outcome);
        Assert.StartsWith("cannot index: field path holds a term of", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ImportOutcome.Added, Assert.Single(outcomes, o => o.Path == $"{zip}!/ok.txt").Outcome);
        Assert.Equal($"{zip}!/ok.txt", Assert.Single(Records()).Source.Path);
    }

    [Fact]
    public void The_same_file_under_two_paths_is_one_submission()
    {
        var seed = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds")).Order(StringComparer.Ordinal).First();
        Directory.CreateDirectory(Path.Combine(_root, "a"));
        Directory.CreateDirectory(Path.Combine(_root, "b"));
        File.Copy(seed, Path.Combine(_root, "a", "000.txt"));
        File.Copy(seed, Path.Combine(_root, "b", "copy.txt"));
        var summary = Import(Path.Combine(_root, "a"), Path.Combine(_root, "b"));
        Assert.Equal(1, summary.Imported);
        Assert.Equal(1, summary.Unchanged);
        Assert.Single(Records());
        using var store = IndexStore.Open(Index);
        Assert.NotNull(store.Find(Path.Combine(_root, "b", "copy.txt")));
    }

    [Fact]
    public void Zips_with_cp932_names_and_layout_metadata()
    {
        var seeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds")).Order(StringComparer.Ordinal).ToArray();
        var zip = Path.Combine(_root, "packets.zip");
        Corpus.Zip(zip,
        [
            ("令和6年度/第5回/資料40.txt", File.ReadAllBytes(seeds[2])),
            ("令和6年度/第5回/メモ.pptx", [1, 2, 3]),
            ("../escape.txt", File.ReadAllBytes(seeds[1])),
        ], Encoding.GetEncoding(932));
        var outcomes = new List<FileOutcome>();
        using (var store = IndexStore.Open(Index))
            new BulkImporter(store, IngestPipeline.Default).Import([zip], outcomes.Add);
        var record = Assert.Single(Records());
        Assert.Equal($"{zip}!/令和6年度/第5回/資料40.txt", record.Source.Path);
        Assert.Equal(2024, record.FiscalYear);
        Assert.Equal(5, record.Meeting);
        Assert.Equal("資料40", record.DocumentNumber);
        Assert.Contains(outcomes, o => o.Skipped && o.Path.EndsWith("メモ.pptx", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.Outcome == ImportOutcome.Failed && !o.Skipped && o.Message!.Contains("escapes", StringComparison.Ordinal));
    }

    [Fact]
    public void A_manifest_overrides_the_layout_and_a_bad_one_is_named_once()
    {
        var folder = Path.Combine(_root, "令和6年度");
        var paths = Corpus.WriteText(folder, 2, seed: 15);
        var sub = Corpus.WriteText(Path.Combine(folder, "sub"), 2, seed: 16);
        File.WriteAllText(Path.Combine(folder, "manifest.csv"), $"path,fiscalYear,session,documentNumber\n{Path.GetFileName(paths[0])},2015,3,資料9\n");
        var bad = Path.Combine(folder, "sub", "manifest.csv");
        File.WriteAllText(bad, "path,fiscalYear\nx.txt,soon\n");

        var outcomes = Outcomes(folder);

        var records = Records();
        var listed = records.Single(r => r.Source.Path == paths[0]);
        Assert.Equal((2015, 3, "資料9"), (listed.FiscalYear, listed.Meeting, listed.DocumentNumber));
        Assert.Equal(2024, records.Single(r => r.Source.Path == paths[1]).FiscalYear); // from the folder name
        Assert.Equal(4, records.Count);
        // Manifests are not submissions: noted as skipped, and only the unreadable one is a failure, named once.
        var failure = Assert.Single(outcomes, o => o.Outcome == ImportOutcome.Failed && !o.Skipped);
        Assert.Equal(bad, failure.Path);
        Assert.StartsWith("manifest ignored: ", failure.Message, StringComparison.Ordinal);
        Assert.Equal([Path.Combine(folder, "manifest.csv"), bad], outcomes.Where(o => o.Skipped).Select(o => o.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bad_files_are_named_with_their_reason_and_the_rest_is_imported()
    {
        var folder = Path.Combine(_root, "mixed");
        Corpus.WriteText(folder, 3, seed: 5);
        File.WriteAllBytes(Path.Combine(folder, "binary.txt"), [0, 1, 2, 0, 0xFF, 0xFE, 0]);
        File.WriteAllBytes(Path.Combine(folder, "fake.pdf"), "%PDF-1.7 truncated"u8.ToArray());
        var outcomes = new List<FileOutcome>();
        BulkImportSummary summary;
        using (var store = IndexStore.Open(Index))
            summary = new BulkImporter(store, IngestPipeline.Default).Import([folder], outcomes.Add);
        Assert.Equal(3, summary.Imported);
        Assert.Equal(2, summary.Failed);
        Assert.All(outcomes.Where(o => o.Outcome == ImportOutcome.Failed), o => Assert.False(string.IsNullOrWhiteSpace(o.Message)));
        Assert.Equal(3, Records().Count);
    }

    [Fact]
    public void Counting_reads_zip_directories_without_content()
    {
        var zip = Path.Combine(_root, "c.zip");
        Corpus.Zip(zip, [("a.txt", [1]), ("b/c.pdf", [2]), ("d/", [])]);
        Corpus.WriteText(Path.Combine(_root, "f"), 2, seed: 6);
        Assert.Equal(4, BulkImporter.CountFiles([zip, Path.Combine(_root, "f")]));
    }

    [Fact]
    public async Task Counting_opens_no_pipe_and_follows_no_folder_link()
    {
        var folder = Path.Combine(_root, "special");
        Corpus.WriteText(folder, 2, seed: 7);
        SpecialFiles.MakeFifo(Path.Combine(folder, "pipe.zip"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "again"), "."); // a loop: the folder inside itself
        var count = Task.Run(() => BulkImporter.CountFiles([folder]));
        Assert.True(await Task.WhenAny(count, Task.Delay(TimeSpan.FromSeconds(30))) == count, "counting blocked on the named pipe");
        Assert.Equal(3, await count); // the two texts, and the pipe the walker reports as one failure
    }
}
