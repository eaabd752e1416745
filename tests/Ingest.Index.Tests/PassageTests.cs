using Ingest.Core.Records;
using Ingest.Index.Analysis;
using Ingest.Index.Search;

namespace Ingest.Index.Tests;

/// <summary>Passages that explain a hit: they cover the query's terms, name their field and terms, and never cut a highlighted word.</summary>
public sealed class PassageTests(OneFileEachFixture index) : IClassFixture<OneFileEachFixture>
{
    [Fact]
    public void A_hit_for_JLIS_and_encryption_shows_the_encryption_passage_beside_the_partner()
    {
        var result = index.Store.Search(new SearchRequest { Query = "J-LIS 暗号化" });
        var packet = Assert.Single(result.Submissions, hit => hit.Record.Title!.StartsWith("住民基本台帳ネットワークシステム", StringComparison.Ordinal));
        var passages = packet.Sheets.SelectMany(sheet => sheet.Passages).ToList();
        Assert.Contains(passages, passage => passage.Terms.Contains("暗号化") && passage.Snippet.ToMarked("[", "]").Contains("[暗号化]", StringComparison.Ordinal));
        Assert.Contains(passages, passage => passage.Terms.Contains("J-LIS"));
    }

    [Fact]
    public void Every_hit_shows_each_query_term_its_sheet_matched_and_each_passage_names_what_it_shows()
    {
        foreach (var query in new[] { "J-LIS 暗号化", "LGWAN 専用回線", "委託 個人番号" })
        {
            var terms = query.Split(' ');
            foreach (var sheet in index.Store.Search(new SearchRequest { Query = query, Limit = 100 }).Submissions.SelectMany(hit => hit.Sheets))
            {
                Assert.NotEmpty(sheet.Passages);
                Assert.True(sheet.Passages.Count <= SnippetBuilder.MaxPassages);
                Assert.Equal(sheet.Field, sheet.Passages[0].Label);
                // Every term is shown by some passage, unless the sheet matched it only through text outside any window.
                var shown = sheet.Passages.SelectMany(passage => passage.Terms).ToHashSet();
                Assert.Subset(terms.ToHashSet(), shown);
                foreach (var passage in sheet.Passages)
                {
                    Assert.NotEmpty(passage.Terms);
                    Assert.Contains(passage.Label, sheet.MatchedFields);
                }
            }
        }
    }

    [Fact]
    public void A_highlight_at_the_window_edge_is_widened_into_not_cut()
    {
        var analysis = IndexAnalysis.Default;
        // The second name starts just before the 160-character window would end after the first match.
        var filler = string.Concat(Enumerable.Repeat("区は情報を保護する。", 20));
        var text = filler[..60] + "暗号化" + filler[..(SnippetBuilder.MaxSnippetChars - SnippetBuilder.ContextBefore - 3 - 6)] + "地方公共団体情報システム機構" + "へ送る。";
        var record = new SubmissionRecord
        {
            Source = new SourceInfo { Path = "edge.txt", Sha256 = new string('e', 64), Format = "text" },
            Sheets = [new SheetRecord { Type = "外部結合", Fields = new Dictionary<string, string> { ["情報保護対策"] = text } }],
        };
        using var lease = index.Store.AcquireSearcher()!;
        var clauses = new IndexSearch(lease.Searcher, analysis).Compile("暗号化 J-LIS");
        var found = new SnippetBuilder(analysis).Build(record, 0, clauses, null, analysis.ForAliases(new Dictionary<string, SynonymGroup>()));
        var marked = found.Passages.Select(passage => passage.Snippet).SelectMany(snippet => snippet.Highlights.Select(h => snippet.Text.Substring(h.Start, h.Length))).ToList();
        Assert.Contains("暗号化", marked);
        Assert.Contains("地方公共団体情報システム機構", marked);
        Assert.All(marked, word => Assert.Contains(word, new[] { "暗号化", "地方公共団体情報システム機構" }));
    }
}
