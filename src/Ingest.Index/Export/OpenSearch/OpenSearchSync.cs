using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ingest.Index.Store;

namespace Ingest.Index.Export.OpenSearch;

/// <summary>How a sync sends: batch size in bytes, and how often and how patiently it retries.</summary>
public sealed record OpenSearchSyncOptions
{
    /// <summary>Largest <c>_bulk</c> body (bytes); a single document larger than this goes alone. 5 MiB is the size OpenSearch's own guides start from.</summary>
    public int MaxBatchBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Attempts per request (and per rejected item) before giving up.</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>Wait before the second attempt; doubled each time, up to <see cref="MaxBackoff"/> (a Retry-After header wins when larger).</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How to wait (replaced in tests so backoff costs no time).</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;
}

/// <summary>One document the cluster refused, with its reason as the cluster gave it.</summary>
public sealed record OpenSearchItemFailure(string Id, string Action, int Status, string Reason);

/// <summary>What a sync did.</summary>
public sealed record OpenSearchSyncSummary(bool Created, int Indexed, int Deleted, int Unchanged, int Requests, int Retries, IReadOnlyList<OpenSearchItemFailure> Failures);

/// <summary>The cluster refused the whole operation (its index has other settings, or a request failed after every retry).</summary>
public sealed class OpenSearchSyncException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Brings an OpenSearch index up to date with our index: creates it with <see cref="OpenSearchSettings"/> when missing
/// (and refuses when it exists with other settings, told by the fingerprint in its mapping's <c>_meta</c>), then sends
/// through <c>_bulk</c>, in batches of at most <see cref="OpenSearchSyncOptions.MaxBatchBytes"/>, only the documents whose
/// source changed since the last sync and deletions of those no longer in our index (<see cref="OpenSearchSyncState"/>).
/// Whole requests answered 429 or 5xx (or not answered) are retried with exponential backoff; items refused with 429 are
/// sent again in the same way; other refused items are reported and left out of the state, so the next sync tries them again.
/// </summary>
public sealed class OpenSearchSync
{
    /// <summary>State entry of a document the cluster refused: matches no content hash.</summary>
    private const string UnsentHash = "";

    private readonly HttpClient _http;
    private readonly Uri _cluster;
    private readonly OpenSearchIndexName _name;
    private readonly OpenSearchSyncOptions _options;
    private int _requests;
    private int _retries;

    /// <summary>
    /// <paramref name="http"/> carries any credentials (default headers) and TLS trust; <paramref name="cluster"/> is the
    /// cluster's base address without credentials (it is written to the state file and into messages).
    /// </summary>
    public OpenSearchSync(HttpClient http, Uri cluster, OpenSearchIndexName name, OpenSearchSyncOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(cluster);
        if (!string.IsNullOrEmpty(cluster.UserInfo))
            throw new ArgumentException("the cluster address must not carry credentials (they would be stored and printed); use the environment variables", nameof(cluster));
        _http = http;
        _cluster = cluster.AbsoluteUri.EndsWith('/') ? cluster : new Uri(cluster.AbsoluteUri + "/");
        _name = name;
        _options = options ?? new OpenSearchSyncOptions();
    }

    /// <summary>The address as written in messages and in the state file.</summary>
    public string Target => _cluster.AbsoluteUri + _name.Value;

    /// <summary>Syncs <paramref name="store"/>'s current commit; the state is saved even when the sync stops half-way.</summary>
    public async Task<OpenSearchSyncSummary> RunAsync(IndexStore store, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        // One sync of an index and name at a time: two would each save what they sent, and the later save could claim a
        // document the earlier one then overwrote on the cluster, which no later sync would resend.
        var lockPath = Path.Combine(store.DirectoryPath, OpenSearchSyncState.LockFileName(_name));
        using var held = ExclusiveFileLock.TryTake(lockPath)
            ?? throw new OpenSearchSyncException($"{Target}: another sync of {store.DirectoryPath} to this index is running (lock {lockPath})");
        var body = OpenSearchSettings.Build(store.Analysis);
        var state = OpenSearchSyncState.Load(store.DirectoryPath, _name, Target);
        var created = await EnsureIndexAsync(body, cancellation).ConfigureAwait(false);
        if (created)
            state.Clear();
        var failures = new List<OpenSearchItemFailure>();
        int indexed = 0, deleted = 0, unchanged = 0;
        var batch = new BulkBatch(_options.MaxBatchBytes);
        async Task Send(BulkItem item)
        {
            if (batch.TryAdd(item))
                return;
            var (i, d) = await SendAsync(batch.Take(), state, failures, cancellation).ConfigureAwait(false);
            indexed += i;
            deleted += d;
            batch.TryAdd(item);
        }
        try
        {
            var current = new HashSet<string>(StringComparer.Ordinal);
            foreach (var document in OpenSearchExport.Documents(store))
            {
                current.Add(document.Id);
                var hash = document.ContentHash;
                if (state.Documents.TryGetValue(document.Id, out var sent) && sent == hash)
                    unchanged++;
                else
                    await Send(new BulkItem(document.Id, "index", OpenSearchExport.IndexAction(_name, document.Id), document.SourceJson, hash)).ConfigureAwait(false);
            }
            foreach (var id in state.Documents.Keys.Where(id => !current.Contains(id)).ToList())
                await Send(new BulkItem(id, "delete", OpenSearchExport.DeleteAction(_name, id), null, null)).ConfigureAwait(false);
            if (batch.Count > 0)
            {
                var (i, d) = await SendAsync(batch.Take(), state, failures, cancellation).ConfigureAwait(false);
                indexed += i;
                deleted += d;
            }
        }
        finally
        {
            state.Save();
        }
        return new OpenSearchSyncSummary(created, indexed, deleted, unchanged, _requests, _retries, failures);
    }

    /// <summary>Creates the index when missing (true); false when it exists with our settings; throws when it exists with others.</summary>
    public async Task<bool> EnsureIndexAsync(JsonObject body, CancellationToken cancellation = default)
    {
        var expected = OpenSearchSettings.Fingerprint(body);
        using (var existing = await SendWithRetryAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(_cluster, _name.Value + "/_mapping")), cancellation).ConfigureAwait(false))
        {
            if (existing.StatusCode == HttpStatusCode.OK)
            {
                var found = FingerprintOf(await existing.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false));
                if (found == expected)
                    return false;
                throw new OpenSearchSyncException(found is null
                    ? $"{Target} exists and was not created by this export (no {OpenSearchSettings.FingerprintKey} in its mapping's _meta); choose another --name or delete that index"
                    : $"{Target} exists with other settings or mappings (fingerprint {found[..12]}…, this export's {expected[..12]}…: the dictionary, synonyms, folding or mapping changed); delete that index to rebuild it, or sync under another --name");
            }
            if (existing.StatusCode != HttpStatusCode.NotFound)
                throw await Failure(existing, "reading the index's mapping", cancellation).ConfigureAwait(false);
        }
        var json = body.ToJsonString(OpenSearchJson.Compact);
        using var create = await SendWithRetryAsync(() => new HttpRequestMessage(HttpMethod.Put, new Uri(_cluster, _name.Value))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        }, cancellation).ConfigureAwait(false);
        if (!create.IsSuccessStatusCode)
            throw await Failure(create, "creating the index", cancellation).ConfigureAwait(false);
        return true;
    }

    private static string? FingerprintOf(string mappingResponse)
    {
        // { "<concrete index name>": { "mappings": { "_meta": { ... } } } } — the key is the concrete name even for an alias.
        var root = JsonNode.Parse(mappingResponse) as JsonObject;
        var index = root?.FirstOrDefault().Value;
        return index?["mappings"]?["_meta"]?[OpenSearchSettings.FingerprintKey] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    /// <summary>Sends one batch, resending items refused with 429; records what the cluster took in <paramref name="state"/>.</summary>
    private async Task<(int Indexed, int Deleted)> SendAsync(IReadOnlyList<BulkItem> items, OpenSearchSyncState state, List<OpenSearchItemFailure> failures, CancellationToken cancellation)
    {
        int indexed = 0, deleted = 0;
        var pending = items;
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var results = await BulkAsync(pending, cancellation).ConfigureAwait(false);
            var again = new List<BulkItem>();
            for (var i = 0; i < pending.Count; i++)
            {
                var item = pending[i];
                var (status, reason) = results[i];
                var deletedAlready = item.Action == "delete" && status == 404;
                if (status is >= 200 and < 300 || deletedAlready)
                {
                    if (item.Action == "delete")
                    {
                        state.Documents.Remove(item.Id);
                        deleted++;
                    }
                    else
                    {
                        state.Documents[item.Id] = item.Hash!;
                        indexed++;
                    }
                }
                else if (status == 429 && attempt < _options.MaxAttempts)
                    again.Add(item);
                else
                {
                    failures.Add(new OpenSearchItemFailure(item.Id, item.Action, status, reason));
                    // A refused index leaves whatever the cluster held: keep the id (so a later deletion is still sent) with
                    // no hash, so the next sync sends the document again.
                    if (item.Action == "index")
                        state.Documents[item.Id] = UnsentHash;
                }
            }
            if (again.Count > 0)
            {
                _retries++;
                await _options.Delay(Backoff(attempt, null), cancellation).ConfigureAwait(false);
            }
            pending = again;
        }
        return (indexed, deleted);
    }

    /// <summary>Posts <paramref name="items"/> to <c>_bulk</c>; returns each item's status and reason, in order.</summary>
    private async Task<IReadOnlyList<(int Status, string Reason)>> BulkAsync(IReadOnlyList<BulkItem> items, CancellationToken cancellation)
    {
        var body = new StringBuilder();
        foreach (var item in items)
        {
            body.Append(item.ActionLine).Append('\n');
            if (item.SourceLine is not null)
                body.Append(item.SourceLine).Append('\n');
        }
        var payload = Encoding.UTF8.GetBytes(body.ToString());
        using var response = await SendWithRetryAsync(() =>
        {
            var content = new ByteArrayContent(payload);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
            return new HttpRequestMessage(HttpMethod.Post, new Uri(_cluster, "_bulk")) { Content = content };
        }, cancellation).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw await Failure(response, $"sending {items.Count} document(s)", cancellation).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
        return ParseItems(text, items.Count);
    }

    /// <summary>Reads the <c>items</c> of a <c>_bulk</c> response: one object per action, <c>{"index": {"status": …, "error": …}}</c>.</summary>
    internal static IReadOnlyList<(int Status, string Reason)> ParseItems(string response, int expected)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(response);
        }
        catch (JsonException e)
        {
            throw new OpenSearchSyncException($"the _bulk response is not JSON ({e.Message})", e);
        }
        if (root?["items"] is not JsonArray items || items.Count != expected)
            throw new OpenSearchSyncException($"the _bulk response lists {(root?["items"] as JsonArray)?.Count.ToString() ?? "no"} items for {expected} action(s) sent");
        var results = new List<(int, string)>(items.Count);
        foreach (var item in items)
        {
            var result = (item as JsonObject)?.FirstOrDefault().Value;
            var status = result?["status"] is JsonValue value && value.TryGetValue<int>(out var code) ? code : 0;
            var error = result?["error"];
            var reason = error switch
            {
                null => "",
                JsonValue plain => plain.ToString(),
                _ => $"{error["type"]}: {error["reason"]}",
            };
            results.Add((status, reason));
        }
        return results;
    }

    /// <summary>Sends a request built afresh for each attempt, retrying 429, 5xx and failed connections; the last answer is returned.</summary>
    private async Task<HttpResponseMessage> SendWithRetryAsync(Func<HttpRequestMessage> request, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            _requests++;
            HttpResponseMessage response;
            try
            {
                using var message = request();
                response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellation).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransient(e, cancellation) && attempt < _options.MaxAttempts)
            {
                _retries++;
                await _options.Delay(Backoff(attempt, null), cancellation).ConfigureAwait(false);
                continue;
            }
            catch (Exception e) when (IsTransient(e, cancellation))
            {
                throw new OpenSearchSyncException($"{Target}: no answer after {attempt} attempts ({e.Message})", e);
            }
            var retriable = (int)response.StatusCode == 429 || (int)response.StatusCode >= 500;
            if (!retriable || attempt >= _options.MaxAttempts)
                return response;
            var retryAfter = response.Headers.RetryAfter?.Delta;
            response.Dispose();
            _retries++;
            await _options.Delay(Backoff(attempt, retryAfter), cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>A refused or dropped connection, or a request that timed out (not one the caller cancelled).</summary>
    private static bool IsTransient(Exception e, CancellationToken cancellation) =>
        e is HttpRequestException || (e is TaskCanceledException && !cancellation.IsCancellationRequested);

    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var doubled = _options.InitialBackoff * Math.Pow(2, attempt - 1);
        var wait = doubled > _options.MaxBackoff ? _options.MaxBackoff : doubled;
        return retryAfter is { } asked && asked > wait ? asked : wait;
    }

    private async Task<OpenSearchSyncException> Failure(HttpResponseMessage response, string doing, CancellationToken cancellation)
    {
        var text = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
        var reason = text.Length > 500 ? text[..500] + "…" : text;
        return new OpenSearchSyncException($"{Target}: {doing} failed with HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {reason}");
    }

    private sealed record BulkItem(string Id, string Action, string ActionLine, string? SourceLine, string? Hash)
    {
        public int Bytes { get; } = Encoding.UTF8.GetByteCount(ActionLine) + 1 + (SourceLine is null ? 0 : Encoding.UTF8.GetByteCount(SourceLine) + 1);
    }

    /// <summary>Items up to a byte budget; the first item always fits, so a document over the budget goes alone.</summary>
    private sealed class BulkBatch(int maxBytes)
    {
        private List<BulkItem> _items = [];
        private long _bytes;

        public int Count => _items.Count;

        public bool TryAdd(BulkItem item)
        {
            if (_items.Count > 0 && _bytes + item.Bytes > maxBytes)
                return false;
            _items.Add(item);
            _bytes += item.Bytes;
            return true;
        }

        public IReadOnlyList<BulkItem> Take()
        {
            var taken = _items;
            _items = [];
            _bytes = 0;
            return taken;
        }
    }
}
