using Ingest.Index.Search;
using Ingest.Index.Store;

namespace Ingest.Index.Tests;

/// <summary>
/// An index written by an earlier build (documents without the department field, no schema in its commits) is noticed and
/// upgraded from its stored records, after which the new field works for the old submissions.
/// </summary>
public sealed class SchemaUpgradeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-schema-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static int ByDepartment(IndexStore store) =>
        store.Search(new SearchRequest { Department = "戸籍住民課", Limit = SearchRequest.MaxLimit }).TotalSubmissions;

    [Fact]
    public void An_index_from_an_earlier_layout_is_outdated_until_upgraded_and_then_filters_by_department()
    {
        FirstLayoutIndex.Write(_root, TestRecords.All);
        using var store = IndexStore.Open(_root);
        Assert.Equal(1, store.StoredSchemaVersion);
        Assert.True(store.IsOutdated);
        Assert.Equal(0, ByDepartment(store)); // the old documents have no department field

        Assert.Equal(TestRecords.All.Count, IndexMaintenance.Upgrade(store));
        store.Refresh();

        Assert.Equal(IndexStore.SchemaVersion, store.StoredSchemaVersion);
        Assert.False(store.IsOutdated);
        Assert.Equal(TestRecords.All.Count, ByDepartment(store));
        Assert.Equal(TestRecords.All.Count, store.AllRecords().Count());
        Assert.Equal(0, IndexMaintenance.Upgrade(store)); // nothing more to do
    }

    [Fact]
    public void A_new_index_records_the_current_schema_and_a_missing_one_has_none()
    {
        using var store = IndexStore.Open(_root);
        Assert.Null(store.StoredSchemaVersion);
        Assert.False(store.IsOutdated);
        using (var updater = store.OpenUpdater())
        {
            updater.Replace(TestRecords.Alpha.Source.Path, TestRecords.Alpha.Source.Sha256, [TestRecords.Alpha]);
            updater.Commit();
        }
        Assert.Equal(IndexStore.SchemaVersion, store.StoredSchemaVersion);
    }
}
