using Ingest.Index.Documents;

namespace Ingest.Index.Tests;

[Collection(IndexCollection.Name)]
public sealed class SearchTests(IndexFixture index)
{
    [Fact]
    public void JlisAndEncryptionFindsEveryWayOfWritingJlisButNotAnUndefinedKikou()
    {
        var result = index.Search("J-LIS 暗号化");
        Assert.Equal(["alpha", "charlie"], IndexFixture.Names(result));
    }

    [Fact]
    public void FullWidthQueryMatchesHalfWidthText()
    {
        Assert.Equal(IndexFixture.Names(index.Search("J-LIS")), IndexFixture.Names(index.Search("Ｊ－ＬＩＳ")));
        Assert.Contains("echo", IndexFixture.Names(index.Search("J-LIS")));
        Assert.Contains("alpha", IndexFixture.Names(index.Search("ｊ－ｌｉｓ")));
    }

    [Fact]
    public void CanonicalNameAndAbbreviationFindTheSameSubmissions()
    {
        var canonical = IndexFixture.Names(index.Search(TestRecords.Jlis));
        Assert.Equal(["alpha", "charlie", "echo"], canonical);
        Assert.Equal(canonical, IndexFixture.Names(index.Search("J-LIS")));
        Assert.Equal(IndexFixture.Names(index.Search("LGWAN")), IndexFixture.Names(index.Search("総合行政ネットワーク")));
        Assert.Equal(["alpha", "bravo"], IndexFixture.Names(index.Search("LGWAN")));
    }

    [Fact]
    public void MyNumberCardFindsPersonalNumberCard()
    {
        Assert.Equal(["alpha", "charlie", "echo"], IndexFixture.Names(index.Search("個人番号カード")));
        Assert.Equal(IndexFixture.Names(index.Search("個人番号カード")), IndexFixture.Names(index.Search("マイナンバーカード")));
    }

    [Fact]
    public void ImmigrationAgencyAbbreviationFindsTheFullNameInsideALongerTitle()
    {
        Assert.Equal(["bravo", "foxtrot"], IndexFixture.Names(index.Search("出入国在留管理庁")));
        Assert.Equal(["bravo", "foxtrot"], IndexFixture.Names(index.Search("入管庁")));
    }

    [Theory]
    [InlineData("暗号化", new[] { "alpha", "bravo", "charlie", "delta" })]
    [InlineData("経由", new[] { "echo" })]
    [InlineData("經由", new[] { "echo" })]
    [InlineData("顔写真 外部結合", new[] { "echo" })]
    [InlineData("住基ネット", new[] { "charlie" })]
    [InlineData("\"特定相手以外の解読\"", new[] { "alpha" })]
    [InlineData("\"解読 特定相手\"", new string[0])]
    public void KnownAnswers(string query, string[] expected) =>
        Assert.Equal(expected, IndexFixture.Names(index.Search(query)));

    [Fact]
    public void KikouCountsAsJlisOnlyInTheSubmissionThatDefinesIt()
    {
        var result = index.Search("J-LIS", field: "委任先");
        Assert.Equal(["charlie"], IndexFixture.Names(result));
        var hit = Assert.Single(Assert.Single(result.Submissions).Sheets);
        Assert.Equal("委任先", hit.Field);
        Assert.Equal("[機構]", hit.Snippet!.ToMarked("[", "]"));
        Assert.Empty(index.Search("J-LIS", field: "委託先").Submissions);
    }

    [Fact]
    public void TermsAreAnded()
    {
        Assert.Equal(["bravo"], IndexFixture.Names(index.Search("暗号化 総合行政ネットワーク 出入国在留管理庁")));
        Assert.Empty(index.Search("暗号化 顔写真").Submissions);
    }

    [Fact]
    public void HitNamesSheetAndFieldWithHighlightOnTheOriginalCharacters()
    {
        var result = index.Search("J-LIS");
        var echo = result.Submissions.Single(hit => hit.Record.Title!.Contains("在留カード"));
        var sheet = Assert.Single(echo.Sheets);
        Assert.Equal(0, sheet.SheetIndex);
        Assert.Equal("外部結合", sheet.SheetType);
        Assert.Equal("結合の相手方", sheet.Field);
        Assert.Equal("[Ｊ－ＬＩＳ]", sheet.Snippet!.ToMarked("[", "]"));
    }

    [Fact]
    public void SnippetIsHtmlEscaped()
    {
        var sheet = index.Search("顔写真").Submissions.Single().Sheets.Single();
        Assert.Equal("結合する理由", sheet.Field);
        var html = sheet.Snippet!.ToHtml();
        Assert.Contains("&lt;b&gt;<mark>顔写真</mark>&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SnippetPrefersTheFieldWithTheRarerTerm()
    {
        var sheet = index.Search("顔写真 外部結合").Submissions.Single().Sheets.Single();
        Assert.Equal("結合する理由", sheet.Field);
        Assert.Contains(Documents.RecordTexts.SheetType, sheet.MatchedFields);
    }

    [Fact]
    public void CompoundHighlightCoversTheWholeQueryWord()
    {
        var sheet = index.Search("暗号化").Submissions.Single(hit => hit.Record.Source.Path.Contains("bravo")).Sheets.Single();
        Assert.Equal("情報保護対策", sheet.Field);
        Assert.Equal("[暗号化]通信を行う。", sheet.Snippet!.ToMarked("[", "]"));
    }

    [Fact]
    public void FiscalYearRangeFilters()
    {
        Assert.Equal(["bravo", "charlie"], IndexFixture.Names(index.Search("暗号化", 2019, 2019)));
        Assert.Equal(["alpha", "delta"], IndexFixture.Names(index.Search("暗号化", 2020, 2024)));
        Assert.Equal(["delta", "echo"], IndexFixture.Names(index.Search("", 2023, null)));
    }

    [Fact]
    public void SheetTypeAndPartnerFilter()
    {
        Assert.Equal(["alpha", "bravo"], IndexFixture.Names(index.Search("暗号化", type: "外部結合")));
        Assert.Equal(["alpha", "charlie"], IndexFixture.Names(index.Search("暗号化", partner: "J-LIS")));
        Assert.Equal(["bravo"], IndexFixture.Names(index.Search("", partner: "出入国在留管理庁")));
        Assert.Equal(["echo"], IndexFixture.Names(index.Search("", type: "電算処理")));
    }

    [Fact]
    public void FacetsAddUpToTheMatches()
    {
        var result = index.Search("");
        Assert.Equal(7, result.TotalSheets);
        Assert.Equal(6, result.TotalSubmissions);
        Assert.Equal(result.TotalSheets, result.Facets.FiscalYear.Values.Sum() + result.Facets.NoFiscalYear);
        Assert.Equal(result.TotalSheets, result.Facets.SheetType.Values.Sum() + result.Facets.NoSheetType);
        Assert.Equal(2, result.Facets.FiscalYear[2019]);
        Assert.Equal(2, result.Facets.FiscalYear[2023]);
        Assert.Equal(1, result.Facets.NoFiscalYear);
        Assert.Equal(3, result.Facets.SheetType["外部結合"]);
        Assert.Equal(3, result.Facets.Partner[TestRecords.Jlis]);

        var filtered = index.Search("暗号化", type: "外部結合");
        Assert.Equal(2, filtered.TotalSheets);
        Assert.Equal(new Dictionary<int, int> { [2019] = 1, [2020] = 1 }, filtered.Facets.FiscalYear);
        Assert.Equal(2, filtered.Facets.SheetType["外部結合"]);
        Assert.Single(filtered.Facets.SheetType);
    }

    [Fact]
    public void SheetsAreGroupedUnderTheirSubmission()
    {
        var result = index.Search("個人番号カード");
        var echo = result.Submissions.Single(hit => hit.Record.Source.Path.Contains("echo"));
        // The title (submission level) mentions マイナンバーカード, so both sheets match; the 電算処理 sheet also in its own field.
        Assert.Equal(2, echo.Sheets.Count);
        var computing = echo.Sheets.Single(sheet => sheet.SheetType == "電算処理");
        Assert.Equal("新規開発・追加・変更の内容", computing.Field);
        Assert.Contains(RecordTexts.Title, computing.MatchedFields);
    }

    [Fact]
    public void RanksByBm25()
    {
        var result = index.Search("暗号化");
        var scores = result.Submissions.Select(hit => hit.Score).ToList();
        Assert.Equal(scores.OrderByDescending(score => score), scores);
        Assert.All(scores, score => Assert.True(score > 0));
    }

    [Fact]
    public void LimitCutsSubmissionsButNotTotalsOrFacets()
    {
        var result = index.Store.Search(new Search.SearchRequest { Query = "暗号化", Limit = 1 });
        Assert.Single(result.Submissions);
        Assert.Equal(4, result.TotalSubmissions);
        Assert.Equal(4, result.Facets.FiscalYear.Values.Sum());
    }
}

[Collection(IndexCollection.Name)]
public sealed class SnippetTests(IndexFixture index)
{
    [Theory]
    [InlineData("J-LIS 暗号化")]
    [InlineData("個人番号カード")]
    [InlineData("經由")]
    [InlineData("\"特定相手以外の解読\"")]
    public void PostingsSnippetsEqualSnippetsFromAnalysingTheTextAgain(string query)
    {
        var analysis = index.Store.Analysis;
        using var lease = index.Store.AcquireSearcher()!;
        var search = new Search.IndexSearch(lease.Searcher, analysis);
        var clauses = search.Compile(query);
        var builder = new Search.SnippetBuilder(analysis);
        var result = index.Search(query);
        Assert.NotEmpty(result.Submissions);
        foreach (var hit in result.Submissions)
        {
            var analyzer = analysis.ForAliases(Analysis.DefinedAliases.Find(hit.Record, analysis));
            foreach (var sheet in hit.Sheets)
            {
                var again = builder.Build(hit.Record, sheet.SheetIndex, clauses, null, analyzer, search.ClauseWeights(clauses));
                Assert.Equal(again.Field, sheet.Field);
                Assert.Equal(again.MatchedFields, sheet.MatchedFields);
                Assert.Equal(again.Snippet?.Text, sheet.Snippet?.Text);
                Assert.Equal(again.Snippet?.Highlights, sheet.Snippet?.Highlights);
            }
        }
    }

    [Fact]
    public void EveryHighlightCoversTextThatMatchesTheQueryWhenAnalysed()
    {
        var analysis = index.Store.Analysis;
        foreach (var query in new[] { "暗号化", "LGWAN", "入管庁" })
        {
            var canonical = Search.QueryClause.Compile(new Search.QueryPart(query, false), analysis).Items.Select(item => item.Term).ToList();
            foreach (var sheet in index.Search(query).Submissions.SelectMany(hit => hit.Sheets))
            {
                Assert.NotEmpty(sheet.Snippet!.Highlights);
                foreach (var highlight in sheet.Snippet.Highlights)
                {
                    var marked = sheet.Snippet.Text.Substring(highlight.Start, highlight.Length);
                    var terms = analysis.Tokenize(marked).Select(token => token.Term).ToList();
                    Assert.True(canonical.All(terms.Contains), $"「{marked}」 does not analyse to the terms of 「{query}」");
                }
            }
        }
    }
}
