using Ingest.Index.Analysis;
using Ingest.Index.Search;
using Ingest.Index.Store;

namespace Ingest.Index.Tests;

/// <summary>The dictionary-free bigram profile stays a working alternative: the same known answers hold on it.</summary>
public sealed class ProfileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ingest-bigram-index-" + Guid.NewGuid().ToString("N"));
    private readonly IndexStore _store;

    public ProfileTests()
    {
        _store = IndexStore.Open(_directory, new IndexAnalysis(TokenizerProfile.CjkBigram, NormaliserTextFolder.Instance, SynonymCatalogue.Default));
        using var updater = _store.OpenUpdater();
        foreach (var record in TestRecords.All)
            updater.Replace(record.Source.Path, record.Source.Sha256, [record]);
        updater.Commit();
    }

    [Theory]
    [InlineData("J-LIS 暗号化", new[] { "alpha", "charlie" })]
    [InlineData("総合行政ネットワーク", new[] { "alpha", "bravo" })]
    [InlineData("マイナンバーカード", new[] { "alpha", "charlie", "echo" })]
    [InlineData("經由", new[] { "echo" })]
    [InlineData("入管庁", new[] { "bravo", "foxtrot" })]
    public void KnownAnswersHoldWithBigrams(string query, string[] expected) =>
        Assert.Equal(expected, IndexFixture.Names(_store.Search(new SearchRequest { Query = query, Limit = 100 })));

    public void Dispose()
    {
        _store.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
