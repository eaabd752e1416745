using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Ingest.Core.Records;

/// <summary>The one JSON shape of records: camelCase keys, enums as lower-case words, dates as YYYY-MM-DD, Japanese unescaped.</summary>
public static class RecordJson
{
    /// <summary>Options for the record contract; shared and read-only.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    /// <summary>The same, on one line (for JSON Lines and stored records).</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize<T>(T value, bool indented = true) =>
        JsonSerializer.Serialize(value, indented ? Options : Compact);

    private static int _tmpCount;
    public static T? Deserialize<T>(string json)
    {
        if (_tmpCount == 0) Ingest.Core.Diagnostics.StartupTrace.Mark("TMP first deserialize start");
        var v = JsonSerializer.Deserialize<T>(json, Options);
        if (_tmpCount++ is 0 or 1 or 100 or 998) Ingest.Core.Diagnostics.StartupTrace.Mark("TMP deserialized " + _tmpCount);
        return v;
    }
}
