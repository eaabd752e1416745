using Ingest.Core.Records;
using Ingest.Extraction.Labels;

namespace Ingest.Extraction.Tests.Labels;

/// <summary>A stored record's labels mapped again without its source file (ingest reindex when the source is gone).</summary>
public sealed class RemapTests
{
    [Fact]
    public void A_new_label_map_renames_fields_and_reads_partner_period_and_fiscal_year_again()
    {
        var stored = TestFiles.ExtractOne(TestFiles.LabelCorpus("kuhou_haifu_itaku_review.txt"));
        Assert.Null(stored.FiscalYear);
        var map = LabelMap.FromRows([(2, ["実施予定", "委託", "委託の開始時期及び期限"]), (3, ["配布協力団体", "委託", "委託先"])], "labels.csv");

        var remapped = new SubmissionExtractor(new ExtractionOptions { Labels = map }).Remap(stored);

        var sheet = Assert.Single(remapped.Sheets);
        Assert.Equal(["社会福祉法人新宿さくら会"], sheet.Partners);
        Assert.Equal(new DateOnly(2026, 4, 1), sheet.Period!.Start);
        Assert.Equal(2026, remapped.FiscalYear);
        Assert.Equal("令和8年4月1日から令和9年3月31日まで(次年度以降も同様に行う。)", sheet.Fields["委託の開始時期及び期限"]);
        Assert.False(sheet.Fields.ContainsKey("実施予定"));
        Assert.Equal(LabelHow.Exact, sheet.Labels["実施予定"].How);
        // Everything else is as extracted.
        Assert.Equal(stored.Sheets[0].Fields["委託理由"], sheet.Fields["委託理由"]);
        Assert.Equal(stored with { Sheets = remapped.Sheets, FiscalYear = remapped.FiscalYear }, remapped);
    }

    [Fact]
    public void A_record_stored_before_labels_were_recorded_is_taken_from_its_field_names()
    {
        var stored = TestFiles.ExtractOne(TestFiles.LabelCorpus("kuhou_haifu_itaku_review.txt"));
        var old = stored with { Sheets = [stored.Sheets[0] with { Labels = new Dictionary<string, LabelMapping>() }] };
        var sheet = Assert.Single(new SubmissionExtractor().Remap(old).Sheets);
        Assert.Equal(stored.Sheets[0].Fields, sheet.Fields);
        Assert.Equal(LabelHow.Exact, sheet.Labels["委託理由"].How);
        Assert.Equal(LabelHow.Unknown, sheet.Labels["実施予定"].How);
    }
}
