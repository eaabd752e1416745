using System.IO.Compression;
using System.Net;
using Ingest.Pipeline;

namespace Ingest.Web.Tests;

/// <summary>The renewal page's download of next term's Word drafts: a zip of the files <c>report renewals --drafts</c> writes.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class RenewalDraftDownloadTests(SeedIndexFixture index) : IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(index.Directory);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Drafts_download_holds_a_word_file_per_due_submission_each_read_back_as_next_term()
    {
        var page = await _host.Client.GetStringAsync("/renewals?asof=2026-11-22");
        Assert.Contains("id=\"download-drafts\" href=\"/renewals/drafts.zip?asof=2026-11-22\"", page);
        var response = await _host.Client.GetAsync("/renewals/drafts.zip?asof=2026-11-22");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.NotEmpty(zip.Entries);
        Assert.Equal(zip.Entries.Select(e => e.Name).Order(StringComparer.Ordinal), zip.Entries.Select(e => e.Name));
        var directory = Directory.CreateTempSubdirectory("ingest-web-drafts-").FullName;
        try
        {
            foreach (var entry in zip.Entries)
            {
                Assert.EndsWith(".docx", entry.Name, StringComparison.Ordinal);
                var path = Path.Combine(directory, entry.Name);
                using (var from = entry.Open())
                using (var to = File.Create(path))
                    from.CopyTo(to);
                var read = Assert.Single(IngestPipeline.Default.ExtractFile(path).Submissions);
                Assert.All(read.Sheets, sheet => Assert.Equal(new DateOnly(2027, 4, 1), sheet.Period?.Start));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Calendar_download_is_text_calendar_with_an_event_per_due_arrangement()
    {
        var page = await _host.Client.GetStringAsync("/renewals?asof=2026-11-22");
        Assert.Contains("id=\"download-ics\" href=\"/renewals.ics?asof=2026-11-22\"", page);
        var response = await _host.Client.GetAsync("/renewals.ics?asof=2026-11-22&remind=2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        var due = System.Text.RegularExpressions.Regex.Matches(page, "<tr class=\"status-needsrenewal\"").Count;
        Assert.True(due > 0);
        Assert.Equal(due, ics.Split("BEGIN:VEVENT").Length - 1);
        Assert.Equal(due, ics.Split("TRIGGER:-P2W").Length - 1);
    }

    [Fact]
    public async Task A_bad_date_is_refused_with_the_page_error()
    {
        var response = await _host.Client.GetAsync("/renewals/drafts.zip?asof=2026-02-30");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("基準日", await response.Content.ReadAsStringAsync());
    }
}
