using Ingest.Index.Search;

namespace Ingest.Index.Tests;

/// <summary>Each query operator on the seeds and corpus documents (one file each), checked against the plain searches it combines.</summary>
public sealed class OperatorTests(OneFileEachFixture index) : IClassFixture<OneFileEachFixture>
{
    private SearchResult Search(string query) => index.Store.Search(new SearchRequest { Query = query, Limit = SearchRequest.MaxLimit });

    private HashSet<string> Files(string query) =>
        Search(query).Submissions.Select(hit => $"{Path.GetFileName(hit.Record.Source.Path)}#{hit.Record.Ordinal}").ToHashSet();

    private HashSet<string> Everything => Files("");

    [Fact]
    public void Minus_excludes_every_submission_that_mentions_the_word()
    {
        var with = Files("機構");
        var without = Files("-機構");
        Assert.NotEmpty(with);
        Assert.NotEmpty(without);
        Assert.Empty(with.Intersect(without));
        Assert.Equal(Everything, with.Union(without).ToHashSet());
        // No returned submission mentions it anywhere, in any sheet.
        Assert.All(Search("-機構").Submissions, hit => Assert.DoesNotContain("機構", Core.Records.RecordJson.Serialize(hit.Record), StringComparison.Ordinal));
    }

    [Fact]
    public void Minus_a_phrase_excludes_the_phrase_only()
    {
        var phrase = Files("\"情報システム機構\"");
        Assert.NotEmpty(phrase);
        Assert.Equal(Everything.Except(phrase).ToHashSet(), Files("-\"情報システム機構\""));
        // A word of the phrase alone may still be in what remains (the 地方税共同機構 delegation).
        Assert.NotEmpty(Files("-\"情報システム機構\" 機構"));
    }

    [Fact]
    public void Or_and_the_bar_find_the_union()
    {
        var union = Files("機構").Union(Files("委託")).ToHashSet();
        Assert.True(union.Count > Files("機構").Count);
        Assert.Equal(union, Files("機構 OR 委託"));
        Assert.Equal(union, Files("機構 | 委託"));
    }

    [Fact]
    public void Brackets_group_and_words_are_anded()
    {
        var expected = Files("J-LIS").Intersect(Files("暗号化").Union(Files("LGWAN"))).ToHashSet();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Files("J-LIS (暗号化 OR LGWAN)"));
        Assert.Equal(Files("J-LIS").Intersect(Files("暗号化")).ToHashSet(), Files("J-LIS 暗号化"));
        Assert.Equal(expected.Except(Files("委任")).ToHashSet(), Files("J-LIS (暗号化 OR LGWAN) -委任"));
    }

    [Fact]
    public void A_prefix_finds_the_words_that_start_with_it_and_highlights_them()
    {
        var prefix = Files("暗号*");
        Assert.Superset(Files("暗号化"), prefix);
        var highlighted = Search("暗号*").Submissions.SelectMany(hit => hit.Sheets)
            .Where(sheet => sheet.Snippet is not null)
            .SelectMany(sheet => sheet.Snippet!.Highlights.Select(h => sheet.Snippet.Text.Substring(h.Start, h.Length))).ToList();
        Assert.NotEmpty(highlighted);
        Assert.All(highlighted, text => Assert.StartsWith("暗号", text, StringComparison.Ordinal));
    }

    [Fact]
    public void A_label_limits_the_word_to_that_fields_by_japanese_label_or_canonical_name()
    {
        // 戸籍住民課 is a 保有課 of some submissions and named elsewhere in others.
        var section = Files("保有課:戸籍住民課");
        Assert.NotEmpty(section);
        Assert.Subset(Files("戸籍住民課"), section);
        Assert.Equal(section, Files("section:戸籍住民課"));
        // 相手方 names the partner fields (結合の相手方 and the resolved partners), not the measures that also mention 機構.
        var partner = Files("相手方:機構");
        Assert.NotEmpty(partner);
        Assert.Subset(Files("機構"), partner);
        Assert.All(Search("相手方:機構").Submissions.SelectMany(hit => hit.Sheets), sheet => Assert.Contains("相手方", sheet.Field, StringComparison.Ordinal));
        // A label no field has finds nothing, and says so.
        var unknown = Search("存在しない項目:機構");
        Assert.Equal(0, unknown.TotalSubmissions);
        Assert.Contains("存在しない項目", unknown.Reading, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_valid_syntax_is_searched_as_words_and_the_result_says_how()
    {
        var result = Search("(機構");
        Assert.True(result.ReadAsPlainWords);
        Assert.Contains("語として検索しました", result.Reading, StringComparison.Ordinal);
        Assert.Equal(Files("機構"), Files("(機構"));
    }
}
