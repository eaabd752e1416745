using Ingest.Index.Search;

namespace Ingest.Index.Tests;

public sealed class QuerySyntaxTests
{
    [Theory]
    [InlineData("J-LIS 暗号化", "J-LIS AND 暗号化")]
    [InlineData("機構 OR 委託", "機構 OR 委託")]
    [InlineData("機構 | 委託", "機構 OR 委託")]
    [InlineData("機構｜委託", "機構 OR 委託")]
    [InlineData("-機構", "NOT 機構")]
    [InlineData("－機構 外部結合", "NOT 機構 AND 外部結合")]
    [InlineData("-\"地方公共団体 情報\"", "NOT \"地方公共団体 情報\"")]
    [InlineData("J-LIS (暗号化 OR LGWAN) -委任", "J-LIS AND (暗号化 OR LGWAN) AND NOT 委任")]
    [InlineData("（暗号化 OR 専用回線）　顔写真", "(暗号化 OR 専用回線) AND 顔写真")]
    [InlineData("暗号*", "暗号*")]
    [InlineData("保有課:戸籍住民課", "保有課:戸籍住民課")]
    [InlineData("相手方：\"情報システム機構\"", "相手方:\"情報システム機構\"")]
    [InlineData("a AND b", "a AND b")]
    [InlineData("a b OR c d", "(a AND b) OR (c AND d)")]
    public void Operators_are_read_as_in_simple_query_string(string text, string reading)
    {
        var parsed = QuerySyntax.Parse(text);
        Assert.False(parsed.ReadAsPlainWords, parsed.Problem);
        Assert.Equal(reading, QuerySyntax.Describe(parsed.Root));
    }

    [Fact]
    public void A_label_and_a_prefix_are_kept_on_the_term()
    {
        var term = Assert.IsType<TermNode>(QuerySyntax.Parse("情報保護対策:暗号*").Root);
        Assert.Equal(("情報保護対策", "暗号", true), (term.Label, term.Part.Text, term.Prefix));
    }

    [Theory]
    [InlineData("(機構", "(機構")]
    [InlineData("機構)", "機構)")]
    [InlineData("機構 OR", "機構 AND OR")]
    [InlineData("OR 機構", "OR AND 機構")]
    [InlineData("\"閉じない語句", "\"閉じない語句\"")]
    [InlineData("機構 -", "機構 AND -")]
    [InlineData("保有課:", "保有課:")]
    public void Text_that_is_not_valid_syntax_is_searched_as_plain_words_and_says_so(string text, string plain)
    {
        var parsed = QuerySyntax.Parse(text);
        Assert.True(parsed.ReadAsPlainWords);
        Assert.False(string.IsNullOrEmpty(parsed.Problem));
        Assert.Equal(plain, QuerySyntax.Describe(parsed.Root));
    }

    [Fact]
    public void A_hyphen_inside_a_word_is_part_of_it()
    {
        var term = Assert.IsType<TermNode>(QuerySyntax.Parse("J-LIS").Root);
        Assert.Equal("J-LIS", term.Part.Text);
    }

    [Fact]
    public void Too_deep_or_too_long_a_query_is_read_as_plain_words()
    {
        Assert.True(QuerySyntax.Parse(new string('(', 20) + "a" + new string(')', 20)).ReadAsPlainWords);
        Assert.True(QuerySyntax.Parse(string.Join(" OR ", Enumerable.Range(0, 40).Select(i => $"w{i}"))).ReadAsPlainWords);
    }
}
