using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ingest.Index.Analysis;
using Ingest.Index.Export.OpenSearch;
using Ingest.Index.Store;
using Ingest.Japanese;

namespace Ingest.Index.Tests.Export;

/// <summary>The files of <c>ingest export opensearch --out</c>: settings that mirror our analysis, one document per sheet, stable ids.</summary>
public sealed class OpenSearchExportTests : IDisposable
{
    private static readonly OpenSearchIndexName Name = OpenSearchIndexName.Parse("ward");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ingest-export-" + Guid.NewGuid().ToString("N"));

    private IndexStore OpenFilled()
    {
        var store = IndexStore.Open(Path.Combine(_directory, "index"));
        using var updater = store.OpenUpdater();
        foreach (var record in TestRecords.All)
            updater.Replace(record.Source.Path, record.Source.Sha256, [record]);
        updater.Commit();
        return store;
    }

    private static JsonObject Analysis(JsonObject body) => body["settings"]!["analysis"]!.AsObject();

    [Fact]
    public void SettingsAreTheConformanceHarnessCopy()
    {
        // tests/conformance/make-exported-goldens.sh keeps the exported body and builds Kuromoji's goldens from it; if
        // the dictionary, synonyms or folding change, this fails until that script is run again.
        var committed = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "conformance", "ingest.index.json")));
        var current = OpenSearchSettings.Build(IndexAnalysis.Default);
        Assert.True(JsonNode.DeepEquals(committed, current), "the export's settings changed: run tests/conformance/make-exported-goldens.sh and commit its output");
    }

    [Fact]
    public void TheTokenizerIsKuromojiInSearchModeWithOurDictionary()
    {
        var tokenizer = Analysis(OpenSearchSettings.Build(IndexAnalysis.Default))["tokenizer"]![OpenSearchSettings.Tokenizer]!;
        Assert.Equal("kuromoji_tokenizer", tokenizer["type"]!.GetValue<string>());
        Assert.Equal("search", tokenizer["mode"]!.GetValue<string>());
        Assert.True(tokenizer["discard_compound_token"]!.GetValue<bool>());
        var rules = tokenizer["user_dictionary_rules"]!.AsArray().Select(rule => rule!.GetValue<string>()).ToList();
        Assert.Equal(UserDictionary.DomainRules(), rules);
        Assert.Equal(UserDictionary.Domain.Count, rules.Count);
    }

    [Fact]
    public void TheFilterChainFollowsOursInOrder()
    {
        var analysis = Analysis(OpenSearchSettings.Build(IndexAnalysis.Default));
        string[] Filters(string analyzer) => analysis["analyzer"]![analyzer]!["filter"]!.AsArray().Select(filter => filter!.GetValue<string>()).ToArray();
        Assert.Equal(["ingest_length", "lowercase", "ingest_synonyms", "flatten_graph", "kuromoji_baseform", "ingest_stoptags"], Filters(OpenSearchSettings.IndexAnalyzer));
        Assert.Equal(["ingest_length", "lowercase", "ingest_synonyms", "kuromoji_baseform", "ingest_stoptags"], Filters(OpenSearchSettings.SearchAnalyzer));
        var synonyms = analysis["filter"]!["ingest_synonyms"]!["synonyms"]!.AsArray().Select(rule => rule!.GetValue<string>()).ToList();
        Assert.Equal(SynonymCatalogue.Default.Groups.Count, synonyms.Count);
        Assert.Contains("地方公共団体情報システム機構, J-LIS, JLIS", synonyms);
        var stopTags = analysis["filter"]!["ingest_stoptags"]!["stoptags"]!.AsArray().Select(tag => tag!.GetValue<string>());
        Assert.Equal(JapaneseAnalyzer.DefaultStopTags, stopTags);
    }

    [Theory]
    [InlineData("ＬＧＷＡＮ回線と經理の氣配、ｶﾞｲﾄﾞﾗｲﾝ（第１条）")]
    [InlineData("⾦額は１２３円、㈱と㍻、ﾊﾟｽﾜｰﾄﾞの變更")]
    [InlineData("住基ﾈｯﾄﾜｰｸ　と　Ｊ－ＬＩＳ")]
    public void TheMappingCharFilterFoldsAsOurFolderDoes(string text)
    {
        var rules = Analysis(OpenSearchSettings.Build(IndexAnalysis.Default))["char_filter"]![OpenSearchSettings.FoldingCharFilter]!["mappings"]!
            .AsArray().Select(rule => rule!.GetValue<string>());
        var mapped = ApplyMappings(rules, text);
        Assert.Equal(AnalysisDefaults.Folder.Fold(text).Text, mapped);
        Assert.NotEqual(text, mapped);
    }

    /// <summary>What a mapping char filter does: at each position the longest rule that matches is replaced, else the character is kept.</summary>
    private static string ApplyMappings(IEnumerable<string> rules, string text)
    {
        var map = rules.Select(rule => rule.Split(" => ")).ToDictionary(parts => Unescape(parts[0]), parts => Unescape(parts[1]), StringComparer.Ordinal);
        var longest = map.Keys.Max(key => key.Length);
        var result = new StringBuilder();
        for (var i = 0; i < text.Length;)
        {
            var matched = false;
            for (var length = Math.Min(longest, text.Length - i); length > 0 && !matched; length--)
            {
                if (map.TryGetValue(text.Substring(i, length), out var replacement))
                {
                    result.Append(replacement);
                    i += length;
                    matched = true;
                }
            }
            if (!matched)
                result.Append(text[i++]);
        }
        return result.ToString();
    }

    private static string Unescape(string escaped)
    {
        var result = new StringBuilder();
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] == '\\' && i + 5 < escaped.Length + 0 && escaped[i + 1] == 'u')
            {
                result.Append((char)int.Parse(escaped.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 5;
            }
            else
                result.Append(escaped[i]);
        }
        return result.ToString();
    }

    [Fact]
    public void MappingRulesEscapeEverySyntaxCharacter()
    {
        Assert.Equal("\\u003D\\u003E", FoldingMappingRules.Escape("=>"));
        Assert.Equal("a\\u0020b", FoldingMappingRules.Escape("a b"));
        Assert.Equal("經", FoldingMappingRules.Escape("經"));
    }

    [Fact]
    public void OneDocumentPerSheetWithStableIdsAndTheRecordOnTheFirst()
    {
        using var store = OpenFilled();
        var documents = OpenSearchExport.Documents(store).ToList();
        Assert.Equal(TestRecords.All.Sum(record => Math.Max(1, record.Sheets.Count)), documents.Count);
        Assert.Equal(documents.Count, documents.Select(document => document.Id).Distinct().Count());

        var alpha = documents.Where(document => document.Source["sha256"]!.GetValue<string>() == TestRecords.Alpha.Source.Sha256).ToList();
        Assert.Equal(TestRecords.Alpha.Sheets.Count, alpha.Count);
        var first = alpha[0];
        Assert.Equal($"{TestRecords.Alpha.Source.Sha256}-0-0", first.Id);
        Assert.Equal(2020, first.Source["fiscal_year"]!.GetValue<int>());
        Assert.Equal("外部結合", first.Source["sheet_type"]!.GetValue<string>());
        Assert.Equal([TestRecords.Jlis], first.Source["partners"]!.AsArray().Select(partner => partner!.GetValue<string>()));
        Assert.Contains("地域振興部戸籍住民課", first.Source["departments"]!.AsArray().Select(department => department!.GetValue<string>()));
        Assert.Equal("LGWAN回線を利用する", first.Source["fields"]!["結合の形態"]![0]!.GetValue<string>());
        Assert.Equal(TestRecords.Alpha.Title, first.Source["record"]!["title"]!.GetValue<string>());
        Assert.All(documents.Where(document => document.Source["sheet"]!.GetValue<int>() > 0), document => Assert.Null(document.Source["record"]));

        // A record with no year exports no year rather than a made-up one.
        var foxtrot = documents.First(document => document.Source["sha256"]!.GetValue<string>() == TestRecords.Foxtrot.Source.Sha256);
        Assert.Null(foxtrot.Source["fiscal_year"]);
    }

    [Fact]
    public void ExportingTwiceWritesTheSameBytes()
    {
        using var store = OpenFilled();
        var first = OpenSearchExport.WriteFiles(store, Path.Combine(_directory, "a"), Name);
        var second = OpenSearchExport.WriteFiles(store, Path.Combine(_directory, "b"), Name);
        Assert.Equal(File.ReadAllBytes(first.BulkPath), File.ReadAllBytes(second.BulkPath));
        Assert.Equal(File.ReadAllBytes(first.IndexBodyPath), File.ReadAllBytes(second.IndexBodyPath));
        Assert.Equal(TestRecords.All.Count, first.Submissions);

        var lines = File.ReadAllLines(first.BulkPath);
        Assert.Equal(first.Documents * 2, lines.Length);
        var action = JsonNode.Parse(lines[0])!["index"]!;
        Assert.Equal("ward", action["_index"]!.GetValue<string>());
        Assert.StartsWith(JsonNode.Parse(lines[1])!["sha256"]!.GetValue<string>() + "-", action["_id"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameContentUnderAnotherPathKeepsItsIds()
    {
        var moved = TestRecords.Alpha with { Source = TestRecords.Alpha.Source with { Path = "/elsewhere/alpha-copy.txt" } };
        Assert.Equal(OpenSearchDocument.For(TestRecords.Alpha).Select(document => document.Id), OpenSearchDocument.For(moved).Select(document => document.Id));
    }

    [Fact]
    public void TheFilesOfOneSubmissionShareTheRenditionKeyToCollapseOn()
    {
        // The PDF published from a Word original is another file of the same submission: its own documents, one rendition.
        var word = TestRecords.Alpha with { Source = TestRecords.Alpha.Source with { Format = "docx" } };
        var pdf = TestRecords.Alpha with { Source = TestRecords.Alpha.Source with { Path = "/archive/alpha.pdf", Sha256 = new string('e', 64), Format = "pdf" } };
        static string Value(OpenSearchDocument document, string key) => document.Source[key]!.GetValue<string>();
        var fromWord = OpenSearchDocument.For(word).First();
        var fromPdf = OpenSearchDocument.For(pdf).First();
        Assert.NotEqual(Value(fromWord, "submission"), Value(fromPdf, "submission"));
        Assert.Equal(Value(fromWord, "rendition"), Value(fromPdf, "rendition"));
        var later = TestRecords.Alpha with { FiscalYear = (TestRecords.Alpha.FiscalYear ?? 2020) + 1 };
        Assert.NotEqual(Value(fromWord, "rendition"), Value(OpenSearchDocument.For(later).First(), "rendition"));
    }

    [Theory]
    [InlineData("Ward")]
    [InlineData("_ward")]
    [InlineData("ward*")]
    [InlineData("ward name")]
    [InlineData("")]
    public void BadIndexNamesAreRefusedWithTheRule(string name)
    {
        var error = Assert.Throws<FormatException>(() => OpenSearchIndexName.Parse(name));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }
}
