using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ingest.Index.Export.OpenSearch;

/// <summary>
/// What the last sync to one cluster and index left there: each document id with the hash of the source sent. Kept in the
/// index folder as <c>opensearch-sync.NAME.json</c>, written whole to a temporary file and moved into place. It is the
/// exporter's own file: the sync reads the index like a search does and does not take the index's writer lock, so
/// imports go on during a sync; a sync holds its own lock, <see cref="LockFileName"/>, so two syncs of the same index and
/// name never run at once.
/// </summary>
public sealed class OpenSearchSyncState
{
    private const int FormatVersion = 1;

    private OpenSearchSyncState(string path, string target, Dictionary<string, string> documents)
    {
        FilePath = path;
        Target = target;
        Documents = documents;
    }

    public string FilePath { get; }

    /// <summary>The cluster address (no credentials) and index name the state describes.</summary>
    public string Target { get; }

    /// <summary>Document id → hash of the source last acknowledged by the cluster.</summary>
    public Dictionary<string, string> Documents { get; }

    /// <summary>The lock file a sync to <paramref name="name"/> holds while it runs (never deleted: see <see cref="Store.IndexWriterLock"/>).</summary>
    public static string LockFileName(OpenSearchIndexName name) => $"opensearch-sync.{name.Value}.lock";

    /// <summary>The file name of the state for <paramref name="name"/>.</summary>
    public static string FileName(OpenSearchIndexName name) => $"opensearch-sync.{name.Value}.json";

    /// <summary>The state of the last sync of <paramref name="indexFolder"/> to <paramref name="target"/>; empty when none, or when it was for another cluster.</summary>
    public static OpenSearchSyncState Load(string indexFolder, OpenSearchIndexName name, string target)
    {
        var path = Path.Combine(indexFolder, FileName(name));
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
            return new OpenSearchSyncState(path, target, documents);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: not a sync state ({e.Message}); delete it to resend everything", e);
        }
        if (root?["version"]?.GetValue<int>() != FormatVersion || root["target"]?.GetValue<string>() != target)
            return new OpenSearchSyncState(path, target, documents);
        if (root["documents"] is JsonObject sent)
        {
            foreach (var (id, hash) in sent)
            {
                if (hash is JsonValue value && value.TryGetValue<string>(out var text))
                    documents[id] = text;
            }
        }
        return new OpenSearchSyncState(path, target, documents);
    }

    /// <summary>Forgets every document (the index was just created, so nothing of an earlier sync is there).</summary>
    public void Clear() => Documents.Clear();

    /// <summary>Writes the state atomically.</summary>
    public void Save()
    {
        OpenSearchExport.WriteAtomically(FilePath, (Stream stream) =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = OpenSearchJson.Compact.Encoder });
            json.WriteStartObject();
            json.WriteNumber("version", FormatVersion);
            json.WriteString("target", Target);
            json.WriteStartObject("documents");
            foreach (var (id, hash) in Documents.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                json.WriteString(id, hash);
            json.WriteEndObject();
            json.WriteEndObject();
            json.Flush();
        });
    }
}
