using Lucene.Net.Analysis.TokenAttributes;
using static Ingest.Japanese.Tests.TokenRendering;

namespace Ingest.Japanese.Tests;

/// <summary>Kuromoji-format user dictionaries: priority over IPADIC, segmentation, errors naming the line, the shipped domain dictionary.</summary>
public sealed class UserDictionaryTests
{
    private static UserDictionary Parse(string csv) => UserDictionary.Parse(new StringReader(csv), "test.csv");

    [Fact]
    public void UserPhraseTakesPriorityAndIsEmittedAsItsSegments()
    {
        var dictionary = Parse("""
            # comment line
            関西国際空港,関西 国際空港,カンサイ コクサイクウコウ,カスタム名詞
            """);
        Assert.Equal(1, dictionary.Count);
        Assert.Equal("関西|0|2|1|1 国際空港|2|6|1|1 に|6|7|1|1", Tokenize("関西国際空港に", JapaneseTokenizerMode.Search, dictionary));
        Assert.Equal("関西|0|2|1|1 国際空港|2|6|1|1 に|6|7|1|1", Tokenize("関西国際空港に", JapaneseTokenizerMode.Normal, dictionary));
    }

    [Fact]
    public void UserSegmentsCarryTheirReadingAndPartOfSpeech()
    {
        var dictionary = Parse("朝青龍,朝青龍,アサショウリュウ,カスタム人名");
        using var tokenizer = new JapaneseTokenizer(new StringReader("朝青龍が勝った"), dictionary);
        var term = tokenizer.AddAttribute<ICharTermAttribute>();
        var reading = tokenizer.AddAttribute<IReadingAttribute>();
        var partOfSpeech = tokenizer.AddAttribute<IPartOfSpeechAttribute>();
        tokenizer.Reset();
        Assert.True(tokenizer.IncrementToken());
        Assert.Equal("朝青龍", term.ToString());
        Assert.Equal("アサショウリュウ", reading.Reading);
        Assert.Equal("カスタム人名", partOfSpeech.PartOfSpeech);
    }

    [Fact]
    public void EmptyDictionaryIsAllowedAndChangesNothing()
    {
        var dictionary = Parse("# nothing but a comment\n\n");
        Assert.Equal(0, dictionary.Count);
        Assert.Equal(Tokenize("関西国際空港", JapaneseTokenizerMode.Search), Tokenize("関西国際空港", JapaneseTokenizerMode.Search, dictionary));
    }

    [Theory]
    [InlineData("a,b,c", 1, "expected 4 fields")]
    [InlineData("# c\n東京,東 京,トウ,名詞", 2, "2 segments but 1 readings")]
    [InlineData("東京,東 都,トウ キョウ,名詞", 1, "does not spell the surface")]
    [InlineData("東京,東京,トウキョウ,", 1, "part of speech is empty")]
    [InlineData("東京,\"東京,トウキョウ,名詞", 1, "unterminated quote")]
    [InlineData("東京,東京,トウキョウ,名詞\n大阪,大阪,オオサカ,名詞\n東京,東 京,トウ キョウ,名詞", 3, "duplicate surface '東京' (first on line 1)")]
    public void MalformedOrDuplicateLineIsAnErrorNamingTheLine(string csv, int line, string reason)
    {
        var error = Assert.Throws<FormatException>(() => Parse(csv));
        Assert.StartsWith($"test.csv:{line}: ", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void LoadNamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"userdict-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "x,y,z\n");
        try
        {
            var error = Assert.Throws<FormatException>(() => UserDictionary.Load(path));
            Assert.StartsWith(path + ":1:", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void DomainDictionaryKnowsTheProductWords()
    {
        var domain = UserDictionary.Domain;
        Assert.True(domain.Count >= 10);
        Assert.Equal("令和 六 年度", Terms("令和六年度", JapaneseTokenizerMode.Search, domain));
        Assert.Equal("J-LIS と LGWAN", Terms("J-LISとLGWAN", JapaneseTokenizerMode.Search, domain));
        Assert.Equal("住基ネット の マイナンバー カード", Terms("住基ネットのマイナンバーカード", JapaneseTokenizerMode.Search, domain));
        Assert.Equal("マイナポータル", Terms("マイナポータル", JapaneseTokenizerMode.Search, domain));
        Assert.Equal("特定 個人 情報 の 外部 結合", Terms("特定個人情報の外部結合", JapaneseTokenizerMode.Search, domain));
    }
}
