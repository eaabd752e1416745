namespace Ingest.Index.Tests;

[Collection(IndexCollection.Name)]
public sealed class StoreTests(IndexFixture index)
{
    [Fact]
    public void AllRecordsReturnsEachSubmissionOnceAndComplete()
    {
        var records = index.Store.AllRecords().ToList();
        Assert.Equal(TestRecords.All.Count, records.Count);
        var charlie = records.Single(record => record.Source.Path.EndsWith("charlie.txt", StringComparison.Ordinal));
        Assert.Equal(TestRecords.Charlie.Overview["目的"], charlie.Overview["目的"]);
        Assert.Equal("機構", charlie.Sheets[0].Fields["委任先"]);
        Assert.Equal([TestRecords.Jlis], charlie.Sheets[0].Partners);
    }

    [Theory]
    [InlineData("/archive/delta.txt")]
    [InlineData("delta.txt")]
    public void FindByPathOrFileName(string key) =>
        Assert.Equal("国立印刷局への委託について", index.Store.Find(key)?.Title);

    [Fact]
    public void FindByHashPrefixAndRecordId()
    {
        var sha = TestRecords.Sha("bravo");
        Assert.Equal(TestRecords.Bravo.Title, index.Store.Find(sha[..10])?.Title);
        Assert.Equal(TestRecords.Bravo.Title, index.Store.Find(sha + "#0")?.Title);
        Assert.Null(index.Store.Find("nothing-like-this"));
    }
}
