using Ingest.Core.Records;
using Ingest.Index.Search;
using Ingest.Index.Store;

namespace Ingest.Index.Tests;

/// <summary>A temporary index holding <see cref="TestRecords.All"/>; deleted on dispose.</summary>
public sealed class IndexFixture : IDisposable
{
    public IndexFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "ingest-index-tests-" + Guid.NewGuid().ToString("N"));
        Store = IndexStore.Open(Directory);
        using (var updater = Store.OpenUpdater())
        {
            foreach (var group in TestRecords.All.GroupBy(record => record.Source.Path))
                updater.Replace(group.Key, group.First().Source.Sha256, group.ToList());
            updater.Commit();
        }
    }

    public string Directory { get; }
    public IndexStore Store { get; }

    public SearchResult Search(string query, int? from = null, int? to = null, string? type = null, string? partner = null, string? field = null) =>
        Store.Search(new SearchRequest { Query = query, YearFrom = from, YearTo = to, SheetType = type, Partner = partner, Field = field, Limit = 100 });

    public static string[] Names(SearchResult result) =>
        result.Submissions.Select(hit => Path.GetFileNameWithoutExtension(hit.Record.Source.Path)).Order(StringComparer.Ordinal).ToArray();

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

/// <summary>Shares one index among the search tests.</summary>
[CollectionDefinition(Name)]
public sealed class IndexCollection : ICollectionFixture<IndexFixture>
{
    public const string Name = "index";
}
