using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using static Ingest.Japanese.Tests.TokenRendering;

namespace Ingest.Japanese.Tests;

/// <summary>Each filter alone, then the analyzer chain; chain expectations printed by Lucene 4.10.4's JapaneseAnalyzer.</summary>
public sealed class FilterAndAnalyzerTests
{
    private static JapaneseTokenizer Normal(string text) => new(new StringReader(text), mode: JapaneseTokenizerMode.Normal);

    [Fact]
    public void BaseFormFilterReplacesInflectedTerms() =>
        Assert.Equal("本|0|1|1|1 を|1|2|1|1 読む|2|4|1|1 だ|4|5|1|1", Render(new JapaneseBaseFormFilter(Normal("本を読んだ"))));

    [Fact]
    public void BaseFormFilterLeavesKeywordsAlone()
    {
        var keywords = new CharArraySet(LuceneVersion.LUCENE_48, ["読ん"], ignoreCase: false);
        var stream = new JapaneseBaseFormFilter(new SetKeywordMarkerFilter(Normal("本を読んだ"), keywords));
        Assert.Equal("本|0|1|1|1 を|1|2|1|1 読ん|2|4|1|1 だ|4|5|1|1", Render(stream));
    }

    [Fact]
    public void PartOfSpeechStopFilterRemovesTaggedTokensLeavingGaps()
    {
        var tags = new HashSet<string>(["助詞-格助詞-一般", "助動詞"]);
        var stream = new JapanesePartOfSpeechStopFilter(LuceneVersion.LUCENE_48, Normal("本を読んだ"), tags);
        Assert.Equal("本|0|1|1|1 読ん|2|4|2|1", Render(stream));
    }

    [Fact]
    public void DefaultStopTagsAndWordsAreKuromojis()
    {
        Assert.Contains("助詞-格助詞-一般", JapaneseAnalyzer.DefaultStopTags);
        Assert.Contains("記号-句点", JapaneseAnalyzer.DefaultStopTags);
        Assert.DoesNotContain("名詞-一般", JapaneseAnalyzer.DefaultStopTags);
        Assert.Contains("これ", JapaneseAnalyzer.DefaultStopWords);
        Assert.All(JapaneseAnalyzer.DefaultStopWords, w => Assert.False(w.StartsWith('#')));
    }

    [Theory]
    [InlineData("サーバー", "サーバ")]
    [InlineData("コピー", "コピー")]     // shorter than 4: kept
    [InlineData("ユーザー", "ユーザ")]
    [InlineData("サーバーー", "サーバー")] // only one mark is removed
    [InlineData("ｻｰﾊﾞｰ", "ｻｰﾊﾞｰ")]     // half-width is not in the Katakana block
    [InlineData("データ", "データ")]
    public void KatakanaStemFilterDropsOneFinalProlongedSoundMark(string term, string expected)
    {
        var stream = new JapaneseKatakanaStemFilter(new KeywordTokenizer(new StringReader(term)));
        Assert.StartsWith(expected + "|", Render(stream));
    }

    [Fact]
    public void KatakanaStemFilterHonoursItsMinimumLength()
    {
        var stream = new JapaneseKatakanaStemFilter(new KeywordTokenizer(new StringReader("コピー")), minimumLength: 3);
        Assert.StartsWith("コピ|", Render(stream));
    }

    [Theory]
    [InlineData("関西国際空港に行った。", "関西|0|2|1|1 関西国際空港|0|6|0|3 国際|2|4|1|1 空港|4|6|1|1 行く|7|9|2|1")]
    [InlineData("東京都に住んでいます。関西国際空港", "東京|0|2|1|1 都|2|3|1|1 住む|4|6|2|1 関西|11|13|4|1 関西国際空港|11|17|0|3 国際|13|15|1|1 空港|15|17|1|1")]
    [InlineData("サーバーのコピーを作成しました", "サーバ|0|4|1|1 コピー|5|8|2|1 作成|9|11|2|1")]
    [InlineData("ＬＧＷＡＮ回線とＪ－ＬＩＳの住基ネット", "lgwan|0|5|1|1 回線|5|7|1|1 j|8|9|2|1 lis|10|13|1|1 住|14|15|2|1 基|15|16|1|1 ネット|16|19|1|1")]
    [InlineData("Hello World 2024", "hello|0|5|1|1 world|6|11|1|1 2024|12|16|1|1")]
    public void AnalyzerEqualsKuromojisJapaneseAnalyzer(string text, string expected)
    {
        using var analyzer = new JapaneseAnalyzer();
        Assert.Equal(expected, Render(analyzer.GetTokenStream("f", new StringReader(text))));
        // Reused components give the same answer.
        Assert.Equal(expected, Render(analyzer.GetTokenStream("f", new StringReader(text))));
    }

    [Fact]
    public void BuildDefaultChainMatchesTheAnalyzer()
    {
        const string text = "東京都に住んでいます。関西国際空港";
        using var analyzer = new JapaneseAnalyzer();
        var expected = Render(analyzer.GetTokenStream("f", new StringReader(text)));
        var chain = JapaneseAnalyzer.BuildDefaultChain(new JapaneseTokenizer(new StringReader(text)), LuceneVersion.LUCENE_48);
        Assert.Equal(expected, Render(chain));
    }

    [Fact]
    public void ProductChainUsesTheDomainDictionaryAndCanDropCompounds()
    {
        using var analyzer = new JapaneseAnalyzer(new JapaneseAnalyzerOptions { UserDictionary = UserDictionary.Domain, DiscardCompoundToken = true });
        Assert.Equal("令和|0|2|1|1 六|2|3|1|1 年度|3|5|1|1 関西|5|7|1|1 国際|7|9|1|1 空港|9|11|1|1",
            Render(analyzer.GetTokenStream("f", new StringReader("令和六年度関西国際空港"))));
    }

    [Fact]
    public void FullWidthFoldingBeforeTheTokenizerKeepsOriginalOffsets()
    {
        // Without folding, IPADIC has １０月 as one word (ジュウガツ), width-folded after the tokenizer to 10月, while
        // ASCII 10月 is 10 + 月; folded before the tokenizer both give 10 + 月.
        using var plain = new JapaneseAnalyzer();
        Assert.Equal("10月|0|3|1|1", Render(plain.GetTokenStream("f", new StringReader("１０月"))));
        using var folded = new JapaneseAnalyzer(new JapaneseAnalyzerOptions { FoldFullWidthBeforeTokenizer = true });
        Assert.Equal(Render(folded.GetTokenStream("f", new StringReader("10月"))), Render(folded.GetTokenStream("f", new StringReader("１０月"))));
        Assert.Equal("10|0|2|1|1 月|2|3|1|1", Render(folded.GetTokenStream("f", new StringReader("１０月"))));
    }

    [Fact]
    public void CustomStopWordsReplaceTheDefaults()
    {
        using var analyzer = new JapaneseAnalyzer(new JapaneseAnalyzerOptions { StopWords = ["空港"], StopTags = [] });
        Assert.Equal("関西|0|2|1|1 関西国際空港|0|6|0|3 国際|2|4|1|1 に|6|7|2|1",
            Render(analyzer.GetTokenStream("f", new StringReader("関西国際空港に"))));
    }

    [Fact]
    public void SynonymFiltersSeeNoStackedCompoundWhenDiscarded()
    {
        // Stacked compound tokens (position increment 0) are what trips synonym filters; with discarding there are none.
        const string text = "関西国際空港と東京国際空港と地方公共団体情報システム機構";
        using var stacking = new JapaneseAnalyzer();
        Assert.Contains("0", Increments(stacking));
        using var discarding = new JapaneseAnalyzer(new JapaneseAnalyzerOptions { DiscardCompoundToken = true });
        var increments = Increments(discarding);
        Assert.NotEmpty(increments);
        Assert.DoesNotContain("0", increments);

        string[] Increments(JapaneseAnalyzer analyzer) =>
            Render(analyzer.GetTokenStream("f", new StringReader(text))).Split(' ').Select(token => token.Split('|')[3]).ToArray();
    }
}
