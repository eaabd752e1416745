using System.Net;
using System.Text.RegularExpressions;

namespace Ingest.Web.Tests;

/// <summary>The renewal page's order (by due date, by section with a heading per section) and its file/meeting column.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed partial class RenewalLayoutTests(SeedIndexFixture index) : IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(index.Directory);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static List<string> Cells(string html, string cls) =>
        Regex.Matches(html, $"<td class=\"{cls}\">(.*?)</td>").Select(m => WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", " "))).ToList();

    [Fact]
    public async Task By_due_date_the_soonest_come_first_and_rows_without_a_date_last()
    {
        var html = await _host.Client.GetStringAsync("/renewals?asof=2026-11-22");
        var dues = DueCell().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(dues);
        var dated = dues.TakeWhile(d => d.Length > 0).ToList();
        Assert.Equal(dated.Order(StringComparer.Ordinal), dated);
        Assert.All(dues.Skip(dated.Count), d => Assert.Equal(string.Empty, d));
        Assert.Contains("aria-sort=\"ascending\"><a href=\"/renewals?asof=2026-11-22\"", html);
    }

    [Fact]
    public async Task By_section_each_section_is_one_group_with_its_count()
    {
        var html = await _host.Client.GetStringAsync("/renewals?asof=2026-11-22&sort=section");
        var groups = GroupHeading().Matches(html).Select(m => (Name: m.Groups[1].Value, Count: int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.True(groups.Count >= 2);
        Assert.Equal(groups.Count, groups.Select(g => g.Name).Distinct().Count());
        var bodies = html.Split("<tbody class=\"section\">").Skip(1).ToList();
        Assert.Equal(groups.Count, bodies.Count);
        for (var g = 0; g < groups.Count; g++)
            Assert.Equal(groups[g].Count, Regex.Matches(bodies[g], "<tr class=\"status-").Count);
        Assert.Contains(groups, g => g.Name == "戸籍住民課");
        // The sort links keep the date and type.
        Assert.Contains("href=\"/renewals?asof=2026-11-22&amp;sort=section\"", html);
    }

    [Fact]
    public async Task Each_row_names_its_file_and_what_the_archive_tells_of_its_meeting()
    {
        var html = await _host.Client.GetStringAsync("/renewals?asof=2026-11-22");
        var held = Cells(html, "held");
        Assert.Contains(held, h => h.Contains("003_c5d96f6ae7183e6a.txt", StringComparison.Ordinal) && h.Contains("資料26", StringComparison.Ordinal));
        Assert.Equal(Regex.Matches(html, "<tr class=\"status-").Count, held.Count);
    }

    [Fact]
    public async Task An_unknown_order_is_refused()
    {
        var response = await _host.Client.GetAsync("/renewals?sort=random");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("並び順", await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("<tr class=\"status-[a-z]+\"><td>[^<]*</td><td>([^<]*)</td>")]
    private static partial Regex DueCell();

    [GeneratedRegex("<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"\\d+\">([^<]*)<span class=\"count\">(\\d+)件")]
    private static partial Regex GroupHeading();
}

/// <summary>The record page shows the terms of an arrangement side by side with the word-level changes.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class RecordHistoryTests(SeedIndexFixture index) : IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(index.Directory);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Later_term_shows_its_changes_against_the_earlier_one_escaped()
    {
        var later = SeedIndexFixture.HistoryPair[1];
        var html = await _host.Client.GetStringAsync(Ingest.Web.Catalog.RecordId.Url(later));
        Assert.Contains("<caption>年度ごとの内容と変更点</caption>", html);
        Assert.True(html.IndexOf("2019年度<span class=\"file\">history-2019.txt", StringComparison.Ordinal)
            < html.IndexOf("2020年度<span class=\"file\">history-2020.txt", StringComparison.Ordinal));
        // The two terms differ only in their period: the year is struck and the new one inserted.
        Assert.Contains("<del>2019</del><ins>2020</ins>年4月1日から", html);
    }
}
