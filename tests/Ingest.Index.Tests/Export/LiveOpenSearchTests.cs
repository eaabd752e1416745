using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Ingest.Index.Analysis;
using Ingest.Index.Export.OpenSearch;
using Ingest.Index.Store;

namespace Ingest.Index.Tests.Export;

/// <summary>
/// Against a real cluster with the analysis-kuromoji plugin, when <c>INGEST_OPENSEARCH_URL</c> names one (credentials, if
/// any, from <c>INGEST_OPENSEARCH_USERNAME</c>/<c>_PASSWORD</c> or <c>_API_KEY</c>); skipped otherwise. Creates an index of
/// its own (a fresh name each run), syncs the test records, checks that the cluster's analyzer gives our terms and that
/// a search by another spelling of a synonym finds the record, then deletes the index.
/// </summary>
public sealed class LiveOpenSearchTests
{
    private static readonly string? Url = Environment.GetEnvironmentVariable(OpenSearchClient.UrlVariable);

    private const string WhyNot = $"{OpenSearchClient.UrlVariable} is not set: no OpenSearch cluster to test against (README, OpenSearch export, says how to run one)";

    [SkippableFact]
    public async Task AClusterAnalysesAndFindsAsWeDo()
    {
        Skip.If(string.IsNullOrEmpty(Url), WhyNot);
        var cluster = new Uri(Url!.EndsWith('/') ? Url : Url + "/");
        var name = OpenSearchIndexName.Parse("ingest-live-test-" + Guid.NewGuid().ToString("N")[..12]);
        var directory = Path.Combine(Path.GetTempPath(), "ingest-live-" + Guid.NewGuid().ToString("N"));
        using var http = OpenSearchClient.Create(Environment.GetEnvironmentVariable);
        try
        {
            using (var store = IndexStore.Open(directory))
            {
                using (var updater = store.OpenUpdater())
                {
                    foreach (var record in TestRecords.All)
                        updater.Replace(record.Source.Path, record.Source.Sha256, [record]);
                    updater.Commit();
                }
                var summary = await new OpenSearchSync(http, cluster, name).RunAsync(store);
                Assert.True(summary.Created);
                Assert.Empty(summary.Failures);
                var again = await new OpenSearchSync(http, cluster, name).RunAsync(store);
                Assert.Equal(0, again.Indexed);
            }

            // Texts without synonym names: the same terms, in the same order (synonyms are expanded there, collapsed here).
            foreach (var text in new[] { "送受信する情報は、暗号化により特定相手以外の解読を防ぐ。", "令和６年度の個人情報取扱事務", "ｶﾞｲﾄﾞﾗｲﾝの變更について" })
            {
                var ours = IndexAnalysis.Default.Tokenize(text).Select(token => token.Term).ToList();
                var theirs = await AnalyzeAsync(http, cluster, name, text);
                Assert.Equal(ours, theirs);
            }

            await PostAsync(http, new Uri(cluster, name.Value + "/_refresh"), "");
            var hits = await PostAsync(http, new Uri(cluster, name.Value + "/_search"),
                """{"query":{"match":{"all":"JLIS"}},"size":50,"_source":["sha256"]}""");
            var found = hits["hits"]!["hits"]!.AsArray().Select(hit => hit!["_source"]!["sha256"]!.GetValue<string>()).ToHashSet();
            Assert.Contains(TestRecords.Alpha.Source.Sha256, found); // written J-LIS
            Assert.DoesNotContain(TestRecords.Bravo.Source.Sha256, found);
        }
        finally
        {
            using var delete = await http.DeleteAsync(new Uri(cluster, name.Value));
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<List<string>> AnalyzeAsync(HttpClient http, Uri cluster, OpenSearchIndexName name, string text)
    {
        var body = new JsonObject { ["analyzer"] = OpenSearchSettings.IndexAnalyzer, ["text"] = text }.ToJsonString();
        var answer = await PostAsync(http, new Uri(cluster, name.Value + "/_analyze"), body);
        return answer["tokens"]!.AsArray().Select(token => token!["token"]!.GetValue<string>()).ToList();
    }

    private static async Task<JsonNode> PostAsync(HttpClient http, Uri address, string json)
    {
        using var response = await http.PostAsync(address, new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address}: HTTP {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
