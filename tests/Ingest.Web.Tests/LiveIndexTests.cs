using System.Net;
using Ingest.Core.Records;
using Ingest.Index.Store;
using Ingest.Web.Catalog;

namespace Ingest.Web.Tests;

/// <summary>
/// The server over an index that changes under it: an import through another store (as <c>ingest import</c> in another
/// process would) shows up on the next request, and a folder that does not exist yet is served as an empty index.
/// </summary>
public sealed class LiveIndexTests : IAsyncLifetime
{
    private const string Word = "追加取込検証";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ingest-web-live-" + Guid.NewGuid().ToString("N"));
    private WebHost? _host;

    public Task InitializeAsync() => Task.CompletedTask;

    private static SubmissionRecord Record(int n) => new()
    {
        Source = new SourceInfo { Path = $"/nonexistent/live-{n:00}.txt", Sha256 = n.ToString("x64", System.Globalization.CultureInfo.InvariantCulture), Format = "text" },
        Title = $"{Word}その{n}",
        Department = n % 2 == 0 ? "区民部区民課" : "総務部総務課",
        FiscalYear = 2024,
        Sheets = [new SheetRecord { Type = "電算処理", Fields = new Dictionary<string, string> { ["記録される情報項目"] = $"{Word}の項目" } }],
    };

    /// <summary>Imports through a store of its own, closed afterwards, as another process would.</summary>
    private void Import(params int[] numbers)
    {
        using var store = IndexStore.Open(_directory);
        using var updater = store.OpenUpdater();
        foreach (var record in numbers.Select(Record))
            updater.Replace(record.Source.Path, record.Source.Sha256, [record]);
        updater.Commit();
    }

    private async Task<string> Get(string url)
    {
        var response = await _host!.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_commit_by_another_store_shows_on_the_next_request()
    {
        Import(0, 1);
        _host = await WebHost.StartAsync(_directory);
        Assert.Contains("2件の資料", await Get("/?q=" + Uri.EscapeDataString(Word)));
        Assert.Equal(HttpStatusCode.NotFound, (await Status(RecordId.Url(Record(2)))).Status);

        Import(2, 3, 4);

        var body = await Get("/?q=" + Uri.EscapeDataString(Word));
        Assert.Contains("5件の資料", body);
        Assert.Contains($"{Word}その4", body);
        // The catalog behind record pages and the department list follows too.
        Assert.Contains($"{Word}その2", await Get(RecordId.Url(Record(2))));
        Assert.Contains("3件の資料", await Get("/?dept=" + Uri.EscapeDataString("区民課")));
    }

    [Fact]
    public async Task A_missing_index_folder_is_served_as_empty_and_picked_up_once_an_import_creates_it()
    {
        _host = await WebHost.StartAsync(_directory);
        var empty = await Get("/");
        Assert.Contains("索引に資料がありません", empty);
        Assert.Contains("0件の資料", empty);
        Assert.Contains("0件の資料", await Get("/?q=" + Uri.EscapeDataString(Word) + "&dept=" + Uri.EscapeDataString("区民課")));
        await Get("/renewals");
        Assert.Equal(HttpStatusCode.NotFound, (await Status(RecordId.Url(Record(0)))).Status);
        // Serving is read-only: nothing was created.
        Assert.False(Directory.Exists(_directory));

        Import(0, 1, 2);

        var body = await Get("/?q=" + Uri.EscapeDataString(Word));
        Assert.DoesNotContain("索引に資料がありません", body);
        Assert.Contains("3件の資料", body);
        Assert.Contains($"{Word}その0", await Get(RecordId.Url(Record(0))));
    }

    private async Task<(string Body, HttpStatusCode Status)> Status(string url)
    {
        var response = await _host!.Client.GetAsync(url);
        return (await response.Content.ReadAsStringAsync(), response.StatusCode);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Missing or left behind: harmless either way.
        }
    }
}
