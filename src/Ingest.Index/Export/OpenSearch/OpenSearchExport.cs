using System.Text;
using System.Text.Json.Nodes;
using Ingest.Index.Store;

namespace Ingest.Index.Export.OpenSearch;

/// <summary>What an export to files wrote.</summary>
public sealed record OpenSearchExportSummary(string IndexBodyPath, string BulkPath, int Submissions, int Documents, long BulkBytes);

/// <summary>
/// Writes an index's records for OpenSearch: <c>NAME.index.json</c> (the body of <c>PUT /NAME</c>) and
/// <c>NAME.bulk.ndjson</c> (the body of <c>POST /_bulk</c>), each written whole to a temporary file and then moved into
/// place, so a reader never sees half an export. Reads one commit of the index; imports may go on meanwhile.
/// </summary>
public static class OpenSearchExport
{
    /// <summary>The documents of every record of <paramref name="store"/>'s current commit, in index order.</summary>
    public static IEnumerable<OpenSearchDocument> Documents(IndexStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in store.AllRecords())
        {
            // A record is stored once per content and ordinal; a second copy (never expected) would only repeat its ids.
            if (!seen.Add(record.Source.Sha256 + "#" + record.Ordinal))
                continue;
            foreach (var document in OpenSearchDocument.For(record))
                yield return document;
        }
    }

    /// <summary>The <c>_bulk</c> action line that indexes document <paramref name="id"/> into <paramref name="name"/>.</summary>
    public static string IndexAction(OpenSearchIndexName name, string id) =>
        new JsonObject { ["index"] = new JsonObject { ["_index"] = name.Value, ["_id"] = id } }.ToJsonString(OpenSearchJson.Compact);

    /// <summary>The <c>_bulk</c> action line that deletes document <paramref name="id"/> from <paramref name="name"/>.</summary>
    public static string DeleteAction(OpenSearchIndexName name, string id) =>
        new JsonObject { ["delete"] = new JsonObject { ["_index"] = name.Value, ["_id"] = id } }.ToJsonString(OpenSearchJson.Compact);

    /// <summary>Writes both files for <paramref name="store"/> into <paramref name="folder"/> (created when missing).</summary>
    public static OpenSearchExportSummary WriteFiles(IndexStore store, string folder, OpenSearchIndexName name)
    {
        ArgumentNullException.ThrowIfNull(store);
        Directory.CreateDirectory(folder);
        var bodyPath = Path.Combine(folder, name.Value + ".index.json");
        var bulkPath = Path.Combine(folder, name.Value + ".bulk.ndjson");
        WriteAtomically(bodyPath, writer => writer.Write(OpenSearchSettings.ToJson(OpenSearchSettings.Build(store.Analysis)) + "\n"));
        var documents = 0;
        var submissions = new HashSet<string>(StringComparer.Ordinal);
        WriteAtomically(bulkPath, writer =>
        {
            foreach (var document in Documents(store))
            {
                writer.Write(IndexAction(name, document.Id));
                writer.Write('\n');
                writer.Write(document.SourceJson);
                writer.Write('\n');
                documents++;
                submissions.Add(document.Source["submission"]!.GetValue<string>());
            }
        });
        return new OpenSearchExportSummary(bodyPath, bulkPath, submissions.Count, documents, new FileInfo(bulkPath).Length);
    }

    /// <summary>Writes text through <see cref="WriteAtomically(string, Action{Stream})"/>, UTF-8 without BOM, LF line ends.</summary>
    internal static void WriteAtomically(string path, Action<TextWriter> write) =>
        WriteAtomically(path, (Stream stream) =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true) { NewLine = "\n" };
            write(writer);
        });

    /// <summary>Writes through a temporary file in the same folder, flushed to disk, then moved over <paramref name="path"/>.</summary>
    internal static void WriteAtomically(string path, Action<Stream> write)
    {
        var temporary = path + "." + Environment.ProcessId + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}
