using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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
        // The record types' contracts are generated at build time, so the first record read or written in a process costs
        // no reflection over them (a tenth of a second of every show, search and report); other types still go by reflection.
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(RecordJsonContext.Default, new DefaultJsonTypeInfoResolver());
        options.MakeReadOnly();
        return options;
    }

    public static string Serialize<T>(T value, bool indented = true) =>
        JsonSerializer.Serialize(value, indented ? Options : Compact);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);
}

/// <summary>
/// The record contract's types, compiled into serialisation metadata by the System.Text.Json source generator. Naming and
/// enum spelling still come from <see cref="RecordJson"/>'s options, which this context serves.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(SubmissionRecord))]
[JsonSerializable(typeof(IReadOnlyList<SubmissionRecord>))]
[JsonSerializable(typeof(List<SubmissionRecord>))]
[JsonSerializable(typeof(SubmissionRecord[]))]
internal sealed partial class RecordJsonContext : JsonSerializerContext;
