using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ingest.Index.Export.OpenSearch;

/// <summary>Serializer options of the export: Japanese written as is (readable files, smaller bodies), HTML-unsafe characters too (never shown in a page).</summary>
internal static class OpenSearchJson
{
    public static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonSerializerOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };
}
