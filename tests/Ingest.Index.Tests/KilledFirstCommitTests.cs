using Ingest.Index.Store;

namespace Ingest.Index.Tests;

/// <summary>An index whose first commit was cut short by a killed process opens for writing again and loses nothing (nothing was committed).</summary>
public sealed class KilledFirstCommitTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-first-commit-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_half_written_first_commit_is_replaced_and_the_import_goes_on()
    {
        byte[] real;
        var donor = Path.Combine(_root, "donor");
        using (var store = IndexStore.Open(donor))
        using (store.OpenUpdater())
            real = File.ReadAllBytes(Path.Combine(donor, "segments_1"));
        var index = Directory.CreateDirectory(Path.Combine(_root, "index")).FullName;
        File.WriteAllBytes(Path.Combine(index, "segments_1"), real[..(real.Length / 2)]);

        using var reopened = IndexStore.Open(index);
        using (var updater = reopened.OpenUpdater())
        {
            updater.Replace(TestRecords.Alpha.Source.Path, TestRecords.Alpha.Source.Sha256, [TestRecords.Alpha]);
            updater.Commit();
        }
        Assert.Equal(TestRecords.Alpha.Title, Assert.Single(reopened.AllRecords()).Title);
    }

    [Fact]
    public void A_new_index_gets_an_empty_first_commit_as_soon_as_it_is_opened_for_writing()
    {
        using var store = IndexStore.Open(_root);
        using (store.OpenUpdater())
            Assert.True(store.Exists);
        Assert.Empty(store.AllRecords());
    }
}
