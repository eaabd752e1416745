using System.Text;
using Ingest.Index.Import;
using Ingest.Index.Store;
using Ingest.Pipeline;

namespace Ingest.Import.Tests;

/// <summary>Bulk import: incremental by content, zips, duplicates under two paths, layout metadata, failures named.</summary>
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
        var analysis = Ingest.Index.Analysis.IndexAnalysis.Default;
        using (var directory = Lucene.Net.Store.FSDirectory.Open(Index))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, analysis.Analyzer)))
        {
            foreach (var record in records)
            {
                var documents = Ingest.Index.Documents.SheetDocumentBuilder.Build(record, analysis, analysis.Analyzer);
                foreach (var document in documents)
                    document.RemoveFields(Ingest.Index.Documents.IndexFields.Department);
                writer.AddDocuments(documents);
            }
            writer.Commit();
        }
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
            ("令和6年度/第5回/メモ.xlsx", [1, 2, 3]),
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
        Assert.Contains(outcomes, o => o.Skipped && o.Path.EndsWith("メモ.xlsx", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.Outcome == ImportOutcome.Failed && !o.Skipped && o.Message!.Contains("escapes", StringComparison.Ordinal));
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
