using System.Text;
using Ingest.Core.Records;
using Ingest.Core.Records.Renditions;
using Ingest.Reports.Export;
using Ingest.Reports.Labels;
using Ingest.Reports.Renewals;
using Ingest.Reports.Tests.Support;
using static Ingest.Reports.Tests.Support.Build;

namespace Ingest.Reports.Tests;

/// <summary>
/// Nothing renewal-critical is silently unknown: an arrangement whose partner or period label was not recognised is 要確認
/// with the reason naming the label, in every format, and counted wherever a format has a summary.
/// </summary>
public sealed class ReviewTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 22);

    private static IReadOnlyList<SubmissionRecord> LabelCorpus() =>
        Corpus.ExtractAll(Path.Combine(AppContext.BaseDirectory, "corpus", "labels"));

    private static RenewalReport Report(IEnumerable<SubmissionRecord> records) =>
        RenewalReportBuilder.Build(records, new RenewalQuery { AsOf = AsOf });

    private const string Reason = "partner label not recognised: 配布協力団体; period label not recognised: 実施予定";

    [Fact]
    public void An_outsourcing_whose_partner_and_period_labels_are_unknown_needs_review_naming_them()
    {
        var report = Report(LabelCorpus());
        var row = report.Rows.Single(r => r.Path.EndsWith("kuhou_haifu_itaku_review.txt", StringComparison.Ordinal));
        Assert.Equal(ArrangementStatus.NeedsReview, row.Status);
        Assert.Equal(Reason, row.Evidence);
        Assert.False(row.NeedsRenewal);
        Assert.Single(report.NeedingReview);
        // The two documents worded by other sections are read: no review needed.
        Assert.Equal(ArrangementStatus.NeedsRenewal, report.Rows.Single(r => r.Path.Contains("h22_", StringComparison.Ordinal)).Status);
        Assert.Equal(ArrangementStatus.Ended, report.Rows.Single(r => r.Path.Contains("r04_", StringComparison.Ordinal)).Status);
        // Review rows come right after those that need renewal.
        Assert.Equal([ArrangementStatus.NeedsRenewal, ArrangementStatus.NeedsReview, ArrangementStatus.Ended], report.Rows.Select(r => r.Status));
    }

    [Fact]
    public void Every_format_shows_the_status_and_reason_and_those_with_a_summary_count_it()
    {
        var report = Report(LabelCorpus());
        // The calendar holds due dates only: a row under review without a period has none (a due one is in it, below).
        foreach (var writer in ReportWriters.All.Where(w => !w.IsBinary && w is not IcsReportWriter))
        {
            using var stream = new MemoryStream();
            writer.Write(report, stream);
            var text = Encoding.UTF8.GetString(stream.ToArray());
            Assert.Contains(writer.Format == "json" ? "\"needsReview\"" : "要確認", text);
            // The terminal table cuts long cells; every other format carries the whole reason.
            Assert.Contains(writer.Format == "table" ? "partner label not recognised" : Reason, text);
            if (writer.Format is "table" or "md" or "html")
                Assert.Contains("要更新 1 件 / 要確認 1 件 / 全 3 件", text);
        }
    }

    [Fact]
    public void A_due_arrangement_without_a_partner_stays_due_while_under_review()
    {
        var annual = Period("令和8年4月1日から令和9年3月31日まで(次年度以降も同様に行う。)", D(2026, 4, 1), D(2027, 3, 31), Recurrence.Annual, "次年度以降も同様に行う");
        var record = Submission("a.txt", 2026, "委託", [Sheet("委託", "広報課", "区報配布事務", "委託について", annual)]);
        var row = Assert.Single(Report([record]).Rows);
        Assert.Equal(ArrangementStatus.NeedsReview, row.Status);
        Assert.True(row.NeedsRenewal);
        Assert.Equal(D(2027, 3, 31), row.NextDue);
        Assert.Equal("no partner found (次年度以降も同様に行う)", row.Evidence);
    }

    [Fact]
    public void A_due_arrangement_under_review_is_in_the_calendar_saying_so()
    {
        var annual = Period("令和8年4月1日から令和9年3月31日まで(次年度以降も同様に行う。)", D(2026, 4, 1), D(2027, 3, 31), Recurrence.Annual, "次年度以降も同様に行う");
        var record = Submission("a.txt", 2026, "委託", [Sheet("委託", "広報課", "区報配布事務", "委託について", annual)]);
        using var stream = new MemoryStream();
        new IcsReportWriter().Write(Report([record]), stream);
        var ics = Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20270331", ics);
        Assert.Contains(@"状態: 要確認\n", ics);
    }

    [Fact]
    public void Ended_and_replaced_arrangements_need_no_review()
    {
        var ended = Period("平成30年6月1日から平成31年3月31日まで", D(2018, 6, 1), D(2019, 3, 31), Recurrence.None, "平成31年3月31日まで");
        var row = Assert.Single(Report([Submission("h30.txt", 2018, "委託", [Sheet("委託", "健康づくり課", "健診", "委託について", ended)])]).Rows);
        Assert.Equal(ArrangementStatus.Ended, row.Status);
    }

    [Fact]
    public void Label_usage_lists_unknown_labels_first_with_counts_and_examples()
    {
        var records = LabelCorpus();
        var usage = LabelUsage.From(records);
        Assert.Equal(3, usage.Sheets);
        Assert.Equal(0, usage.SheetsWithoutLabels);
        Assert.Equal(["実施予定", "配布協力団体"], usage.Labels.TakeWhile(l => l.How == LabelHow.Unknown).Select(l => l.Label).Order(StringComparer.Ordinal));
        var period = usage.Labels.Single(l => l.Label == "実施予定");
        Assert.Equal(("委託", 1, "実施予定"), (period.SheetKind, period.Count, period.Field));
        Assert.Equal(["kuhou_haifu_itaku_review.txt"], period.Examples);
        var inferred = usage.Labels.Where(l => l.How == LabelHow.Inferred).ToList();
        Assert.Equal(inferred.OrderBy(l => l.Confidence).Select(l => l.Label), inferred.Select(l => l.Label)); // least sure first
        Assert.Equal("結合の相手方", usage.Labels.Single(l => l.Label == "接続する相手機関").Field);
        Assert.Equal(1, LabelUsage.From([records[0] with { Sheets = [records[0].Sheets[0] with { Labels = new Dictionary<string, LabelMapping>() }] }]).SheetsWithoutLabels);
    }

    [Fact]
    public void Label_usage_counts_a_submission_filed_in_two_formats_once_and_keeps_each_files_labels()
    {
        // Only submissions the rendition rule can match (a record with neither year nor 資料番号 stays alone by design).
        var records = LabelCorpus().Where(record => RenditionRule.IdentityOf(record) is not null).ToList();
        Assert.NotEmpty(records);
        var once = LabelUsage.From(records);
        // The same submissions again as PDFs: their sheets are the same sheets, and a label only the PDF was written with still shows.
        var pdfs = records.Select(record => record with
        {
            Source = record.Source with { Path = Path.ChangeExtension(record.Source.Path, ".pdf"), Sha256 = "pdf-" + record.Source.Sha256, Format = "pdf" },
            Sheets = [.. record.Sheets.Select(sheet => sheet with { Labels = new Dictionary<string, LabelMapping>(sheet.Labels) { ["ＰＤＦだけの見出し"] = new LabelMapping { Field = "unknown", How = LabelHow.Unknown } } })],
        }).ToList();
        var twice = LabelUsage.From([.. records, .. pdfs]);
        Assert.Equal(once.Sheets, twice.Sheets);
        Assert.Equal(once.Labels.Select(l => (l.Label, l.Count)), twice.Labels.Where(l => l.Label != "ＰＤＦだけの見出し").Select(l => (l.Label, l.Count)));
        Assert.Equal(once.Sheets, twice.Labels.Where(l => l.Label == "ＰＤＦだけの見出し").Sum(l => l.Count));
        var label = twice.Labels.First(l => l.Label != "ＰＤＦだけの見出し");
        Assert.Contains(label.Examples, file => file.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.Contains(label.Examples, file => file.EndsWith(".txt", StringComparison.Ordinal));
    }
}
