using Ingest.Core.Layout;
using Ingest.Core.Records;

namespace Ingest.Extraction.Tests.Labels;

/// <summary>
/// How the extractor reads a form whose text came from OCR: label cells a letter off, cover marks that lost a bracket or
/// had a letter misread, and running lines without the space between a label and its value.
/// </summary>
public sealed class ScannedFormReadingTests
{
    private static TableCell Cell(string text, double? confidence = 0.93) => new(StyledText.Plain(text)) { Confidence = confidence };

    private static TableBlock Table(params (string Label, string Value)[] rows) =>
        new(rows.Select(r => new TableRow([Cell(r.Label), Cell(r.Value)])).ToArray());

    private static ParagraphBlock Line(string text) => new(StyledText.Plain(text)) { Confidence = 0.9 };

    private static SubmissionRecord Extract(params LayoutBlock[] blocks)
    {
        var layout = new LayoutDocument { Path = "scan.pdf", Format = "pdf", Pages = [new LayoutPage(1, blocks)] };
        var source = new SourceInfo { Path = "scan.pdf", Sha256 = "0", Format = "pdf", Ocr = true, OcrConfidence = 0.9 };
        var result = new SubmissionExtractor().Extract(layout, source);
        Assert.True(result.Succeeded, result.Error);
        return Assert.Single(result.Value!);
    }

    private static readonly TableBlock Sheet = Table(("保有諜", "医療保険年金課"), ("結合の相手方", "東京都国民健康保険団体連合会"), ("結合する理由", "支給対象者を把握するため。"));

    [Fact]
    public void A_garbled_label_on_a_sheets_first_row_still_starts_the_sheet_and_is_corrected_with_a_mark()
    {
        var record = Extract(Line("個人情報保護管理運営会議付議事項"), Table(("件名", "外部結合について")), Sheet);

        var sheet = Assert.Single(record.Sheets);
        Assert.Equal("医療保険年金課", sheet.Fields["保有課"]);
        Assert.Contains(sheet.Review!, m => m.Field == "保有課" && m.Reason == "label corrected from 保有諜");
    }

    [Fact]
    public void An_overview_label_with_a_stray_mark_is_the_overviews_label()
    {
        var record = Extract(Line("個人情報保護管理運営会議付議事項"), Table(("件名", "外部結合について")), Line("事業の概要"),
            Table(("事業名", "高額療養費の支給申請勧奨"), ("事業内容。", "1 概要 通知を送付する。")), Sheet);

        Assert.Equal("1 概要 通知を送付する。", record.Overview["事業内容"]);
        Assert.False(record.Overview.ContainsKey("事業内容。"));
    }

    [Theory]
    [InlineData("【放問】", "諮問")]
    [InlineData("報告】", "報告")]
    [InlineData("(報告", "報告")]
    [InlineData("【報吉】", "報告")]
    [InlineData("【別紙】", null)]
    [InlineData("放問", null)]
    public void The_procedure_mark_is_read_without_a_lost_bracket_and_one_letter_off_in_brackets(string line, string? procedure)
    {
        var record = Extract(Line("個人情報保護管理運営会議付議事項"), Table(("件名", "外部結合について")), Line(line), Sheet);

        Assert.Equal(procedure, record.Procedure);
    }

    [Fact]
    public void A_heading_whose_諮_was_misread_is_still_the_consultation_and_report_heading()
    {
        var record = Extract(Line("情報公開・個人情報保護審議会語問・報告事項"), Table(("件名", "外部結合について")), Sheet);

        Assert.Equal("情報公開・個人情報保護審議会", record.Council);
        Assert.Equal("諮問・報告事項", record.DocumentKind);
    }

    [Fact]
    public void On_a_recognised_line_the_title_label_may_run_into_the_title()
    {
        var record = Extract(Line("個人情報保護管理運営会議付議事項"), Line("件名道路台帳の更新に係る業務委託について"), Sheet);

        Assert.Equal("道路台帳の更新に係る業務委託について", record.Title);
    }
}
