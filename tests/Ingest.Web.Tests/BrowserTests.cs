using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Ingest.Web.Tests;

/// <summary>
/// End to end in real Chromium: the app on Kestrel at a free loopback port over the imported seeds, driven by Playwright.
/// Screenshots go to TestResults/screenshots beside the test assembly.
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class BrowserTests(SeedIndexFixture index, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] _chromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private WebApplication? _app;
    private string _baseUrl = string.Empty;

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ExecutablePath))
            return;
        _app = WebApp.Build(new WebOptions { IndexDirectory = index.Directory, Urls = "http://127.0.0.1:0", Clock = new FixedClock(WebHost.Today) });
        await _app.StartAsync();
        _baseUrl = _app.Urls.First().TrimEnd('/');
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }

    private static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Args = _chromiumArgs,
            Headless = true,
        });
        return (playwright, browser);
    }

    private async Task Screenshot(IPage page, string name, bool fullPage = true)
    {
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        output.WriteLine($"screenshot: {path}");
    }

    [ChromiumFact]
    public async Task Searching_JLIS_encryption_then_opening_003_shows_its_delegate()
    {
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "ja-JP" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(_baseUrl + "/");
        await page.FillAsync("#q", "J-LIS 暗号化");
        await page.PressAsync("#q", "Enter");
        await page.WaitForURLAsync(url => url.Contains("q=", StringComparison.Ordinal));
        var files = await page.Locator("li.hit").EvaluateAllAsync<string[]>("items => items.map(li => li.dataset.file.slice(0, 3))");
        Assert.Equal(["000", "002", "003", "004"], files.Order(StringComparer.Ordinal).ToArray());
        Assert.True(await page.Locator("mark").CountAsync() > 0, "matches are highlighted");
        // The address bar holds the whole query, so reloading it gives the same page.
        Assert.Contains("q=J-LIS", Uri.UnescapeDataString(page.Url).Replace('+', ' '), StringComparison.Ordinal);
        await Screenshot(page, "search-jlis-encryption");

        await page.Locator("li.hit[data-file^='003'] h2 a").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/record/", StringComparison.Ordinal));
        var delegateRow = page.Locator("tr", new PageLocatorOptions { Has = page.Locator("th", new PageLocatorOptions { HasTextString = "委任先" }) }).First;
        Assert.Contains("地方公共団体情報システム機構", await delegateRow.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
        await Screenshot(page, "record-003");
        await Screenshot(page, "record-003-screen", fullPage: false);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator("header.site nav").IsVisibleAsync(), "navigation is hidden when printed");
        await Screenshot(page, "record-003-print");
    }

    [ChromiumFact]
    public async Task Record_page_marks_changed_fields_visibly()
    {
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "ja-JP" });
        var record = index.Seed("000");
        await page.GotoAsync(_baseUrl + Catalog.RecordId.Url(record) + "#sheet-1");
        var changed = page.Locator("tr.changed");
        Assert.Equal(record.Sheets.Sum(sheet => sheet.ChangedFields.Count), await changed.CountAsync());
        // The highlight is a real background colour, not just a class name.
        var background = await changed.First.Locator("td").EvaluateAsync<string>("td => getComputedStyle(td).backgroundColor");
        Assert.NotEqual("rgba(0, 0, 0, 0)", background);
        await Screenshot(page, "record-000-changed", fullPage: false);
        await page.Locator("section.checklist").First.ScrollIntoViewIfNeededAsync();
        await Screenshot(page, "record-000-checklist", fullPage: false);
    }

    [ChromiumFact]
    public async Task Renewal_page_downloads_the_report_as_xlsx()
    {
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, AcceptDownloads = true, Locale = "ja-JP" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(_baseUrl + "/renewals");
        Assert.Contains("基準日 2025-06-01", await page.Locator("#summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("td.evidence").CountAsync() > 0);
        await Screenshot(page, "renewals");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-xlsx").ClickAsync());
        Assert.Equal("renewals-2025-06-01.xlsx", download.SuggestedFilename);
        var saved = Path.Combine(ScreenshotFolder, download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        using var workbook = SpreadsheetDocument.Open(saved, isEditable: false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(sheet => sheet.Name?.Value).ToList();
        Assert.Contains("要更新", sheets);
    }

    [ChromiumFact]
    public async Task Renewal_table_keeps_the_subject_readable_and_collapses_the_less_important_columns()
    {
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, Locale = "ja-JP" });
        await page.GotoAsync(_baseUrl + "/renewals?asof=2026-11-22");
        await Screenshot(page, "renewals-readable", fullPage: false);

        // 件名 gets room (the old layout squeezed it to about three characters), and no row is taller than a few lines.
        var subject = page.Locator("table.report tbody td.subject").First;
        var box = await subject.BoundingBoxAsync();
        Assert.True(box!.Width >= 280, $"件名 column is {box.Width}px wide");
        Assert.True(box.Height <= 120, $"a row is {box.Height}px tall");
        // The table fits the window: nothing to scroll sideways.
        var overflow = await page.EvaluateAsync<bool>("() => { const w = document.querySelector('.report-wrap'); return w.scrollWidth > w.clientWidth; }");
        Assert.False(overflow);
        // Period and history are collapsed until asked for.
        Assert.False(await page.Locator("table.report td.detail").First.IsVisibleAsync());
        await page.Locator("#show-details").CheckAsync();
        Assert.True(await page.Locator("table.report td.detail").First.IsVisibleAsync());

        // Grouped by section: one heading row per section, the rows under it of that section.
        await page.Locator("table.report th a", new PageLocatorOptions { HasText = "保有課" }).ClickAsync();
        await page.WaitForURLAsync("**sort=section**");
        await Screenshot(page, "renewals-by-section", fullPage: false);
        var groups = page.Locator("tbody.section");
        Assert.True(await groups.CountAsync() >= 2);
        for (var g = 0; g < await groups.CountAsync(); g++)
        {
            var name = (await groups.Nth(g).Locator("tr.group th").InnerTextAsync()).Split('\n', ' ', '\t')[0].Trim();
            var sections = await groups.Nth(g).Locator("tr:not(.group) td:nth-child(5)").AllInnerTextsAsync();
            Assert.All(sections, s => Assert.True(s.Trim() == name || name.StartsWith(s.Trim(), StringComparison.Ordinal), $"{s} under {name}"));
        }
    }
}
