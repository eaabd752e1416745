using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Ingest.Index.Tests.Export;

/// <summary>One request as the fake received it.</summary>
internal sealed record FakeRequest(string Method, string Path, string Body, string? Authorization);

/// <summary>An answer of the fake; <see cref="RetryAfterSeconds"/> becomes a Retry-After header.</summary>
internal sealed record FakeAnswer(int Status, string Body, int? RetryAfterSeconds = null);

/// <summary>
/// A stand-in for an OpenSearch cluster on loopback (HttpListener): keeps one index's mapping and documents like the
/// real one does for the calls the sync makes (GET /NAME/_mapping, PUT /NAME, POST /_bulk), and lets a test put
/// answers in front of it (429, 5xx) or refuse chosen documents, to exercise the sync's error handling.
/// </summary>
internal sealed class FakeOpenSearch : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public FakeOpenSearch()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Address = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Address.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Address { get; }

    /// <summary>Every request, in order.</summary>
    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>Answers given, in order, before the fake's own (one per request).</summary>
    public ConcurrentQueue<FakeAnswer> Scripted { get; } = new();

    /// <summary>The body the index was created with (null until created).</summary>
    public JsonObject? IndexBody { get; set; }

    /// <summary>Indexed documents: id → source.</summary>
    public ConcurrentDictionary<string, string> Documents { get; } = new();

    /// <summary>Document ids the fake refuses, with the item status it answers (400 mapping error, 429 rejected…); a count of times to refuse, -1 for always.</summary>
    public ConcurrentDictionary<string, (int Status, int Times)> Refuse { get; } = new();

    public IEnumerable<FakeRequest> Bulks => Requests.Where(request => request.Path == "/_bulk");

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var request = new FakeRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, await reader.ReadToEndAsync(), context.Request.Headers["Authorization"]);
            Requests.Enqueue(request);
            var answer = Scripted.TryDequeue(out var scripted) ? scripted : Answer(request);
            context.Response.StatusCode = answer.Status;
            if (answer.RetryAfterSeconds is { } seconds)
                context.Response.AddHeader("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private FakeAnswer Answer(FakeRequest request)
    {
        var segments = request.Path.Trim('/').Split('/');
        if (request.Method == "GET" && segments is [var name, "_mapping"])
        {
            if (IndexBody is null)
                return new FakeAnswer(404, """{"error":{"type":"index_not_found_exception"},"status":404}""");
            return new FakeAnswer(200, new JsonObject { [name] = new JsonObject { ["mappings"] = IndexBody["mappings"]!.DeepClone() } }.ToJsonString());
        }
        if (request.Method == "PUT" && segments.Length == 1)
        {
            if (IndexBody is not null)
                return new FakeAnswer(400, """{"error":{"type":"resource_already_exists_exception"},"status":400}""");
            IndexBody = (JsonObject)JsonNode.Parse(request.Body)!;
            return new FakeAnswer(200, """{"acknowledged":true}""");
        }
        if (request.Method == "POST" && request.Path == "/_bulk")
            return new FakeAnswer(200, Bulk(request.Body));
        return new FakeAnswer(400, """{"error":"unexpected request"}""");
    }

    private string Bulk(string body)
    {
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var items = new JsonArray();
        var errors = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var action = (JsonObject)JsonNode.Parse(lines[i])!;
            var (kind, meta) = action.First();
            var id = meta!["_id"]!.GetValue<string>();
            string? source = kind == "index" ? lines[++i] : null;
            int status;
            if (Refuse.TryGetValue(id, out var refusal) && refusal.Times != 0)
            {
                Refuse[id] = (refusal.Status, refusal.Times > 0 ? refusal.Times - 1 : -1);
                status = refusal.Status;
            }
            else if (kind == "index")
            {
                status = Documents.ContainsKey(id) ? 200 : 201;
                Documents[id] = source!;
            }
            else
                status = Documents.TryRemove(id, out _) ? 200 : 404;
            var result = new JsonObject { ["_id"] = id, ["status"] = status };
            if (status >= 400 && status != 404)
            {
                errors = true;
                result["error"] = new JsonObject { ["type"] = status == 429 ? "es_rejected_execution_exception" : "mapper_parsing_exception", ["reason"] = $"refused {id}" };
            }
            items.Add(new JsonObject { [kind] = result });
        }
        return new JsonObject { ["took"] = 1, ["errors"] = errors, ["items"] = items }.ToJsonString();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }
}
