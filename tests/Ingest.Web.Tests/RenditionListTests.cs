using Ingest.Core.Records;
using Ingest.Web.Pages;

namespace Ingest.Web.Tests;

/// <summary>How the files of one submission are listed under a search hit.</summary>
public sealed class RenditionListTests
{
    private static SubmissionRecord File(string name, string format, bool scanned = false) => new()
    {
        Source = new SourceInfo { Path = "/archive/" + name, Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name))), Format = format, Ocr = scanned ? true : null },
        Title = "図書館システムの外部結合について",
    };

    [Fact]
    public void Each_file_is_named_by_its_own_format_and_a_scan_as_a_scan()
    {
        Assert.Equal("Excel", RenditionList.FormatName(File("a.xlsx", "xlsx").Source));
        Assert.Equal("Word 97-2003", RenditionList.FormatName(File("a.doc", "doc").Source));
        Assert.Equal("OpenDocument 表計算", RenditionList.FormatName(File("a.ods", "ods").Source));
        Assert.Equal("PDF", RenditionList.FormatName(File("a.pdf", "pdf").Source));
        Assert.Equal("スキャン", RenditionList.FormatName(File("a.pdf", "pdf", scanned: true).Source));
    }

    [Fact]
    public void A_few_files_are_listed_inline_and_many_are_folded_behind_their_count_by_format()
    {
        var few = new HtmlBuilder();
        RenditionList.RenderInline(few, [File("資料40.docx", "docx"), File("資料40.txt", "text")]);
        Assert.StartsWith("<p class=\"renditions\">2件のファイル：", few.ToSafeHtml().ToString());

        var many = new HtmlBuilder();
        RenditionList.RenderInline(many, [File("a.docx", "docx"), File("a.xlsx", "xlsx"), File("a.pdf", "pdf"), File("a.chromium.pdf", "pdf"), File("a.scan.pdf", "pdf", scanned: true)]);
        var html = many.ToSafeHtml().ToString();
        Assert.StartsWith("<details class=\"renditions\"><summary>5件のファイル（Word 1・Excel 1・PDF 2・スキャン 1）</summary>", html);
        Assert.Contains(">Excel a.xlsx</a>", html);
    }
}
