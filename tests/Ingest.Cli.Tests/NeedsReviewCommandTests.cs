using Ingest.Cli.Commands;
using Ingest.Core.Records;
using Ingest.Index.Store;

namespace Ingest.Cli.Tests;

/// <summary><c>ingest search --needs-review</c> lists the stored submissions with fields to check against their scans.</summary>
public sealed class NeedsReviewCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ingest-cli-review-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    private static SubmissionRecord Record(string path, char hash, bool ocr, params ReviewMark[] review) => new()
    {
        Source = new SourceInfo { Path = path, Sha256 = new string(hash, 64), Format = "pdf", Ocr = ocr ? true : null, OcrConfidence = ocr ? 0.87 : null },
        Title = "道路台帳の更新に係る業務委託について",
        Sheets = [new SheetRecord { Type = "委託", Fields = new Dictionary<string, string> { ["委託先"] = "株式会社黒松測量設計" }, Review = review.Length > 0 ? review : null }],
    };

    private void Store(params SubmissionRecord[] records)
    {
        using var store = IndexStore.Open(_directory);
        using var updater = store.OpenUpdater();
        foreach (var record in records)
            updater.Replace(record.Source.Path, record.Source.Sha256, [record]);
        updater.Commit();
    }

    [Fact]
    public void Lists_only_the_submissions_with_review_marks_and_each_marked_field()
    {
        Store(
            Record("/archive/typed.pdf", 'a', ocr: false),
            Record("/archive/clean-scan.pdf", 'b', ocr: true),
            Record("/archive/sealed-scan.pdf", 'c', ocr: true, new ReviewMark { Field = "委託先", Reason = "low OCR confidence 0.76" }));
        var output = new StringWriter();

        Assert.Equal(0, SearchCommand.ListNeedsReview(_directory, output, new StringWriter()));

        var text = output.ToString();
        Assert.Contains("/archive/sealed-scan.pdf: 道路台帳の更新に係る業務委託について (OCR mean confidence 0.87)", text);
        Assert.Contains("  委託/委託先: OCR — please check: low OCR confidence 0.76", text);
        Assert.DoesNotContain("clean-scan", text);
        Assert.DoesNotContain("typed", text);
        Assert.Contains("1 submission(s) to check", text);
    }

    [Fact]
    public void Says_none_and_exits_1_when_nothing_needs_review()
    {
        Store(Record("/archive/clean-scan.pdf", 'b', ocr: true));
        var output = new StringWriter();

        Assert.Equal(1, SearchCommand.ListNeedsReview(_directory, output, new StringWriter()));
        Assert.Contains("0 submission(s) to check", output.ToString());
    }
}
