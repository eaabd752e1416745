using System.Net;
using Ingest.Core.Records;
using Ingest.Import;
using Ingest.Index.Store;
using Ingest.Pipeline;
using Ingest.Web.Catalog;

namespace Ingest.Web.Tests;

/// <summary>The record page marks fields whose label was inferred or is unknown; the renewal page counts arrangements to review.</summary>
public sealed class LabelPageTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ingest-web-labels-" + Guid.NewGuid().ToString("N"));
    private WebHost _host = null!;
    private List<SubmissionRecord> _records = [];

    public async Task InitializeAsync()
    {
        using (var store = IndexStore.Open(_directory))
        {
            new BulkImporter(store, IngestPipeline.Default, new BulkImportOptions { Jobs = 1 }).Import([Path.Combine(AppContext.BaseDirectory, "corpus", "labels")]);
            _records = store.AllRecords().ToList();
        }
        _host = await WebHost.StartAsync(_directory);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private SubmissionRecord Record(string file) => _records.Single(r => r.Source.Path.EndsWith(file, StringComparison.Ordinal));

    private async Task<string> Page(string url)
    {
        var response = await _host.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Inferred_fields_show_the_label_as_written_and_how_sure_the_reading_is()
    {
        var body = await Page(RecordId.Url(Record("r04_hoikuryou_tsuchi_itaku.txt")));
        Assert.Contains("<span class=\"badge inferred\"", body);
        Assert.Contains("<tr class=\"inferred\"><th scope=\"row\">委託の開始時期及び期限", body);
        Assert.Contains("見出し「委託期間(契約期間)」から（確からしさ 0.99）", body);
        Assert.Contains("title=\"head 期間 = period; names 委託; value fits\"", body);
        Assert.DoesNotContain("<tr class=\"unknown\">", body);
    }

    [Fact]
    public async Task Unknown_labels_are_marked_and_the_legend_says_they_can_be_taught()
    {
        var body = await Page(RecordId.Url(Record("kuhou_haifu_itaku_review.txt")));
        Assert.Contains("<tr class=\"unknown\"><th scope=\"row\">実施予定 <span class=\"badge unknown\"", body);
        Assert.Contains("labels.csv で教えられます", body);
        // Catalogued labels are not marked.
        Assert.Contains("<tr><th scope=\"row\">委託理由</th>", body);
    }

    [Fact]
    public async Task The_renewal_page_counts_arrangements_to_review_and_gives_the_reason()
    {
        var body = await Page("/renewals?asof=2026-11-22");
        Assert.Contains("要更新 1件 ／ 要確認 1件 ／ 全3件", body);
        Assert.Contains("<tr class=\"status-needsreview\">", body);
        Assert.Contains("period label not recognised: 実施予定", body);
    }
}
