using Ingest.Cli.Commands;
using Ingest.Core.Records;

namespace Ingest.Cli.Tests;

/// <summary><c>show</c> and <c>extract</c> print OCR — please check under each field of a scan that carries a review mark.</summary>
public sealed class OcrReviewSummaryTests
{
    [Fact]
    public void Each_marked_field_is_followed_by_its_reason()
    {
        var record = new SubmissionRecord
        {
            Source = new SourceInfo { Path = "scan.pdf", Sha256 = new string('b', 64), Format = "pdf", Ocr = true, OcrConfidence = 0.9 },
            Sheets =
            [
                new SheetRecord
                {
                    Type = "委託",
                    Fields = new Dictionary<string, string> { ["委託先"] = "株式会社黒松測量設計", ["委託理由"] = "専門的な技術を要するため。" },
                    Review = [new ReviewMark { Field = "委託理由", Reason = "low OCR confidence 0.76" }],
                },
            ],
        };
        var output = new StringWriter();
        RecordSummary.Write([record], output);

        var lines = output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var field = lines.FindIndex(l => l.Contains("委託理由: 専門的な技術を要するため。", StringComparison.Ordinal));
        Assert.True(field > 0);
        Assert.Equal("        OCR — please check: low OCR confidence 0.76", lines[field + 1]);
        Assert.Single(lines, l => l.Contains("please check: low", StringComparison.Ordinal));
    }
}
