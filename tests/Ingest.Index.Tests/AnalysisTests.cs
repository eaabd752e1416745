using Ingest.Index.Analysis;
using Ingest.Index.Search;

namespace Ingest.Index.Tests;

public sealed class AnalysisTests
{
    private static readonly IndexAnalysis _analysis = IndexAnalysis.Default;

    private static string Canonical(string name) => _analysis.CanonicalTerm(_analysis.GroupOf(name)!);

    [Theory]
    [InlineData("J-LIS")]
    [InlineData("Ｊ－ＬＩＳ")]
    [InlineData("j-lis")]
    [InlineData("地方公共団体情報システム機構")]
    public void EveryWayOfWritingJlisCarriesTheCanonicalTermOverTheWholeName(string text)
    {
        var synonym = Assert.Single(_analysis.Tokenize(text), token => token.IsSynonym);
        Assert.Equal(Canonical("J-LIS"), synonym.Term);
        Assert.Equal(0, synonym.Start);
        Assert.Equal(text.Length, synonym.End);
    }

    [Fact]
    public void SynonymKeepsTheOriginalWordsSoTheyStaySearchable()
    {
        var tokens = _analysis.Tokenize("LGWAN回線");
        Assert.Contains(tokens, token => token.Term == "lgwan" && !token.IsSynonym);
        var synonym = Assert.Single(tokens, token => token.IsSynonym);
        Assert.Equal(Canonical("総合行政ネットワーク"), synonym.Term);
        Assert.Equal((0, 5), (synonym.Start, synonym.End));
        Assert.Equal(tokens.Single(token => token.Term == "lgwan").Position, synonym.Position);
    }

    [Fact]
    public void KikouAloneIsNotJlis() =>
        Assert.DoesNotContain(_analysis.Tokenize("機構に委任する"), token => token.IsSynonym);

    [Fact]
    public void DefinedAliasMakesKikouJlisInThatDocumentsAnalyzer()
    {
        var aliases = DefinedAliases.Find(TestRecords.Charlie, _analysis);
        Assert.Equal("地方公共団体情報システム機構", Assert.Single(aliases).Value.Canonical);
        Assert.Equal("機構", aliases.Keys.Single());
        var tokens = _analysis.Tokenize("機構に委任する", _analysis.ForAliases(aliases));
        var synonym = Assert.Single(tokens, token => token.IsSynonym);
        Assert.Equal((0, 2), (synonym.Start, synonym.End));
        Assert.Empty(DefinedAliases.Find(TestRecords.Delta, _analysis));
    }

    [Fact]
    public void DefinitionBrokenAcrossLinesIsStillFound()
    {
        var record = TestRecords.Delta with
        {
            Overview = new Dictionary<string, string> { ["事業内容"] = "地方公共団体情報システム機構（以\n下「機構」という。）の専用サイト" },
        };
        Assert.Equal("機構", Assert.Single(DefinedAliases.Find(record, _analysis)).Key);
    }

    [Fact]
    public void DefinitionOfAnUnknownNameIsIgnored()
    {
        var record = TestRecords.Delta with
        {
            Overview = new Dictionary<string, string> { ["事業内容"] = "住民基本台帳法（以下「住基法」という。）" },
        };
        Assert.Empty(DefinedAliases.Find(record, _analysis));
    }

    [Theory]
    [InlineData("暗号化し")]
    [InlineData("暗号化により")]
    [InlineData("暗号化通信")]
    [InlineData("通信暗号化")]
    public void CompoundQueryMatchesInsideLongerWords(string text)
    {
        var clause = QueryClause.Compile(new QueryPart("暗号化", false), _analysis);
        var range = Assert.Single(SnippetBuilder.Find(_analysis.Tokenize(text), clause));
        Assert.Equal("暗号化", text[range.Start..range.End]);
    }

    [Fact]
    public void OffsetsPointAtTheOriginalCharactersThroughFolding()
    {
        const string text = "区と Ｊ－ＬＩＳ の經由";
        foreach (var token in _analysis.Tokenize(text))
            Assert.InRange(token.End, token.Start, text.Length);
        var clause = QueryClause.Compile(new QueryPart("経由", false), _analysis);
        var range = Assert.Single(SnippetBuilder.Find(_analysis.Tokenize(text), clause));
        Assert.Equal("經由", text[range.Start..range.End]);
    }

    [Fact]
    public void QueryTextSplitsOnAnySpaceAndKeepsQuotedPhrases()
    {
        var parts = QueryText.Parse("J-LIS　暗号化 \"顔写真 外部結合\" “LGWAN 回線”");
        Assert.Equal(
            [new QueryPart("J-LIS", false), new QueryPart("暗号化", false), new QueryPart("顔写真 外部結合", true), new QueryPart("LGWAN 回線", true)],
            parts);
        Assert.Equal([new QueryPart("unclosed phrase", true)], QueryText.Parse("\"unclosed phrase"));
        Assert.Empty(QueryText.Parse("   "));
    }

    [Fact]
    public void SynonymQueryCollapsesToOneCanonicalTerm()
    {
        var clause = QueryClause.Compile(new QueryPart("住民基本台帳ネットワークシステム", false), _analysis);
        var item = Assert.Single(clause.Items);
        Assert.True(item.IsSynonym);
        Assert.Equal(Canonical("住基ネット"), item.Term);
    }

    [Fact]
    public void SynonymFileParsesSolrFormatAndNamesBadLines()
    {
        var catalogue = SynonymCatalogue.Parse("# comment\n\nA, B\nC, D => E\nF\\, G, H\n", "test.txt");
        Assert.Equal(3, catalogue.Groups.Count);
        Assert.Equal("A", catalogue.Groups[0].Canonical);
        Assert.Equal(["A", "B"], catalogue.Groups[0].Names);
        Assert.Equal("E", catalogue.Groups[1].Canonical);
        Assert.Equal(["E", "C", "D"], catalogue.Groups[1].Names);
        Assert.Equal("F, G", catalogue.Groups[2].Canonical);
        var error = Assert.Throws<FormatException>(() => SynonymCatalogue.Parse("A, B\nlonely\n", "syn.txt"));
        Assert.StartsWith("syn.txt:2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedSynonymsHoldTheDomainGroups()
    {
        var names = SynonymCatalogue.Default.Groups.SelectMany(group => group.Names).ToHashSet();
        foreach (var name in new[] { "J-LIS", "LGWAN", "住基ネット", "マイナンバーカード", "入管庁", "びったり", "出入国在留管理庁" })
            Assert.Contains(name, names);
        Assert.DoesNotContain("機構", names);
    }

    [Fact]
    public void RandomTextNeverBreaksAnalysisOrOffsets()
    {
        var random = new Random(7);
        const string alphabet = "暗号化機構J-LISＪ－ＬＩＳ經由 \n\t（以下「」という。）ｶﾞ㈱⽇\uD842\uDFB7\uFE00-ー0１";
        for (var i = 0; i < 300; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            foreach (var token in _analysis.Tokenize(text))
            {
                Assert.InRange(token.Start, 0, text.Length);
                Assert.InRange(token.End, token.Start, text.Length);
            }
        }
    }
}
