using System.Net;
using Ingest.Core.Records;
using Ingest.Index.Store;

namespace Ingest.Web.Tests;

/// <summary>A submission held in a Word file and a text dump: one hit listing both, one record page naming where each field comes from.</summary>
public sealed class RenditionPageTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ingest-web-renditions-" + Guid.NewGuid().ToString("N"));
    private WebHost _host = null!;

    private static readonly SubmissionRecord Text = new()
    {
        Source = new SourceInfo { Path = "/nonexistent/資料40.txt", Sha256 = new string('c', 64), Format = "text" },
        Title = "図書館システムの外部結合について",
        DocumentNumber = "資料40",
        FiscalYear = 2023,
        Department = "文化部図書館",
        Sheets = [new SheetRecord { Type = "外部結合", Partners = ["図書館協会"], Fields = new Dictionary<string, string> { ["結合の相手方"] = "図書館協会", ["情報保護対策"] = "通信を暗号イヒする。" } }],
    };

    private static readonly SubmissionRecord Word = Text with
    {
        Source = new SourceInfo { Path = "/nonexistent/資料40.docx", Sha256 = new string('d', 64), Format = "docx" },
        Sheets = [new SheetRecord { Type = "外部結合", Partners = ["図書館協会"], Fields = new Dictionary<string, string> { ["結合の相手方"] = "図書館協会", ["情報保護対策"] = "通信を暗号化する。" } }],
    };

    /// <summary>The same linkage reported a year earlier: the precedent the similar panel should find.</summary>
    private static readonly SubmissionRecord Precedent = Word with
    {
        Source = new SourceInfo { Path = "/nonexistent/前年度/資料31.docx", Sha256 = new string('f', 64), Format = "docx" },
        DocumentNumber = "資料31",
        FiscalYear = 2022,
    };

    public async Task InitializeAsync()
    {
        using (var store = IndexStore.Open(_directory))
        using (var updater = store.OpenUpdater())
        {
            updater.Replace(Text.Source.Path, Text.Source.Sha256, [Text]);
            updater.Replace(Word.Source.Path, Word.Source.Sha256, [Word]);
            updater.Replace(Precedent.Source.Path, Precedent.Source.Sha256, [Precedent]);
            updater.Commit();
        }
        _host = await WebHost.StartAsync(_directory);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<string> Get(string url)
    {
        var response = await _host.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_hit_counts_the_submission_once_and_lists_its_files()
    {
        var body = await Get("/?q=" + Uri.EscapeDataString("図書館システム"));
        Assert.Contains("2件の資料（別紙2件）", body);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(body, "2件のファイル"));
        Assert.Contains("2件のファイル", body);
        Assert.Contains("Word 資料40.docx", body);
        Assert.Contains("テキスト 資料40.txt", body);
    }

    [Fact]
    public async Task The_record_page_reads_fields_from_the_word_file_and_shows_where_the_files_disagree()
    {
        var body = await Get($"/record/{Text.Source.Sha256}/0");
        Assert.Contains("この資料のファイル（2件）", body);
        Assert.Contains("通信を暗号化する。", body);
        Assert.Contains("ファイルによって読み取りが異なる項目", body);
        Assert.Contains("通信を暗号イヒする。", body);
        Assert.True(body.IndexOf("/nonexistent/資料40.docx", StringComparison.Ordinal) < body.IndexOf("/nonexistent/資料40.txt", StringComparison.Ordinal));
        Assert.Contains("開いたファイル", body);
    }

    [Fact]
    public async Task The_record_page_lists_similar_submissions_but_not_its_own_files()
    {
        var body = await Get($"/record/{Precedent.Source.Sha256}/0");
        Assert.Contains("類似の資料", body);
        // The other submission is listed once, by one of its two files.
        var panel = body[body.IndexOf("類似の資料", StringComparison.Ordinal)..];
        Assert.Equal(1, new[] { Word, Text }.Count(record => panel.Contains($"/record/{record.Source.Sha256}/0", StringComparison.Ordinal)));
        var own = await Get($"/record/{Word.Source.Sha256}/0");
        var similar = own.IndexOf("id=\"similar\"", StringComparison.Ordinal);
        Assert.True(similar > 0);
        Assert.DoesNotContain(Text.Source.Sha256, own[similar..]);
        Assert.Contains(Precedent.Source.Sha256, own[similar..]);
    }

    [Fact]
    public async Task The_page_says_how_a_query_was_read_and_offers_the_syntax()
    {
        var body = await Get("/?q=" + Uri.EscapeDataString("図書館 -暗号化"));
        Assert.Contains("検索式の解釈：図書館 AND NOT 暗号化", body);
        Assert.Contains("0件の資料", body);
        Assert.Contains("検索式の書き方", body);
        var plain = await Get("/?q=" + Uri.EscapeDataString("(図書館"));
        Assert.Contains("reading notice", plain);
        Assert.Contains("語として検索しました", plain);
        Assert.Contains("2件の資料", plain);
    }
}
