using Ingest.Web.Queries;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Ingest.Web.Tests;

/// <summary>The URL parameter readers: round trips, and random input that must give a value or messages, never an exception.</summary>
public sealed class QueryParsingTests
{
    private static QueryCollection Query(params (string Name, string Value)[] pairs) =>
        new(pairs.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => new StringValues(g.Select(p => p.Value).ToArray())));

    [Fact]
    public void A_search_url_reads_back_as_the_same_search()
    {
        var query = new SearchQuery { Text = "J-LIS 暗号化 \"顔写真\"", YearFrom = 2019, YearTo = 2024, SheetType = "外部結合", Partner = "J-LIS", Department = "地域振興部戸籍住民課", Page = 3 };
        var url = query.ToUrl();
        var parsed = SearchQuery.Parse(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url[1..])));
        Assert.True(parsed.Succeeded);
        Assert.Equal(query, parsed.Value);
    }

    [Fact]
    public void Empty_fields_of_a_submitted_form_count_as_absent()
    {
        var parsed = SearchQuery.Parse(Query(("q", ""), ("from", ""), ("to", " "), ("type", ""), ("page", "")));
        Assert.True(parsed.Succeeded);
        Assert.Equal(new SearchQuery(), parsed.Value);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var parsed = SearchQuery.Parse(Query(("from", "x"), ("page", "0"), ("dept", new string('部', SearchQuery.MaxFilterLength + 1))));
        Assert.False(parsed.Succeeded);
        Assert.Equal(3, parsed.Errors.Count);
    }

    [Fact]
    public void Random_parameters_give_a_query_or_messages_never_an_exception()
    {
        var random = new Random(20240601);
        string[] names = ["q", "from", "to", "type", "partner", "dept", "page", "asof", "x"];
        const string alphabet = "0123456789０１２-ー/ a\"“\u0000\t\n&=?%<>'機構年度\uD800\uFFFF";
        for (var i = 0; i < 2000; i++)
        {
            var pairs = Enumerable.Range(0, random.Next(0, 6)).Select(_ =>
            {
                var length = random.Next(0, random.Next(2) == 0 ? 12 : 1200);
                var value = new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
                return (names[random.Next(names.Length)], value);
            }).ToArray();
            var search = SearchQuery.Parse(Query(pairs));
            Assert.True(search.Succeeded ^ search.Errors.Count > 0);
            if (search.Value is { } value)
            {
                Assert.InRange(value.Page, 1, SearchQuery.MaxPage);
                Assert.True(value.YearFrom is null || value.YearTo is null || value.YearFrom <= value.YearTo);
            }
            var renewal = RenewalPageQuery.Parse(Query(pairs));
            Assert.True(renewal.Succeeded ^ renewal.Errors.Count > 0);
        }
    }
}
