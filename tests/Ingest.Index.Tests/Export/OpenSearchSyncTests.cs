using System.Text.Json.Nodes;
using Ingest.Core.Records;
using Ingest.Index.Export.OpenSearch;
using Ingest.Index.Store;

namespace Ingest.Index.Tests.Export;

/// <summary>The sync against a local fake cluster: what it sends on first and later runs, and how it meets 429, 5xx and refused documents.</summary>
public sealed class OpenSearchSyncTests : IDisposable
{
    private static readonly OpenSearchIndexName Name = OpenSearchIndexName.Parse("ward");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ingest-sync-" + Guid.NewGuid().ToString("N"));
    private readonly FakeOpenSearch _cluster = new();
    private readonly HttpClient _http = new();
    private readonly List<TimeSpan> _waits = [];

    public OpenSearchSyncTests()
    {
        using var store = IndexStore.Open(_directory);
        using var updater = store.OpenUpdater();
        foreach (var record in TestRecords.All)
            updater.Replace(record.Source.Path, record.Source.Sha256, [record]);
        updater.Commit();
    }

    private static int DocumentCount => TestRecords.All.Sum(DocumentsOf);

    private static int DocumentsOf(SubmissionRecord record) => Math.Max(1, record.Sheets.Count);

    private OpenSearchSync Sync(int maxBatchBytes = 5 * 1024 * 1024) => new(_http, _cluster.Address, Name, new OpenSearchSyncOptions
    {
        MaxBatchBytes = maxBatchBytes,
        MaxAttempts = 4,
        Delay = (wait, _) =>
        {
            lock (_waits)
                _waits.Add(wait);
            return Task.CompletedTask;
        },
    });

    private OpenSearchSyncSummary Run(OpenSearchSync? sync = null)
    {
        using var store = IndexStore.Open(_directory);
        return (sync ?? Sync()).RunAsync(store).GetAwaiter().GetResult();
    }

    [Fact]
    public void CreatesTheIndexSendsEverythingThenOnlyWhatChanged()
    {
        var first = Run();
        Assert.True(first.Created);
        Assert.Equal(DocumentCount, first.Indexed);
        Assert.Equal(DocumentCount, _cluster.Documents.Count);
        Assert.Equal("kuromoji_tokenizer", _cluster.IndexBody!["settings"]!["analysis"]!["tokenizer"]![OpenSearchSettings.Tokenizer]!["type"]!.GetValue<string>());

        var bulksBefore = _cluster.Bulks.Count();
        var second = Run();
        Assert.False(second.Created);
        Assert.Equal((0, 0, DocumentCount), (second.Indexed, second.Deleted, second.Unchanged));
        Assert.Equal(bulksBefore, _cluster.Bulks.Count());

        // One record removed, one changed: one bulk with its documents and the removed one's deletion.
        using (var store = IndexStore.Open(_directory))
        using (var updater = store.OpenUpdater())
        {
            updater.Remove(TestRecords.Bravo.Source.Path);
            var changed = TestRecords.Alpha with { Title = "マイナンバーカード特急発行に係る外部結合の変更について" };
            updater.Replace(changed.Source.Path, changed.Source.Sha256, [changed]);
            updater.Commit();
        }
        var third = Run();
        Assert.Equal(DocumentsOf(TestRecords.Alpha), third.Indexed);
        Assert.Equal(DocumentsOf(TestRecords.Bravo), third.Deleted);
        Assert.DoesNotContain(_cluster.Documents.Keys, id => id.StartsWith(TestRecords.Bravo.Source.Sha256, StringComparison.Ordinal));
        Assert.Contains("外部結合の変更について", _cluster.Documents[OpenSearchDocument.DocumentId(TestRecords.Alpha.Source.Sha256, 0, 0)]);
        Assert.Equal(bulksBefore + 1, _cluster.Bulks.Count());
    }

    [Fact]
    public void RetriesWholeRequestsAnswered429Or5xxWithGrowingWaits()
    {
        Run(); // created and filled
        using (var store = IndexStore.Open(_directory))
        using (var updater = store.OpenUpdater())
        {
            updater.Remove(TestRecords.Charlie.Source.Path);
            updater.Commit();
        }
        // The mapping check passes; then the bulk meets 429 (asking for 7 s), 503 and 502 before it goes through.
        _cluster.Scripted.Enqueue(new FakeAnswer(200, new JsonObject { ["ward"] = new JsonObject { ["mappings"] = _cluster.IndexBody!["mappings"]!.DeepClone() } }.ToJsonString()));
        _cluster.Scripted.Enqueue(new FakeAnswer(429, """{"error":"too many requests"}""", RetryAfterSeconds: 7));
        _cluster.Scripted.Enqueue(new FakeAnswer(503, """{"error":"unavailable"}"""));
        _cluster.Scripted.Enqueue(new FakeAnswer(502, """{"error":"bad gateway"}"""));
        var summary = Run();
        Assert.Equal(DocumentsOf(TestRecords.Charlie), summary.Deleted);
        Assert.Equal(3, summary.Retries);
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], _waits);
        Assert.Empty(summary.Failures);
    }

    [Fact]
    public void AnswersOf500EveryTimeStopTheSyncWithTheStatus()
    {
        for (var i = 0; i < 4; i++)
            _cluster.Scripted.Enqueue(new FakeAnswer(500, """{"error":"internal"}"""));
        var error = Assert.Throws<OpenSearchSyncException>(() => Run());
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _waits.Count);
        Assert.Empty(_cluster.Bulks);
    }

    [Fact]
    public async Task AClusterThatDoesNotAnswerIsTriedAgainThenReported()
    {
        var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there now: every connection is refused
        var sync = new OpenSearchSync(_http, new Uri($"http://127.0.0.1:{port}/"), Name, new OpenSearchSyncOptions
        {
            MaxAttempts = 4,
            Delay = (wait, _) =>
            {
                _waits.Add(wait);
                return Task.CompletedTask;
            },
        });
        using var store = IndexStore.Open(_directory);
        var error = await Assert.ThrowsAsync<OpenSearchSyncException>(() => sync.RunAsync(store));
        Assert.Contains("no answer after 4 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal([TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], _waits);
    }

    [Fact]
    public void RefusedDocumentsAreReportedAndSentAgainNextTime()
    {
        var refused = OpenSearchDocument.DocumentId(TestRecords.Delta.Source.Sha256, 0, 0);
        var rejectedOnce = OpenSearchDocument.DocumentId(TestRecords.Echo.Source.Sha256, 0, 0);
        _cluster.Refuse[refused] = (400, 1);
        _cluster.Refuse[rejectedOnce] = (429, 1);

        var first = Run();
        var failure = Assert.Single(first.Failures);
        Assert.Equal((refused, "index", 400), (failure.Id, failure.Action, failure.Status));
        Assert.Contains("mapper_parsing_exception", failure.Reason, StringComparison.Ordinal);
        Assert.True(_cluster.Documents.ContainsKey(rejectedOnce), "an item refused with 429 is sent again in the same sync");
        Assert.Equal(DocumentCount - 1, first.Indexed);

        var second = Run();
        Assert.Empty(second.Failures);
        Assert.Equal(1, second.Indexed);
        Assert.True(_cluster.Documents.ContainsKey(refused));
        var lastBulk = _cluster.Bulks.Last().Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lastBulk.Length);
        Assert.Contains(refused, lastBulk[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ARefusedDocumentGoneFromOurIndexIsStillDeletedThere()
    {
        var refused = OpenSearchDocument.DocumentId(TestRecords.Delta.Source.Sha256, 0, 0);
        _cluster.Refuse[refused] = (400, -1);
        Assert.Single(Run().Failures);
        using (var store = IndexStore.Open(_directory))
        using (var updater = store.OpenUpdater())
        {
            updater.Remove(TestRecords.Delta.Source.Path);
            updater.Commit();
        }
        _cluster.Refuse.Clear();
        var second = Run();
        Assert.Empty(second.Failures);
        Assert.Contains(_cluster.Bulks.Last().Body.Split('\n'), line => line.Contains("\"delete\"", StringComparison.Ordinal) && line.Contains(refused, StringComparison.Ordinal));
        var third = Run();
        Assert.Equal((0, 0), (third.Indexed, third.Deleted));
    }

    [Fact]
    public void RefusesAnExistingIndexWithOtherSettings()
    {
        Run();
        _cluster.IndexBody!["mappings"]!["_meta"]![OpenSearchSettings.FingerprintKey] = "0123456789abcdef0123456789abcdef";
        var bulks = _cluster.Bulks.Count();
        var error = Assert.Throws<OpenSearchSyncException>(() => Run());
        Assert.Contains("exists with other settings", error.Message, StringComparison.Ordinal);
        Assert.Equal(bulks, _cluster.Bulks.Count());

        _cluster.IndexBody!["mappings"]!.AsObject().Remove("_meta");
        error = Assert.Throws<OpenSearchSyncException>(() => Run());
        Assert.Contains("not created by this export", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BatchesStayWithinTheByteBudget()
    {
        var budget = 6_000;
        var summary = Run(Sync(maxBatchBytes: budget));
        Assert.Equal(DocumentCount, summary.Indexed);
        var bulks = _cluster.Bulks.ToList();
        Assert.True(bulks.Count > 1);
        foreach (var bulk in bulks)
        {
            var lines = bulk.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(System.Text.Encoding.UTF8.GetByteCount(bulk.Body) <= budget || lines.Length == 2, $"a batch of {lines.Length / 2} documents is over the budget");
        }
    }

    [Fact]
    public async Task AStateForAnotherClusterIsNotTrusted()
    {
        Run();
        using var other = new FakeOpenSearch();
        using var store = IndexStore.Open(_directory);
        var summary = await new OpenSearchSync(_http, other.Address, Name).RunAsync(store);
        Assert.Equal(DocumentCount, summary.Indexed);
        Assert.Equal(DocumentCount, other.Documents.Count);
    }

    [Fact]
    public async Task ASecondSyncOfTheSameIndexAndNameIsRefusedWhileTheFirstRuns()
    {
        var lockPath = Path.Combine(_directory, OpenSearchSyncState.LockFileName(Name));
        using (var running = ExclusiveFileLock.TryTake(lockPath))
        {
            Assert.NotNull(running);
            var refused = Assert.Throws<OpenSearchSyncException>(() => Run());
            Assert.Contains("another sync", refused.Message, StringComparison.Ordinal);
            Assert.Empty(_cluster.Requests); // nothing sent, no state written
            Assert.False(File.Exists(Path.Combine(_directory, OpenSearchSyncState.FileName(Name))));

            // Another name is another index on the cluster: its sync runs.
            using var store = IndexStore.Open(_directory);
            var other = await new OpenSearchSync(_http, _cluster.Address, OpenSearchIndexName.Parse("ward-copy")).RunAsync(store);
            Assert.Equal(DocumentCount, other.Indexed);
        }
        Assert.Equal(DocumentCount, Run().Indexed); // released: the next sync runs
    }

    [Fact]
    public void CredentialsInTheAddressAreRefused()
    {
        var address = new Uri("https://admin:secret@example.invalid:9200/");
        var error = Assert.Throws<ArgumentException>(() => new OpenSearchSync(_http, address, Name));
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _http.Dispose();
        _cluster.Dispose();
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }
}
