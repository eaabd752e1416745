using System.IO.Compression;
using System.Text;
using Ingest.Core.Records;
using Ingest.Extraction.Labels;
using Ingest.Index.Store;
using Ingest.Pipeline;

namespace Ingest.Import.Tests;

/// <summary>ingest reindex: a new label map takes effect on stored submissions, from their sources or their stored labels.</summary>
public sealed class ReindexerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-reindex-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static readonly LabelMap Taught = LabelMap.FromRows(
        [(2, ["実施予定", "委託", "委託の開始時期及び期限"]), (3, ["配布協力団体", "委託", "委託先"])], "labels.csv");

    private static string ReviewDocument => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "corpus", "labels", "kuhou_haifu_itaku_review.txt"));

    private IndexStore Import(params string[] paths)
    {
        var store = IndexStore.Open(Path.Combine(_root, "index"));
        new BulkImporter(store, IngestPipeline.Default, new BulkImportOptions { Jobs = 1 }).Import(paths);
        return store;
    }

    [Fact]
    public void A_label_map_changes_a_record_after_reindex_from_its_source_file_and_a_zip_entry()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "archive")).FullName;
        var loose = Path.Combine(folder, "r08.txt");
        File.WriteAllText(loose, ReviewDocument);
        var zip = Path.Combine(folder, "packet.zip");
        Corpus.Zip(zip, [("inner/r08b.txt", Encoding.UTF8.GetBytes(ReviewDocument + "\n"))]);
        using var store = Import(folder);
        Assert.All(store.AllRecords(), r => Assert.Empty(r.Sheets[0].Partners));
        var outcomes = new List<ReindexedFile>();

        var summary = new Reindexer(store, IngestPipeline.Default.WithLabels(Taught), jobs: 2).Run(outcomes.Add);

        Assert.Equal((2, 0, 0, 2), (summary.Reextracted, summary.Remapped, summary.Failed, summary.Submissions));
        Assert.Equal((4, 0), (summary.UnknownBefore, summary.UnknownAfter));
        Assert.Equal(new[] { loose, zip + "!/inner/r08b.txt" }.Order(StringComparer.Ordinal), outcomes.Select(o => o.Path).Order(StringComparer.Ordinal));
        store.Refresh();
        foreach (var record in store.AllRecords())
        {
            Assert.Equal(["社会福祉法人新宿さくら会"], record.Sheets[0].Partners);
            Assert.Equal(Recurrence.Annual, record.Sheets[0].Period!.Recurrence);
            Assert.Equal(2026, record.FiscalYear);
        }
        Assert.Equal(2, store.AllRecords().Count());
    }

    [Fact]
    public void A_source_gone_or_changed_is_remapped_from_its_stored_labels_and_archive_layout_still_applies()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "令和8年度", "第3回")).FullName;
        var gone = Path.Combine(folder, "gone.txt");
        var changed = Path.Combine(folder, "changed.txt");
        File.WriteAllText(gone, ReviewDocument);
        File.WriteAllText(changed, ReviewDocument.Replace("区報の戸別配布", "区報の配布", StringComparison.Ordinal));
        using var store = Import(gone, changed);
        File.Delete(gone);
        File.AppendAllText(changed, "\n追記");
        var outcomes = new List<ReindexedFile>();

        var summary = new Reindexer(store, IngestPipeline.Default.WithLabels(Taught)).Run(outcomes.Add);

        Assert.Equal((0, 2), (summary.Reextracted, summary.Remapped));
        Assert.Contains(outcomes, o => o.Path == gone && o.Message!.StartsWith("source file not found", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.Path == changed && o.Message!.StartsWith("source file changed", StringComparison.Ordinal));
        store.Refresh();
        foreach (var record in store.AllRecords())
        {
            Assert.Equal(["社会福祉法人新宿さくら会"], record.Sheets[0].Partners);
            Assert.Equal(2026, record.FiscalYear);
            Assert.Equal(3, record.Meeting); // 第3回 from the folder, as at import
        }
    }

    [Fact]
    public void The_import_outcome_counts_unknown_labels()
    {
        var path = Path.Combine(_root, "r08.txt");
        File.WriteAllText(path, ReviewDocument);
        var outcomes = new List<FileOutcome>();
        using var store = IndexStore.Open(Path.Combine(_root, "index"));
        new BulkImporter(store, IngestPipeline.Default, new BulkImportOptions { Jobs = 1 }).Import([path], outcomes.Add);
        Assert.Equal(2, Assert.Single(outcomes).UnknownLabels);
    }
}
