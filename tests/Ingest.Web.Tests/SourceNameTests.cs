using System.Net;
using Ingest.Import;
using Ingest.Index.Store;
using Ingest.Pipeline;
using Ingest.Tests.Shared;
using Ingest.Web.Catalog;

namespace Ingest.Web.Tests;

/// <summary>A source file whose name on disk is CP932 (as unzip leaves a Windows zip): its record shows the decoded name, and the page serves the file.</summary>
public sealed class SourceNameTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-web-names-").FullName;

    public void Dispose() => RawNames.DeleteTree(_root);

    [Fact]
    public async Task A_source_named_in_cp932_is_shown_decoded_and_served()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "archive")).FullName;
        var seed = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds")).Order(StringComparer.Ordinal).First();
        var content = await File.ReadAllBytesAsync(seed);
        RawNames.CreateFile(folder, RawNames.Cp932("付議資料.txt"), content);
        var index = Path.Combine(_root, "index");
        using (var store = IndexStore.Open(index))
            new BulkImporter(store, IngestPipeline.Default).Import([folder]);
        Ingest.Core.Records.SubmissionRecord record;
        using (var store = IndexStore.Open(index))
            record = Assert.Single(store.AllRecords());
        Assert.Equal(Path.Combine(folder, "付議資料.txt"), record.Source.Path);

        await using var host = await WebHost.StartAsync(index);
        var page = await host.Client.GetStringAsync(RecordId.Url(record));
        Assert.Contains(WebUtility.HtmlEncode(Path.Combine(folder, "付議資料.txt")), page);
        var source = await host.Client.GetAsync(RecordId.Url(record) + "/source");
        Assert.Equal(HttpStatusCode.OK, source.StatusCode);
        Assert.Equal(content, await source.Content.ReadAsByteArrayAsync());
    }
}
