using System.Net;
using System.Text.RegularExpressions;
using Ingest.Web.Catalog;

namespace Ingest.Web.Tests;

/// <summary>Requests through the test server: search, facets, paging, record and renewal pages, downloads, escaping, errors.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed partial class HandlerTests(SeedIndexFixture index) : IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(index.Directory);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> Get(string url)
    {
        var response = await _host.Client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    private static string[] HitFiles(string html) =>
        HitFilePattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)[..3]).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task Search_for_JLIS_and_encryption_finds_the_four_seeds_that_protect_JLIS_traffic()
    {
        var (status, body, response) = await Get("/?q=" + Uri.EscapeDataString("J-LIS 暗号化"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["000", "002", "003", "004"], HitFiles(body));
        Assert.Contains("<mark>暗号化</mark>", body);
        // Each hit names its sheet and field.
        Assert.Contains("別紙1（委任）", body);
        Assert.Contains("<span class=\"field\">委任にあたり区が行う情報保護対策</span>", body);
        // The query box keeps what was typed, so the page can be bookmarked and refined.
        Assert.Contains("value=\"J-LIS 暗号化\"", body);
    }

    [Fact]
    public async Task Markup_in_a_record_is_shown_as_text_on_search_and_record_pages()
    {
        var (_, search, _) = await Get("/?q=" + Uri.EscapeDataString("危険な件名"));
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;危険な件名", search);
        Assert.DoesNotContain("<script", search, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>試験課", search);

        var (status, record, _) = await Get(RecordId.Url(index.Hostile));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("試験機構&lt;script&gt;", record);
        Assert.DoesNotContain("<script", record, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/?page=abc", "ページ番号")]
    [InlineData("/?page=0", "ページ番号")]
    [InlineData("/?page=10001", "ページ番号")]
    [InlineData("/?page=99999999999999", "ページ番号")]
    [InlineData("/?from=2020&to=2010", "年度の範囲が逆")]
    [InlineData("/?from=abc", "開始年度")]
    [InlineData("/?to=1200", "終了年度")]
    [InlineData("/?q=a&q=b", "複数")]
    [InlineData("/?partner=%00x", "制御文字")]
    [InlineData("/renewals?asof=2025-13-01", "基準日")]
    [InlineData("/renewals?asof=yesterday", "基準日")]
    [InlineData("/renewals?type=%E9%9B%BB%E7%AE%97%E5%87%A6%E7%90%86", "種別")]
    [InlineData("/renewals.xlsx?asof=2025-02-30", "基準日")]
    [InlineData("/renewals.csv?page=-1", "ページ番号")]
    public async Task Malformed_query_strings_get_a_Japanese_400_page_without_internals(string url, string named)
    {
        var (status, body, response) = await Get(url);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("入力に誤りがあります", body);
        Assert.Contains(named, body);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain(" at Ingest.", body);
    }

    [Fact]
    public async Task A_long_query_is_refused_rather_than_searched()
    {
        var (status, body, _) = await Get("/?q=" + new string('あ', 1001));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("検索語が長すぎます", body);
    }

    [Fact]
    public async Task Full_width_digits_are_read_as_years()
    {
        var (status, body, _) = await Get("/?q=" + Uri.EscapeDataString("J-LIS") + "&from=" + Uri.EscapeDataString("２０２４"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["000", "002"], HitFiles(body));
    }

    [Fact]
    public async Task Large_result_sets_are_paged()
    {
        var first = await Get("/?q=" + Uri.EscapeDataString(SeedIndexFixture.PagingWord));
        Assert.Contains($"{SeedIndexFixture.PagingRecords}件の資料", first.Body);
        Assert.Equal(20, HitCount(first.Body));
        var next = NextLink().Match(first.Body);
        Assert.True(next.Success, "page 1 links to page 2");
        var secondUrl = WebUtility.HtmlDecode(next.Groups[1].Value);
        Assert.Contains("page=2", secondUrl);

        var second = await Get(secondUrl);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(SeedIndexFixture.PagingRecords - 20, HitCount(second.Body));
        Assert.Contains("start=\"21\"", second.Body);
        Assert.DoesNotContain("rel=\"next\"", second.Body);

        // Both pages together list every record once.
        var titles = TitlePattern().Matches(first.Body + second.Body).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(SeedIndexFixture.PagingRecords, titles.Distinct().Count());
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_not_an_error()
    {
        var (status, body, _) = await Get("/?q=" + Uri.EscapeDataString(SeedIndexFixture.PagingWord) + "&page=3");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, HitCount(body));
        Assert.Contains("このページには結果がありません", body);
    }

    [Fact]
    public async Task Facet_counts_link_to_narrowed_searches()
    {
        var all = await Get("/?q=" + Uri.EscapeDataString("J-LIS"));
        var link = FacetLink().Matches(all.Body).Select(m => (Url: WebUtility.HtmlDecode(m.Groups[1].Value), Label: m.Groups[2].Value, Count: int.Parse(m.Groups[3].Value)))
            .Single(f => f.Label == "委任");
        Assert.Contains("type=" + Uri.EscapeDataString("委任"), link.Url);

        var narrowed = await Get(link.Url);
        Assert.Equal(HttpStatusCode.OK, narrowed.Status);
        Assert.Equal(["003"], HitFiles(narrowed.Body));
        Assert.Contains($"別紙{link.Count}件", narrowed.Body);
        Assert.Contains("<li class=\"selected\">", narrowed.Body);
        Assert.True(HitFiles(all.Body).Length > 1);
    }

    [Fact]
    public async Task Department_filter_keeps_only_that_departments_submissions()
    {
        var (_, body, _) = await Get("/?dept=" + Uri.EscapeDataString("総務部総務課"));
        Assert.Contains($"{SeedIndexFixture.PagingRecords}件の資料", body);
        Assert.DoesNotContain("data-file=\"00", body);
        var (_, seeds, _) = await Get("/?q=" + Uri.EscapeDataString("J-LIS") + "&dept=" + Uri.EscapeDataString("総務部総務課"));
        Assert.Contains("0件の資料", seeds);
    }

    [Fact]
    public async Task Record_page_of_003_shows_its_delegate_its_sheets_in_order_and_its_checklists()
    {
        var record = index.Seed("003");
        var (status, body, _) = await Get(RecordId.Url(record));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<th scope=\"row\">委任先", body);
        Assert.Contains("地方公共団体情報システム機構", body);
        Assert.Contains("事業の概要", body);
        // Canonical order: the owning section comes before the delegate whatever the document order.
        Assert.True(body.IndexOf("<th scope=\"row\">保有課", StringComparison.Ordinal) < body.IndexOf("<th scope=\"row\">委任先", StringComparison.Ordinal));
        Assert.Contains(RecordId.Url(record) + "/source", body);
    }

    [Fact]
    public async Task Record_page_of_000_marks_changed_fields_and_renders_checklists_as_tables()
    {
        var record = index.Seed("000");
        var changed = record.Sheets.SelectMany(sheet => sheet.ChangedFields).ToList();
        Assert.NotEmpty(changed);
        Assert.NotEmpty(record.Checklists);
        var (_, body, _) = await Get(RecordId.Url(record));
        foreach (var label in changed)
            Assert.Contains($"<tr class=\"changed\"><th scope=\"row\">{WebUtility.HtmlEncode(label)} <span class=\"badge\">変更</span>", body);
        var unchanged = record.Sheets[0].Fields.Keys.First(label => !changed.Contains(label));
        Assert.Contains($"<tr><th scope=\"row\">{WebUtility.HtmlEncode(unchanged)}</th>", body);
        Assert.Equal(record.Checklists.Count, Regex.Count(body, "<section class=\"checklist\">"));
        var items = record.Checklists.Sum(checklist => checklist.Items.Count);
        Assert.Equal(items, Regex.Count(body, "<td class=\"mark\">"));
    }

    [Fact]
    public async Task Record_page_shows_the_arrangement_history_with_links_across_years()
    {
        var (earlier, later) = (SeedIndexFixture.HistoryPair[0], SeedIndexFixture.HistoryPair[1]);
        var (_, body, _) = await Get(RecordId.Url(later));
        Assert.Contains("この取り決めの経緯", body);
        Assert.Contains($"<a href=\"{RecordId.Url(earlier)}#sheet-1\">", body);
        Assert.Contains("令和元年度第3回本審議会承認事項", body);
        Assert.True(body.IndexOf("2019年度", StringComparison.Ordinal) < body.IndexOf("（この資料）", StringComparison.Ordinal));

        var (_, report, _) = await Get("/renewals?asof=2021-01-10");
        Assert.Contains("変更済(後続あり)", report);
        Assert.Contains($"href=\"{RecordId.Url(later)}\"", report);
    }

    [Fact]
    public async Task Unknown_or_malformed_record_ids_are_404_pages()
    {
        var seed = index.Seed("003");
        foreach (var url in new[] { "/record/zz/0", $"/record/{seed.Source.Sha256}/7", $"/record/{seed.Source.Sha256}/abc", "/record/..%2F..%2Fetc%2Fpasswd/0", "/no/such/page" })
        {
            var (status, body, _) = await Get(url);
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Contains("ページが見つかりません", body);
        }
    }

    [Fact]
    public async Task Source_is_served_only_when_the_file_still_has_the_stored_hash()
    {
        var seed = index.Seed("001");
        var response = await _host.Client.GetAsync(RecordId.Url(seed) + "/source");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(seed.Source.Path), await response.Content.ReadAsByteArrayAsync());

        // The hostile record names a real file under another hash: refused.
        var refused = await _host.Client.GetAsync(RecordId.Url(index.Hostile) + "/source");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task Renewal_page_defaults_to_today_and_shows_the_evidence_phrase_of_each_row()
    {
        var (status, body, _) = await Get("/renewals");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("基準日 2025-06-01（2025年度）", body);
        var evidence = EvidenceCell().Matches(body).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(evidence);
        Assert.Contains(evidence, e => e.Contains("次年度以降も", StringComparison.Ordinal));
        Assert.Contains(evidence, e => e.Contains("以降、同様の外部結合を行う", StringComparison.Ordinal));
        Assert.Contains("要更新", body);
        Assert.Contains("href=\"/renewals.xlsx?asof=2025-06-01\"", body);
    }

    [Fact]
    public async Task Renewal_page_filters_by_kind_and_date()
    {
        var (_, body, _) = await Get("/renewals?asof=2020-01-15&type=" + Uri.EscapeDataString("委任"));
        Assert.Contains("基準日 2020-01-15（2019年度）", body);
        var kinds = KindCell().Matches(body).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(["委任"], kinds);
    }

    [Fact]
    public async Task Downloads_are_xlsx_and_csv_of_the_same_report()
    {
        var xlsx = await _host.Client.GetAsync("/renewals.xlsx?asof=2025-06-01");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("renewals-2025-06-01.xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar ?? xlsx.Content.Headers.ContentDisposition?.FileName);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);

        var csv = await _host.Client.GetAsync("/renewals.csv?asof=2025-06-01");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("状態,", text.TrimStart('\uFEFF'));
        Assert.Contains("次年度以降も同様の外部結合を行う", text);
    }

    [Fact]
    public async Task Pages_are_Japanese_use_only_local_assets_and_forbid_foreign_content()
    {
        var (_, body, response) = await Get("/");
        Assert.Contains("<html lang=\"ja\">", body);
        Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", body);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        var css = await _host.Client.GetAsync("/assets/site.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        var stylesheet = await css.Content.ReadAsStringAsync();
        Assert.Contains("@media print", stylesheet);
        Assert.DoesNotContain("url(", stylesheet);
    }

    [Fact]
    public async Task Writes_are_not_allowed()
    {
        var response = await _host.Client.PostAsync("/", new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("閲覧専用", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Random_query_strings_give_a_page_or_a_400_never_a_server_error()
    {
        var random = new Random(7);
        string[] names = ["q", "from", "to", "type", "partner", "dept", "page"];
        const string alphabet = "J-LIS 暗号化機構\"“*?~^:()[]{}\\/+!&|0１2%<>'　";
        for (var i = 0; i < 150; i++)
        {
            var pairs = Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
            {
                var value = new string(Enumerable.Range(0, random.Next(0, 30)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
                return names[random.Next(names.Length)] + "=" + Uri.EscapeDataString(value);
            });
            var url = (random.Next(4) == 0 ? "/renewals?" : "/?") + string.Join("&", pairs);
            var response = await _host.Client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{url} gave {(int)response.StatusCode}");
        }
    }

    private static int HitCount(string html) => HitFilePattern().Count(html);

    [GeneratedRegex("<li class=\"hit\" data-file=\"([^\"]*)\"")]
    private static partial Regex HitFilePattern();

    [GeneratedRegex("<a rel=\"next\" href=\"([^\"]*)\"")]
    private static partial Regex NextLink();

    [GeneratedRegex("<h2><a href=\"/record/[^\"]*\">([^<]*)</a></h2>")]
    private static partial Regex TitlePattern();

    [GeneratedRegex("<li(?: class=\"selected\")?><a href=\"([^\"]*)\">([^<]*)</a> <span class=\"count\">(\\d+)</span></li>")]
    private static partial Regex FacetLink();

    [GeneratedRegex("<td class=\"evidence\">([^<]*)</td>")]
    private static partial Regex EvidenceCell();

    [GeneratedRegex("</td><td class=\"number\">[^<]*</td><td>([^<]*)</td>")]
    private static partial Regex KindCell();
}

/// <summary>Failures inside the app become a Japanese error page, never a stack trace.</summary>
public sealed class ErrorHandlingTests
{
    [Fact]
    public async Task An_unreadable_index_gives_a_500_page_without_internals()
    {
        // A file where the index folder should be: opening the index throws on the first request.
        var notAFolder = Path.GetTempFileName();
        try
        {
            await using var host = await WebHost.StartAsync(notAFolder);
            var response = await host.Client.GetAsync("/?q=" + Uri.EscapeDataString("J-LIS"));
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("エラーが発生しました", body);
            Assert.DoesNotContain("Exception", body);
            Assert.DoesNotContain(notAFolder, body);
            Assert.DoesNotContain(".cs:line", body);
        }
        finally
        {
            File.Delete(notAFolder);
        }
    }
}
