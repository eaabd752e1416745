using Ingest.Core.Records;
using Ingest.Web.Catalog;
using Ingest.Web.Pages;

namespace Ingest.Web.Tests;

/// <summary>The record page marks each field of a scan that carries a review mark, with its reason, and no other field.</summary>
public sealed class OcrReviewPageTests
{
    private static SubmissionRecord Scanned(params ReviewMark[] review) => new()
    {
        Source = new SourceInfo { Path = "scans/kokuho.pdf", Sha256 = new string('a', 64), Format = "pdf", Ocr = true, OcrConfidence = 0.91 },
        Title = "国民健康保険給付事務における外部結合について",
        Sheets =
        [
            new SheetRecord
            {
                Type = "外部結合",
                Fields = new Dictionary<string, string> { ["結合の相手方"] = "東京都<国保連>", ["結合する理由"] = "把握するため。" },
                Review = review,
            },
        ],
    };

    [Fact]
    public void A_field_with_a_review_mark_says_OCR_please_check_and_why()
    {
        var record = Scanned(new ReviewMark { Field = "結合する理由", Reason = "low OCR confidence 0.81" },
            new ReviewMark { Field = "結合の相手方", Reason = "label corrected from 結合の<相乎>方" });
        var body = RecordPage.Render(record, CatalogSnapshot.Build([record])).ToString();

        Assert.Contains("<th scope=\"row\">結合する理由 <span class=\"badge ocr\">OCR — please check</span><span class=\"written\">low OCR confidence 0.81</span></th>", body);
        // The reason quotes the scan's text: escaped.
        Assert.Contains("label corrected from 結合の&lt;相乎&gt;方", body);
    }

    [Fact]
    public void Fields_without_a_mark_are_not_flagged()
    {
        var record = Scanned();
        var body = RecordPage.Render(record, CatalogSnapshot.Build([record])).ToString();

        Assert.DoesNotContain("badge ocr", body);
    }
}
