using Ingest.Core.Records;
using Ingest.Extraction.Labels;

namespace Ingest.Extraction.Tests.Corpus;

/// <summary>
/// corpus/labels: submissions worded as another section and another era word the same forms — the partner label of a
/// 外部結合 sheet, the period labels of both kinds, the items label and every measures label of a 委託 sheet are none of
/// them in the catalogue. Each is recognised by its meaning (how: inferred), and the values that depend on them (partner,
/// period, fiscal year) come out.
/// </summary>
public sealed class LabelCorpusTests
{
    [Fact]
    public void Heisei_linkage_of_another_section_in_Shift_JIS()
    {
        var r = TestFiles.ExtractOne(TestFiles.LabelCorpus("h22_kouki_koureisha_gaibu_ketsugo.sjis.txt"));
        Assert.Equal("shift_jis", r.Source.Encoding);
        Assert.Equal("福祉部高齢者医療担当課", r.Department);
        // No fiscal year in the path: it comes from the period, which only an inferred label holds.
        Assert.Equal(2010, r.FiscalYear);

        var sheet = Assert.Single(r.Sheets);
        Assert.Equal("外部結合", sheet.Type);
        Assert.Equal(
            ["保有課", "登録業務の名称", "結合される情報項目", "結合の相手方", "結合する理由", "結合の形態", "結合の開始時期と期間", "情報保護対策"],
            sheet.Fields.Keys);
        Assert.Equal("高齢者医療担当課", sheet.Fields["保有課"]);
        Assert.Equal("後期高齢者医療事務", sheet.Fields["登録業務の名称"]);
        Assert.Equal("1 対象者 区内に住所を有する後期高齢者医療制度の被保険者 2 記録項目 氏名、住所、生年月日、被保険者番号、保険料額", sheet.Fields["結合される情報項目"]);
        Assert.Equal("総合行政ネットワーク(LGWAN)の専用回線により暗号化した通信を行う。", sheet.Fields["結合の形態"]);
        Assert.Equal("1 接続先を広域連合の標準システムに限定する。 2 送受信するデータは暗号化する。 3 端末の操作者をID及びパスワードで限定する。", sheet.Fields["情報保護対策"]);
        Assert.Equal(["東京都後期高齢者医療広域連合"], sheet.Partners);
        Assert.Equal(new DateOnly(2010, 10, 1), sheet.Period!.Start);
        Assert.Equal(new DateOnly(2011, 3, 31), sheet.Period.End);
        Assert.Equal(Recurrence.Annual, sheet.Period.Recurrence);

        AssertInferred(sheet, "接続する相手機関", "結合の相手方");
        AssertInferred(sheet, "外部結合の実施期間", "結合の開始時期と期間");
        AssertInferred(sheet, "外部結合に係る記録項目(対象者及び項目)", "結合される情報項目");
        AssertInferred(sheet, "講ずべき安全確保措置", "情報保護対策");
        AssertInferred(sheet, "個人情報を保有する課", "保有課");
        Assert.DoesNotContain(sheet.Labels.Values, m => m.How == LabelHow.Unknown);
    }

    [Fact]
    public void Reiwa_outsourcing_in_a_pdf_text_dump_with_labels_wrapped_over_lines()
    {
        var r = TestFiles.ExtractOne(TestFiles.LabelCorpus("r04_hoikuryou_tsuchi_itaku.txt"));
        Assert.Equal("資料21", r.DocumentNumber);
        Assert.Equal("子ども家庭部保育課", r.Department);
        Assert.Equal(2022, r.FiscalYear);

        var sheet = Assert.Single(r.Sheets);
        Assert.Equal("委託", sheet.Type);
        Assert.Equal(
            ["保有課", "登録業務の名称", "委託先", "委託に伴い事業者処理させる情報項目", "処理させる情報項目の記録媒体", "委託理由", "委託の内容",
             "委託の開始時期及び期限", "委託にあたり区が行う情報保護対策", "受託事業者に行わせる情報保護対策"],
            sheet.Fields.Keys);
        Assert.Equal(["株式会社みどり印刷"], sheet.Partners);
        Assert.Equal("1 対象者 認可保育所等を利用する児童の保護者 2 項目 保護者の氏名、住所、児童の氏名、保育料額", sheet.Fields["委託に伴い事業者処理させる情報項目"]);
        Assert.Equal("大量の通知書を短期間に正確に作成し発送するには、専用の設備と技術を要するため。", sheet.Fields["委託理由"]);
        Assert.Equal("1 個人情報取扱特記事項を契約書に付す。 2 作業の進み具合を作業日報で確認する。", sheet.Fields["委託にあたり区が行う情報保護対策"]);
        Assert.Equal("1 作業は受託者の施設内の入退室管理された区域で行わせる。 2 作業終了後、提供したデータを消去させ、消去証明書を提出させる。", sheet.Fields["受託事業者に行わせる情報保護対策"]);
        Assert.Equal(new DateOnly(2022, 6, 1), sheet.Period!.Start);
        Assert.Equal(new DateOnly(2022, 7, 29), sheet.Period.End);
        Assert.Equal(Recurrence.None, sheet.Period.Recurrence);

        AssertInferred(sheet, "業務の受託者", "委託先");
        AssertInferred(sheet, "委託期間(契約期間)", "委託の開始時期及び期限");
        // Wrapped over two lines each in the dump: 受託者に提供する個 / 人情報の項目, 区において講じる保護 / 措置.
        AssertInferred(sheet, "受託者に提供する個人情報の項目", "委託に伴い事業者処理させる情報項目");
        AssertInferred(sheet, "区において講じる保護措置", "委託にあたり区が行う情報保護対策");
        AssertInferred(sheet, "受託者に対して求める措置", "受託事業者に行わせる情報保護対策");
        Assert.All(sheet.Labels.Values, m => Assert.Equal(LabelHow.Inferred, m.How));
    }

    [Fact]
    public void Labels_no_rule_reads_stay_unknown_under_their_own_text_and_say_why()
    {
        var r = TestFiles.ExtractOne(TestFiles.LabelCorpus("kuhou_haifu_itaku_review.txt"));
        var sheet = Assert.Single(r.Sheets);
        Assert.Equal("委託", sheet.Type);
        Assert.Empty(sheet.Partners);
        Assert.Null(sheet.Period);
        Assert.Null(r.FiscalYear); // neither its name (no year in it) nor its period (not recognised) gives one
        Assert.Equal("社会福祉法人新宿さくら会", sheet.Fields["配布協力団体"]);
        Assert.Equal("令和8年4月1日から令和9年3月31日まで(次年度以降も同様に行う。)", sheet.Fields["実施予定"]);
        var period = sheet.Labels["実施予定"];
        Assert.Equal(new LabelMapping { Field = "実施予定", How = LabelHow.Unknown, Confidence = 0, Rule = period.Rule }, period);
        Assert.False(string.IsNullOrEmpty(period.Rule));
        Assert.Equal(LabelHow.Unknown, sheet.Labels["配布協力団体"].How);
        Assert.Contains("団体", sheet.Labels["配布協力団体"].Rule, StringComparison.Ordinal);
        Assert.Equal(LabelHow.Exact, sheet.Labels["委託理由"].How);
    }

    [Fact]
    public void A_staff_label_map_maps_what_no_rule_reads()
    {
        var map = LabelMap.FromRows([(2, ["実施予定", "委託", "委託の開始時期及び期限"]), (3, ["配布協力団体", "*", "委託先"])], "labels.csv");
        var pipeline = Ingest.Pipeline.IngestPipeline.Default.WithLabels(map);
        var r = Assert.Single(pipeline.ExtractFile(TestFiles.LabelCorpus("kuhou_haifu_itaku_review.txt")).Submissions);
        var sheet = Assert.Single(r.Sheets);
        Assert.Equal(["社会福祉法人新宿さくら会"], sheet.Partners);
        Assert.Equal(Recurrence.Annual, sheet.Period!.Recurrence);
        Assert.Equal(2026, r.FiscalYear);
        Assert.Equal(new LabelMapping { Field = "委託の開始時期及び期限", How = LabelHow.Exact, Confidence = 1, Rule = "labels.csv line 2" }, sheet.Labels["実施予定"]);
        Assert.Equal("labels.csv line 3", sheet.Labels["配布協力団体"].Rule);
    }

    private static void AssertInferred(SheetRecord sheet, string written, string field)
    {
        Assert.True(sheet.Labels.TryGetValue(written, out var mapping), $"no label {written}: {string.Join(", ", sheet.Labels.Keys)}");
        Assert.Equal(field, mapping.Field);
        Assert.Equal(LabelHow.Inferred, mapping.How);
        Assert.InRange(mapping.Confidence, LabelInference.AcceptThreshold, 1);
        Assert.False(string.IsNullOrEmpty(mapping.Rule));
        // Recognised by meaning, not because the catalogue was taught this wording.
        LabelCatalog.Sheets.Canonicalise(written, out var known);
        Assert.False(known, $"{written} is in the catalogue");
    }
}
