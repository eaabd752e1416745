using Ingest.Index.Search;
using Ingest.Index.Store;

namespace Ingest.Index.Tests;

/// <summary>The index writer's guarantees that importers rely on.</summary>
public sealed class UpdaterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ingest-updater-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ADocumentLuceneWouldRefuseIsRefusedBeforeTheOldRecordsAreDeleted()
    {
        var record = TestRecords.Alpha;
        var path = record.Source.Path;
        // Its identity, the path, is one keyword over Lucene's term limit: nothing can leave it out.
        var unindexable = TestRecords.Bravo with { Source = TestRecords.Bravo.Source with { Path = "/archive/" + new string('x', 40_000) } };
        using var store = IndexStore.Open(_directory);
        using (var updater = store.OpenUpdater())
        {
            updater.Replace(path, record.Source.Sha256, [record]);
            updater.Commit();
            var error = Assert.Throws<ArgumentException>(() => updater.Replace(path, unindexable.Source.Sha256, [unindexable]));
            Assert.StartsWith("field path holds a term of ", error.Message, StringComparison.Ordinal);
            Assert.Equal(record.Source.Sha256, updater.IndexedSha256(path));
            updater.Commit();
        }
        Assert.Equal(record.Title, Assert.Single(store.AllRecords()).Title);
        Assert.Equal(1, store.Search(new SearchRequest { Query = "暗号化" }).TotalSubmissions);
    }
}
