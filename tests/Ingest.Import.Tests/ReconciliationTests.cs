using Ingest.Index.Search;
using Ingest.Index.Store;
using Ingest.Pipeline;
using Ingest.Tests.Shared;

namespace Ingest.Import.Tests;

/// <summary>
/// An import removes the records of files gone from the roots it walked, and only those a complete walk proved gone:
/// a folder, zip or root it could not see keeps its records. Second paths of the same content inherit a removed owner's records.
/// </summary>
public sealed class ReconciliationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-reconcile-").FullName;

    public void Dispose() => RawNames.DeleteTree(_root); // .NET cannot delete names that are not UTF-8

    private string Index => Path.Combine(_root, "index");

    private (BulkImportSummary Summary, List<FileOutcome> Outcomes) Import(bool keepMissing = false, params string[] paths)
    {
        var outcomes = new List<FileOutcome>();
        using var store = IndexStore.Open(Index);
        var summary = new BulkImporter(store, IngestPipeline.Default, new BulkImportOptions { Jobs = 2, CommitEveryFiles = 7, KeepMissing = keepMissing })
            .Import(paths, outcomes.Add);
        return (summary, outcomes);
    }

    private string[] IndexedPaths()
    {
        using var store = IndexStore.Open(Index);
        return store.AllRecords().Select(r => r.Source.Path).Distinct().Order(StringComparer.Ordinal).ToArray();
    }

    private static string[] Seeds => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds")).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void A_deleted_file_is_removed_counted_listed_and_no_longer_found()
    {
        var folder = Path.Combine(_root, "archive");
        var paths = Corpus.WriteText(folder, 10, seed: 21);
        Import(paths: folder);
        string title;
        using (var store = IndexStore.Open(Index))
            title = store.Find(paths[3])!.Title!;
        File.Delete(paths[3]);

        var (summary, outcomes) = Import(paths: folder);

        Assert.Equal((0, 9, 1), (summary.Imported, summary.Unchanged, summary.Removed));
        var removed = Assert.Single(outcomes, o => o.Outcome == ImportOutcome.Removed);
        Assert.Equal((paths[3], 1, "gone from disk"), (removed.Path, removed.Submissions, removed.Message));
        Assert.Equal(paths.Where((_, i) => i != 3).Order(StringComparer.Ordinal), IndexedPaths());
        using var after = IndexStore.Open(Index);
        Assert.Null(after.Find(paths[3]));
        Assert.DoesNotContain(after.Search(new SearchRequest { Query = $"\"{title}\"" }).Submissions, hit => hit.Record.Source.Path == paths[3]);
    }

    [Fact]
    public void Removing_one_rendition_keeps_the_submission_while_another_file_carries_it()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "renditions")).FullName;
        var text = Path.Combine(folder, "資料15.txt");
        var word = Path.Combine(folder, "資料15.docx");
        File.Copy(Seeds.Single(path => Path.GetFileName(path).StartsWith("000_", StringComparison.Ordinal)), text);
        File.Copy(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "renditions"), "000_*.docx").Single(), word);
        // Another submission, so the folder never looks like an unmounted share (a root without files keeps its records).
        File.Copy(Seeds.Single(path => Path.GetFileName(path).StartsWith("001_", StringComparison.Ordinal)), Path.Combine(folder, "資料7.txt"));
        var query = new SearchRequest { Query = "在留カード等一体化" };
        Import(paths: folder);
        using (var store = IndexStore.Open(Index))
        {
            var hit = Assert.Single(store.Search(query).Submissions);
            Assert.Equal([word, text], hit.Renditions.Select(record => record.Source.Path));
        }

        File.Delete(word);
        var (summary, _) = Import(paths: folder);
        Assert.Equal(1, summary.Removed);
        using (var store = IndexStore.Open(Index))
        {
            var hit = Assert.Single(store.Search(query).Submissions);
            Assert.Equal([text], hit.Renditions.Select(record => record.Source.Path));
        }

        File.Delete(text);
        Import(paths: folder);
        using (var store = IndexStore.Open(Index))
            Assert.Empty(store.Search(query).Submissions);
    }

    [Fact]
    public void Keep_missing_keeps_them_and_a_dry_run_lists_them_without_removing()
    {
        var folder = Path.Combine(_root, "archive");
        var paths = Corpus.WriteText(folder, 4, seed: 22);
        Import(paths: folder);
        File.Delete(paths[0]);

        var (kept, _) = Import(keepMissing: true, folder);
        Assert.Equal((0, 1), (kept.Removed, kept.KeptUnverified));
        Assert.Contains(paths[0], IndexedPaths());

        ReconciliationPlan plan;
        using (var store = IndexStore.Open(Index))
            plan = new BulkImporter(store, IngestPipeline.Default).PreviewRemovals([folder]);
        Assert.Equal([paths[0]], plan.Remove.Select(m => m.Path));
        Assert.Contains(paths[0], IndexedPaths());
    }

    [Fact]
    public void Only_the_roots_walked_are_reconciled()
    {
        var a = Corpus.WriteText(Path.Combine(_root, "a"), 3, seed: 23);
        var b = Corpus.WriteText(Path.Combine(_root, "b"), 3, seed: 24);
        Import(paths: [Path.Combine(_root, "a"), Path.Combine(_root, "b")]);
        File.Delete(b[0]);
        File.Delete(a[0]);

        var (summary, _) = Import(paths: Path.Combine(_root, "a"));

        Assert.Equal(1, summary.Removed);
        Assert.Contains(b[0], IndexedPaths()); // b was not walked: nothing is known about it
        Assert.DoesNotContain(a[0], IndexedPaths());
    }

    [Fact]
    public void A_root_that_is_missing_or_empty_keeps_its_records()
    {
        var folder = Path.Combine(_root, "share");
        var paths = Corpus.WriteText(folder, 3, seed: 25);
        Import(paths: folder);

        Directory.Move(folder, folder + "-away"); // unmounted
        var (missing, _) = Import(paths: folder);
        Assert.Equal((0, 3), (missing.Removed, missing.KeptUnverified));

        Directory.CreateDirectory(folder); // an empty mount point
        var (empty, _) = Import(paths: folder);
        Assert.Equal((0, 3), (empty.Removed, empty.KeptUnverified));
        Assert.Equal(paths.Order(StringComparer.Ordinal), IndexedPaths());
    }

    [Fact]
    public void A_folder_reached_only_through_a_link_not_followed_keeps_its_records()
    {
        var folder = Path.Combine(_root, "archive");
        var inside = Corpus.WriteText(Path.Combine(folder, "sub"), 2, seed: 26);
        Corpus.WriteText(folder, 1, seed: 27);
        Import(paths: folder);
        // The subfolder becomes a link to where its files went: the walk notes the link and does not go in.
        Directory.Move(Path.Combine(folder, "sub"), Path.Combine(_root, "moved"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "sub"), Path.Combine(_root, "moved"));

        var (summary, _) = Import(paths: folder);

        Assert.Equal((0, 2), (summary.Removed, summary.KeptUnverified));
        Assert.All(inside, path => Assert.Contains(path, IndexedPaths()));
    }

    [Fact]
    public void Zip_entries_go_with_their_entry_or_their_zip_but_not_with_a_zip_that_cannot_be_read()
    {
        var seeds = Seeds;
        var zip = Path.Combine(_root, "packets.zip");
        Corpus.Zip(zip, [("a.txt", File.ReadAllBytes(seeds[0])), ("b.txt", File.ReadAllBytes(seeds[1])), ("c.txt", File.ReadAllBytes(seeds[2]))]);
        var other = Path.Combine(_root, "other.zip");
        Corpus.Zip(other, [("d.txt", File.ReadAllBytes(seeds[3]))]);
        Import(paths: _root);

        Corpus.Zip(zip, [("a.txt", File.ReadAllBytes(seeds[0])), ("b.txt", File.ReadAllBytes(seeds[1]))]); // c.txt left the zip
        var (entryGone, _) = Import(paths: _root);
        Assert.Equal(1, entryGone.Removed);
        Assert.DoesNotContain($"{zip}!/c.txt", IndexedPaths());

        File.WriteAllBytes(zip, "PK\u0003\u0004 cut short"u8.ToArray()); // corrupt: its entries are unknown, not gone
        var (corrupt, _) = Import(paths: _root);
        Assert.Equal((0, 2), (corrupt.Removed, corrupt.KeptUnverified));
        Assert.Contains($"{zip}!/a.txt", IndexedPaths());

        File.Delete(zip); // the zip itself is gone
        var (zipGone, _) = Import(paths: _root);
        Assert.Equal(2, zipGone.Removed);
        Assert.Equal([$"{other}!/d.txt"], IndexedPaths());
    }

    [Fact]
    public void An_owner_path_that_goes_hands_its_records_to_a_second_path_that_stays()
    {
        var folder = Path.Combine(_root, "archive");
        var paths = Corpus.WriteText(folder, 2, seed: 28);
        var copy = Path.Combine(folder, "zz-copy.txt");
        File.Copy(paths[0], copy);
        Import(paths: folder);
        var owner = IndexedPaths().Single(path => path == paths[0] || path == copy);
        var second = owner == copy ? paths[0] : copy;
        File.Delete(owner);

        var (summary, outcomes) = Import(paths: folder);

        Assert.Equal(1, summary.Removed);
        Assert.Equal(owner, Assert.Single(outcomes, o => o.Outcome == ImportOutcome.Removed).Path);
        Assert.Contains(second, IndexedPaths()); // the records now carry the path that stays
        using var store = IndexStore.Open(Index);
        Assert.Equal(second, store.Find(second)?.Source.Path);
        Assert.Equal(2, store.Search(new SearchRequest()).TotalSubmissions);
    }

    [Fact]
    public void A_renamed_file_keeps_one_submission_under_its_new_name()
    {
        var folder = Path.Combine(_root, "archive");
        var paths = Corpus.WriteText(folder, 3, seed: 29);
        Import(paths: folder);
        var renamed = Path.Combine(folder, "renamed.txt");
        File.Move(paths[1], renamed);

        var (summary, _) = Import(paths: folder);

        Assert.Equal((0, 1), (summary.Imported, summary.Removed));
        Assert.Equal(new[] { paths[0], paths[2], renamed }.Order(StringComparer.Ordinal), IndexedPaths());
        using var store = IndexStore.Open(Index);
        Assert.Equal(3, store.Search(new SearchRequest()).TotalSubmissions);
    }

    [Fact]
    public void Explicit_removal_by_path_folder_or_record_id()
    {
        var folder = Path.Combine(_root, "archive");
        var paths = Corpus.WriteText(folder, 3, seed: 30);
        var sub = Corpus.WriteText(Path.Combine(folder, "sub"), 2, seed: 31);
        var copy = Path.Combine(folder, "copy.txt");
        File.Copy(paths[2], copy);
        Import(paths: folder);
        using var store = IndexStore.Open(Index);
        var idOfThird = store.Find(paths[2])!.Source.Sha256[..12];

        using (var updater = store.OpenUpdater())
        {
            var targets = Removal.Resolve(store, updater.AtStart, [paths[0], Path.Combine(folder, "sub"), idOfThird, "nothing-here.txt"]);
            Assert.Equal([paths[0]], targets[0].Paths);
            Assert.Equal(sub.Order(StringComparer.Ordinal), targets[1].Paths);
            Assert.Equal(new[] { paths[2], copy }.Order(StringComparer.Ordinal), targets[2].Paths.Order(StringComparer.Ordinal)); // the content under every path
            Assert.NotNull(targets[3].Problem);
            foreach (var path in Removal.InRemovalOrder(targets.SelectMany(t => t.Paths), updater.AtStart))
                Assert.True(updater.Remove(path));
            updater.Commit();
        }
        Assert.Equal([paths[1]], store.AllRecords().Select(r => r.Source.Path));
        Assert.Null(store.Find(copy));
    }

    [Fact]
    public void Names_that_are_not_utf8_are_imported_decoded_found_unchanged_and_removed_only_when_gone()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "archive")).FullName;
        var year = RawNames.Cp932("令和6年度");
        RawNames.CreateFolder(folder, year);
        RawNames.CreateFile(folder, [.. year, .. "/"u8, .. RawNames.Cp932("資料40.txt")], File.ReadAllBytes(Seeds[0]));
        byte[] unreadable = [.. "memo-"u8, 0xFF, .. ".txt"u8];
        RawNames.CreateFile(folder, unreadable, File.ReadAllBytes(Seeds[1]));
        var cp932Path = Path.Combine(folder, "令和6年度", "資料40.txt");
        var escapedPath = Path.Combine(folder, "memo-\\xFF.txt");

        var (first, _) = Import(paths: folder);

        Assert.Equal((2, 0), (first.Imported, first.Failed));
        Assert.Equal([escapedPath, cp932Path], IndexedPaths());
        using (var store = IndexStore.Open(Index))
        {
            var record = store.Find(cp932Path)!;
            Assert.Equal((2024, "資料40"), (record.FiscalYear, record.DocumentNumber)); // the decoded folder and file names
        }

        var (again, _) = Import(paths: folder);
        Assert.Equal((0, 2, 0), (again.Imported, again.Unchanged, again.Removed));

        RawNames.Delete(folder, unreadable);
        var (afterDelete, outcomes) = Import(paths: folder);
        Assert.Equal((1, 1), (afterDelete.Unchanged, afterDelete.Removed));
        Assert.Equal(escapedPath, Assert.Single(outcomes, o => o.Outcome == ImportOutcome.Removed).Path);
        Assert.Equal([cp932Path], IndexedPaths());
    }
}
