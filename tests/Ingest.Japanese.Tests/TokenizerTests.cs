using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.TokenAttributes;
using static Ingest.Japanese.Tests.TokenRendering;

namespace Ingest.Japanese.Tests;

/// <summary>Tokens, offsets, position increments and lengths per mode; expected values printed by Lucene 4.10.4's Kuromoji.</summary>
public sealed class TokenizerTests
{
    [Theory]
    [InlineData("関西国際空港に行った。", "関西国際空港|0|6|1|1 に|6|7|1|1 行っ|7|9|1|1 た|9|10|1|1")]
    [InlineData("東京都に住んでいます。関西国際空港", "東京|0|2|1|1 都|2|3|1|1 に|3|4|1|1 住ん|4|6|1|1 で|6|7|1|1 い|7|8|1|1 ます|8|10|1|1 関西国際空港|11|17|1|1")]
    [InlineData("サーバーのコピーを作成しました", "サーバー|0|4|1|1 の|4|5|1|1 コピー|5|8|1|1 を|8|9|1|1 作成|9|11|1|1 し|11|12|1|1 まし|12|14|1|1 た|14|15|1|1")]
    [InlineData("ＬＧＷＡＮ回線とＪ－ＬＩＳの住基ネット", "ＬＧＷＡＮ|0|5|1|1 回線|5|7|1|1 と|7|8|1|1 Ｊ|8|9|1|1 ＬＩＳ|10|13|1|1 の|13|14|1|1 住|14|15|1|1 基|15|16|1|1 ネット|16|19|1|1")]
    [InlineData("Hello World 2024", "Hello|0|5|1|1 World|6|11|1|1 2024|12|16|1|1")]
    // Ｆ is an IPADIC word only when the dictionary is decoded with the JIS mapping (－ = MINUS SIGN, not in IPADIC).
    [InlineData("Ｗｉ－Ｆｉ", "Ｗｉ|0|2|1|1 Ｆ|3|4|1|1 ｉ|4|5|1|1")]
    // 令和 is not in IPADIC 2.7.0-20070801 (a distribution patch adds it; the compiler skips it).
    [InlineData("令和六年", "令|0|1|1|1 和|1|2|1|1 六|2|3|1|1 年|3|4|1|1")]
    public void NormalMode(string text, string expected) =>
        Assert.Equal(expected, Tokenize(text, JapaneseTokenizerMode.Normal));

    [Theory]
    [InlineData("関西国際空港に行った。", "関西|0|2|1|1 関西国際空港|0|6|0|3 国際|2|4|1|1 空港|4|6|1|1 に|6|7|1|1 行っ|7|9|1|1 た|9|10|1|1")]
    [InlineData("東京都に住んでいます。関西国際空港", "東京|0|2|1|1 都|2|3|1|1 に|3|4|1|1 住ん|4|6|1|1 で|6|7|1|1 い|7|8|1|1 ます|8|10|1|1 関西|11|13|1|1 関西国際空港|11|17|0|3 国際|13|15|1|1 空港|15|17|1|1")]
    // Long katakana unknown word (longer than 7) split into a dictionary word and an unknown word.
    [InlineData("シングルサインオン", "シングル|0|4|1|1 シングルサインオン|0|9|0|2 サインオン|4|9|1|1")]
    // Kanji numerals count as kanji for the long-kanji penalty.
    [InlineData("一体化", "一体|0|2|1|1 一体化|0|3|0|2 化|2|3|1|1")]
    [InlineData("トラックオートバイヘリコプタージャンボジェットアメリカ合衆国", "トラック|0|4|1|1 トラックオートバイヘリコプタージャンボジェットアメリカ|0|27|0|6 オートバイ|4|9|1|1 ヘリコプター|9|15|1|1 ジャンボ|15|19|1|1 ジェット|19|23|1|1 アメリカ|23|27|1|1 合衆国|27|30|1|1")]
    public void SearchMode(string text, string expected) =>
        Assert.Equal(expected, Tokenize(text, JapaneseTokenizerMode.Search));

    [Theory]
    [InlineData("関西国際空港に行った。", "関西|0|2|1|1 国際|2|4|1|1 空港|4|6|1|1 に|6|7|1|1 行っ|7|9|1|1 た|9|10|1|1")]
    [InlineData("ＬＧＷＡＮ回線", "Ｌ|0|1|1|1 Ｇ|1|2|1|1 Ｗ|2|3|1|1 Ａ|3|4|1|1 Ｎ|4|5|1|1 回線|5|7|1|1")]
    [InlineData("Hello 2024", "H|0|1|1|1 e|1|2|1|1 l|2|3|1|1 l|3|4|1|1 o|4|5|1|1 2|6|7|1|1 0|7|8|1|1 2|8|9|1|1 4|9|10|1|1")]
    [InlineData("あシングルサインオン", "あ|0|1|1|1 シングル|1|5|1|1 サ|5|6|1|1 イ|6|7|1|1 ン|7|8|1|1 オ|8|9|1|1 ン|9|10|1|1")]
    // Extended mode penalises the long unknown katakana run while building the lattice: dictionary words win,
    // including アメリカ合衆国, which search mode never sees (it splits the run and keeps 合衆国 apart).
    [InlineData("トラックオートバイヘリコプタージャンボジェットアメリカ合衆国", "トラック|0|4|1|1 オートバイ|4|9|1|1 ヘリコプター|9|15|1|1 ジャンボ|15|19|1|1 ジェット|19|23|1|1 アメリカ合衆国|23|30|1|1")]
    // At the end of the input the end-of-sentence context makes splitting too costly here: the unknown word stays whole.
    [InlineData("シングルサインオン", "シ|0|1|1|1 ン|1|2|1|1 グ|2|3|1|1 ル|3|4|1|1 サ|4|5|1|1 イ|5|6|1|1 ン|6|7|1|1 オ|7|8|1|1 ン|8|9|1|1")]
    [InlineData("シングルクラウド", "シ|0|1|1|1 ン|1|2|1|1 グ|2|3|1|1 ル|3|4|1|1 ク|4|5|1|1 ラ|5|6|1|1 ウ|6|7|1|1 ド|7|8|1|1")]
    public void ExtendedModeSplitsCompoundsAndUnknownWordsIntoUnigrams(string text, string expected) =>
        Assert.Equal(expected, Tokenize(text, JapaneseTokenizerMode.Extended));

    [Fact]
    public void DefaultModeIsSearch()
    {
        using var tokenizer = new JapaneseTokenizer(new StringReader("関西国際空港"));
        Assert.Equal("関西|0|2|1|1 関西国際空港|0|6|0|3 国際|2|4|1|1 空港|4|6|1|1", Render(tokenizer));
    }

    [Fact]
    public void DiscardCompoundTokenKeepsOnlyTheParts() =>
        Assert.Equal("関西|0|2|1|1 国際|2|4|1|1 空港|4|6|1|1 に|6|7|1|1",
            Tokenize("関西国際空港に", JapaneseTokenizerMode.Search, discardCompound: true));

    [Fact]
    public void PunctuationIsKeptWhenAsked() =>
        Assert.Equal("行っ|0|2|1|1 た|2|3|1|1 。|3|4|1|1 　|4|5|1|1 「|5|6|1|1 本|6|7|1|1 」|7|8|1|1",
            Tokenize("行った。　「本」", JapaneseTokenizerMode.Normal, discardPunctuation: false));

    [Fact]
    public void PunctuationIsDiscardedByDefault() =>
        Assert.Equal("行っ た 本", Terms("行った。　「本」", JapaneseTokenizerMode.Normal));

    [Fact]
    public void AttributesCarryBaseFormPartOfSpeechAndReading()
    {
        using var tokenizer = new JapaneseTokenizer(new StringReader("行った"), mode: JapaneseTokenizerMode.Normal);
        var term = tokenizer.AddAttribute<ICharTermAttribute>();
        var baseForm = tokenizer.AddAttribute<IBaseFormAttribute>();
        var partOfSpeech = tokenizer.AddAttribute<IPartOfSpeechAttribute>();
        var reading = tokenizer.AddAttribute<IReadingAttribute>();
        var inflection = tokenizer.AddAttribute<IInflectionAttribute>();
        tokenizer.Reset();
        Assert.True(tokenizer.IncrementToken());
        Assert.Equal("行っ", term.ToString());
        Assert.Equal("行く", baseForm.BaseForm);
        Assert.Equal("動詞-自立", partOfSpeech.PartOfSpeech);
        Assert.Equal("イッ", reading.Reading);
        Assert.Equal("五段・カ行促音便", inflection.InflectionType);
        Assert.Equal("連用タ接続", inflection.InflectionForm);
        Assert.True(tokenizer.IncrementToken());
        Assert.Equal("た", term.ToString());
        Assert.Null(baseForm.BaseForm); // base form equal to the surface is not repeated
        Assert.Equal("助動詞", partOfSpeech.PartOfSpeech);
        Assert.False(tokenizer.IncrementToken());
        tokenizer.End();
    }

    [Fact]
    public void UnknownWordsHaveUnknownDictionaryPartOfSpeechAndNoReading()
    {
        using var tokenizer = new JapaneseTokenizer(new StringReader("Ｗｉ"), mode: JapaneseTokenizerMode.Normal);
        var partOfSpeech = tokenizer.AddAttribute<IPartOfSpeechAttribute>();
        var reading = tokenizer.AddAttribute<IReadingAttribute>();
        tokenizer.Reset();
        Assert.True(tokenizer.IncrementToken());
        Assert.Equal("名詞-固有名詞-組織", partOfSpeech.PartOfSpeech);
        Assert.Null(reading.Reading);
    }

    [Fact]
    public void EndSetsTheFinalOffset()
    {
        using var tokenizer = new JapaneseTokenizer(new StringReader("本を読む。"));
        var offset = tokenizer.AddAttribute<IOffsetAttribute>();
        tokenizer.Reset();
        while (tokenizer.IncrementToken())
        {
        }

        tokenizer.End();
        Assert.Equal(5, offset.StartOffset);
        Assert.Equal(5, offset.EndOffset);
    }

    [Fact]
    public void EmptyInputHasNoTokens() => Assert.Equal(string.Empty, Tokenize(string.Empty, JapaneseTokenizerMode.Search));

    [Fact]
    public void TokenizerIsReusableThroughSetReader()
    {
        using var tokenizer = new JapaneseTokenizer(new StringReader("関西国際空港"), mode: JapaneseTokenizerMode.Normal);
        Assert.Equal("関西国際空港|0|6|1|1", Render(tokenizer));
        tokenizer.SetReader(new StringReader("本を読む"));
        Assert.Equal("本|0|1|1|1 を|1|2|1|1 読む|2|4|1|1", Render(tokenizer));
    }

    [Fact]
    public void OffsetsPointIntoTheOriginalTextThroughACharFilter()
    {
        // Full-width digits folded before the tokenizer: the offsets must still point at the original characters.
        var builder = new NormalizeCharMap.Builder();
        builder.Add("①", "1");
        builder.Add("１０", "10");
        var text = "第①条と第１０条";
        using var tokenizer = new JapaneseTokenizer(new MappingCharFilter(builder.Build(), new StringReader(text)), mode: JapaneseTokenizerMode.Normal);
        var term = tokenizer.AddAttribute<ICharTermAttribute>();
        var offset = tokenizer.AddAttribute<IOffsetAttribute>();
        tokenizer.Reset();
        var seen = new List<string>();
        while (tokenizer.IncrementToken())
        {
            seen.Add($"{term}@{text[offset.StartOffset..offset.EndOffset]}");
        }

        tokenizer.End();
        Assert.Contains("1@①", seen);
        Assert.Contains("10@１０", seen);
        Assert.Equal(text.Length, offset.EndOffset);
    }
}
