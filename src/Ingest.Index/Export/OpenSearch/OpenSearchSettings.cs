using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ingest.Index.Analysis;
using Ingest.Japanese;

namespace Ingest.Index.Export.OpenSearch;

/// <summary>
/// The body of <c>PUT /NAME</c>: analysis settings that reproduce our chain with the <c>analysis-kuromoji</c> plugin's
/// own components, and mappings for what we search and filter on. Our chain, in order, and its counterpart here:
/// folding char filter → <c>mapping</c> char filter (<see cref="FoldingMappingRules"/>); Japanese tokenizer in search
/// mode with the domain dictionary, compounds discarded → <c>kuromoji_tokenizer</c> (<c>user_dictionary_rules</c>,
/// <c>discard_compound_token</c>); length 1–255 → <c>length</c>; lower case → <c>lowercase</c>; synonyms →
/// <c>synonym_graph</c> (then <c>flatten_graph</c> at index time, as a graph cannot be indexed); base form →
/// <c>kuromoji_baseform</c>; part-of-speech stop tags → <c>kuromoji_part_of_speech</c> with our tags. What OpenSearch
/// cannot do alike is listed in the README (OpenSearch export).
/// </summary>
public static class OpenSearchSettings
{
    public const string IndexAnalyzer = "ingest_ja";
    public const string SearchAnalyzer = "ingest_ja_search";
    public const string Tokenizer = "ingest_kuromoji";
    public const string FoldingCharFilter = "ingest_folding";

    /// <summary>Key in the mapping's <c>_meta</c> holding <see cref="Fingerprint"/>, how a sync recognises an index it created.</summary>
    public const string FingerprintKey = "ingest_settings_sha256";

    private static readonly Lazy<FoldingMappingRules> s_defaultFolding = new(() => FoldingMappingRules.From(AnalysisDefaults.Folder));

    /// <summary>Builds the body for <paramref name="analysis"/> (the index's own: its synonyms may be installed per index).</summary>
    public static JsonObject Build(IndexAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var folding = ReferenceEquals(analysis.Folder, AnalysisDefaults.Folder) ? s_defaultFolding.Value : FoldingMappingRules.From(analysis.Folder);
        var settings = new JsonObject
        {
            ["analysis"] = new JsonObject
            {
                ["char_filter"] = new JsonObject
                {
                    [FoldingCharFilter] = new JsonObject { ["type"] = "mapping", ["mappings"] = Array(folding.Rules) },
                },
                ["tokenizer"] = new JsonObject
                {
                    [Tokenizer] = new JsonObject
                    {
                        ["type"] = "kuromoji_tokenizer",
                        ["mode"] = "search",
                        ["discard_punctuation"] = true,
                        ["discard_compound_token"] = true,
                        ["user_dictionary_rules"] = Array(UserDictionary.DomainRules()),
                    },
                },
                ["filter"] = new JsonObject
                {
                    ["ingest_length"] = new JsonObject { ["type"] = "length", ["min"] = 1, ["max"] = IngestAnalyzer.MaxTokenChars },
                    ["ingest_synonyms"] = new JsonObject { ["type"] = "synonym_graph", ["synonyms"] = Array(SynonymRules(analysis.Synonyms)) },
                    ["ingest_stoptags"] = new JsonObject { ["type"] = "kuromoji_part_of_speech", ["stoptags"] = Array(JapaneseAnalyzer.DefaultStopTags) },
                },
                ["analyzer"] = new JsonObject
                {
                    [IndexAnalyzer] = Analyzer("ingest_length", "lowercase", "ingest_synonyms", "flatten_graph", "kuromoji_baseform", "ingest_stoptags"),
                    [SearchAnalyzer] = Analyzer("ingest_length", "lowercase", "ingest_synonyms", "kuromoji_baseform", "ingest_stoptags"),
                },
            },
        };
        var body = new JsonObject { ["settings"] = settings, ["mappings"] = Mappings() };
        body["mappings"]!["_meta"] = new JsonObject { [FingerprintKey] = Fingerprint(body) };
        return body;
    }

    /// <summary>SHA-256 (hex) of the body without its <c>_meta</c>: equal settings and mappings give equal fingerprints.</summary>
    public static string Fingerprint(JsonObject body)
    {
        var copy = (JsonObject)body.DeepClone();
        (copy["mappings"] as JsonObject)?.Remove("_meta");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(copy.ToJsonString())));
    }

    /// <summary>Solr-format lines, one per group, all names equivalent (commas in names escaped).</summary>
    internal static IEnumerable<string> SynonymRules(SynonymCatalogue synonyms) =>
        synonyms.Groups.Select(group => string.Join(", ", group.Names.Select(name => name.Replace("\\", "\\\\").Replace(",", "\\,"))));

    private static JsonObject Analyzer(params string[] filters) => new()
    {
        ["type"] = "custom",
        ["char_filter"] = Array([FoldingCharFilter]),
        ["tokenizer"] = Tokenizer,
        ["filter"] = Array(filters),
    };

    private static JsonObject Mappings()
    {
        JsonObject Text() => new()
        {
            ["type"] = "text",
            ["analyzer"] = IndexAnalyzer,
            ["search_analyzer"] = SearchAnalyzer,
            ["position_increment_gap"] = IngestAnalyzer.ValueGap,
        };
        JsonObject Of(string type) => new() { ["type"] = type };
        return new JsonObject
        {
            ["dynamic"] = "strict",
            ["dynamic_templates"] = new JsonArray(new JsonObject
            {
                ["field_texts"] = new JsonObject { ["path_match"] = OpenSearchDocument.FieldsObject + ".*", ["match_mapping_type"] = "string", ["mapping"] = Text() },
            }),
            ["properties"] = new JsonObject
            {
                ["submission"] = Of("keyword"),
                ["rendition"] = Of("keyword"),
                ["sha256"] = Of("keyword"),
                ["ordinal"] = Of("integer"),
                ["sheet"] = Of("integer"),
                ["path"] = Of("keyword"),
                ["file_name"] = Of("keyword"),
                ["fiscal_year"] = Of("integer"),
                ["sheet_type"] = Of("keyword"),
                ["partners"] = Of("keyword"),
                ["departments"] = Of("keyword"),
                ["title"] = Text(),
                ["all"] = Text(),
                [OpenSearchDocument.FieldsObject] = new JsonObject { ["type"] = "object", ["dynamic"] = true },
                ["record"] = new JsonObject { ["type"] = "object", ["enabled"] = false },
            },
        };
    }

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(value => (JsonNode)JsonValue.Create(value)!).ToArray());

    /// <summary>The body as written to <c>NAME.index.json</c> (indented, UTF-8, Japanese unescaped).</summary>
    public static string ToJson(JsonObject body) => body.ToJsonString(OpenSearchJson.Indented);
}
