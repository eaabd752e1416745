using Ingest.Core.Records;
using Ingest.Index.Search;
using Ingest.Index.Store;

namespace Ingest.Index.Tests;

/// <summary>An index's own synonym file: installing it re-indexes the stored records, later opens keep it, a bad file is refused.</summary>
public sealed class SynonymInstallTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-synonyms-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Index => Path.Combine(_root, "index");

    /// <summary>Says 写真データ, never 顔写真, which the shipped synonyms do not join.</summary>
    private static SubmissionRecord Photo { get; } = TestRecords.Make("photo", 2019, "電算処理について",
        TestRecords.Sheet("電算処理", [], ("記録される情報項目", "本人の写真データを記録する。")));

    private static int FacePhotos(IndexStore store) =>
        store.Search(new SearchRequest { Query = "顔写真" }).TotalSubmissions;

    private static void Add(IndexStore store, SubmissionRecord record)
    {
        using var updater = store.OpenUpdater();
        updater.Replace(record.Source.Path, record.Source.Sha256, [record]);
        updater.Commit();
    }

    [Fact]
    public void InstalledSynonymsReindexTheStoredRecordsAndApplyToQueries()
    {
        var store = IndexStore.Open(Index);
        try
        {
            Add(store, Photo);
            Assert.Equal(0, FacePhotos(store));
            var synonyms = Path.Combine(_root, "my-synonyms.txt");
            File.WriteAllText(synonyms, "顔写真, 写真データ\nJ-LIS, 地方公共団体情報システム機構\n");
            store = IndexMaintenance.InstallSynonyms(store, synonyms);
            Assert.Equal(1, FacePhotos(store));
            Assert.Equal(Photo.Title, Assert.Single(store.AllRecords()).Title);
        }
        finally
        {
            store.Dispose();
        }
        // The index keeps its synonyms: a plain Open uses them.
        using var reopened = IndexStore.Open(Index);
        Assert.Equal(1, FacePhotos(reopened));
    }

    [Fact]
    public void MalformedSynonymFileIsRefusedWithFileAndLine()
    {
        var bad = Path.Combine(_root, "bad.txt");
        File.WriteAllText(bad, "# ok\nlonely\n");
        using var store = IndexStore.Open(Index);
        Add(store, Photo);
        var error = Assert.Throws<FormatException>(() => IndexMaintenance.InstallSynonyms(store, bad));
        Assert.Contains("bad.txt:2", error.Message, StringComparison.Ordinal);
        // Refused before anything changed: the index keeps the shipped synonyms and the store stays open.
        Assert.False(File.Exists(Path.Combine(Index, IndexStore.SynonymFileName)));
        Assert.Single(store.AllRecords());
    }
}
