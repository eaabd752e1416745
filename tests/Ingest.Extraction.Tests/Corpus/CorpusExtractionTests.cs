using Ingest.Core.Records;

namespace Ingest.Extraction.Tests.Corpus;

/// <summary>
/// Documents of the same family the extractor was not written against: other departments and partners, 平成 dates,
/// the 及び期間 / 及び期限 label variants, Shift_JIS and EUC-JP, markdown tables, a packet of two submissions.
/// </summary>
public sealed class CorpusExtractionTests
{
    [Fact]
    public void ShiftJis_health_insurance_linkage_of_another_department()
    {
        var result = Ingest.Pipeline.IngestPipeline.Default.ExtractFile(TestFiles.Corpus("kokuho_gaibu_ketsugo.sjis.txt"));
        Assert.Equal("shift_jis", result.Submissions.Single().Source.Encoding);
        var r = result.Submissions.Single();
        Assert.Equal("情報公開・個人情報保護審議会", r.Council);
        Assert.Equal("諮問", r.Procedure);
        Assert.Equal("健康部医療保険年金課", r.Department);
        Assert.Equal(new LegalBasis { Instrument = "条例", Article = "第17条第1項第4号", Text = "外部電子計算機の結合" }, r.Basis);
        Assert.Equal(2017, r.FiscalYear);
        Assert.Equal("高額療養費の支給申請勧奨", r.Overview["事業名"]);

        var sheet = Assert.Single(r.Sheets);
        Assert.Equal("外部結合", sheet.Type);
        Assert.Equal("医療保険年金課", sheet.Fields["保有課"]);
        Assert.Equal(["東京都国民健康保険団体連合会"], sheet.Partners);
        // The 及び期間 variant maps to the canonical label.
        Assert.Equal("平成29年4月1日から平成30年3月31日まで(次年度以降も同様の外部結合を行う。)", sheet.Fields["結合の開始時期と期間"]);
        Assert.Equal(new DateOnly(2017, 4, 1), sheet.Period!.Start);
        Assert.Equal(new DateOnly(2018, 3, 31), sheet.Period.End);
        Assert.Equal(Recurrence.Annual, sheet.Period.Recurrence);
        Assert.Equal("1 専用回線を利用し、特定相手以外との通信は不可とする。 2 送受信する情報は暗号化する。", sheet.Fields["情報保護対策"]);
    }

    [Fact]
    public void Road_survey_outsourcing_of_a_works_department()
    {
        var r = TestFiles.ExtractOne(TestFiles.Corpus("kuromatsu_sokuryou_itaku.txt"));
        Assert.Equal("資料23", r.DocumentNumber);
        Assert.Equal("報告", r.Procedure);
        Assert.Equal("みどり土木部道路課", r.Department);
        Assert.Equal(new LegalBasis { Instrument = "要綱", Article = "第3条第1項第1号", Text = "業務委託" }, r.Basis);
        Assert.Equal(2025, r.FiscalYear);
        var sheet = Assert.Single(r.Sheets);
        Assert.Equal("委託", sheet.Type);
        Assert.Equal(["株式会社黒松測量設計"], sheet.Partners);
        Assert.Equal(new DateOnly(2026, 2, 27), sheet.Period!.End);
        Assert.Equal(Recurrence.None, sheet.Period.Recurrence);
    }

    [Fact]
    public void EucJp_markdown_outsourcing_with_one_off_period()
    {
        var r = TestFiles.ExtractOne(TestFiles.Corpus("jidou_teate_itaku.eucjp.md"));
        Assert.Equal("euc-jp", r.Source.Encoding);
        Assert.Equal("個人情報保護管理運営会議", r.Council);
        Assert.Equal("報告", r.Procedure);
        Assert.Equal("児童手当の現況届電子申請に係る業務委託について", r.Title);
        Assert.Equal("子ども家庭部子ども家庭課", r.Department);
        Assert.Equal("受給者の負担軽減を図るため。", r.Overview["目的"]);
        Assert.Equal((2015, 4), (r.PriorApprovals.Single().FiscalYear, r.PriorApprovals.Single().Session));
        Assert.Equal(2016, r.FiscalYear);

        var sheet = Assert.Single(r.Sheets);
        Assert.Equal("委託", sheet.Type);
        Assert.Equal(["株式会社ABC情報サービス", "株式会社さくらデータ"], sheet.Partners);
        Assert.Equal(["委託に伴い事業者処理させる情報項目"], sheet.ChangedFields);
        Assert.Equal("作業は区が指定する場所で行わせる。 作業終了後はデータを消去させ、報告させる。", sheet.Fields["受託事業者に行わせる情報保護対策"]);
        Assert.Equal(new DateOnly(2016, 7, 29), sheet.Period!.End);
        Assert.Equal(Recurrence.None, sheet.Period.Recurrence);
    }

    [Fact]
    public void Packet_of_two_submissions_in_a_pdf_text_dump()
    {
        var records = TestFiles.Extract(TestFiles.Corpus("juki_packet.txt"));
        Assert.Equal(2, records.Count);

        var first = records[0];
        Assert.Equal("資料12", first.DocumentNumber);
        Assert.Equal("住民基本台帳ネットワークシステムを利用した本人確認情報の提供に係る外部結合について", first.Title);
        Assert.Equal("区民部区民課", first.Department);
        Assert.Equal("住民の本人確認を効率的に行うため。", first.Overview["目的"]);
        Assert.Equal(2025, first.FiscalYear);
        var linkage = Assert.Single(first.Sheets);
        Assert.Equal("外部結合", linkage.Type);
        // 機構 is J-LIS here because the document defines it so.
        Assert.Equal(["地方公共団体情報システム機構"], linkage.Partners);
        Assert.Equal("住民基本台帳法に基づき、本人確認情報を機構へ通知するため。", linkage.Fields["結合する理由"]);
        Assert.Equal(Recurrence.Ongoing, linkage.Period!.Recurrence);
        Assert.Equal("1 専用回線を利用し、特定相手以外との通信は不可とする。 2 送受信する情報は暗号化する。", linkage.Fields["情報保護対策"]);

        var second = records[1];
        Assert.Equal("資料13", second.DocumentNumber);
        Assert.Equal("情報公開・個人情報保護審議会", second.Council);
        Assert.Equal("報告", second.Procedure);
        Assert.Equal("文化観光産業部中央図書館", second.Department);
        var reuse = Assert.Single(second.Sheets);
        // An uncatalogued kind keeps its own labels.
        Assert.Equal("目的外利用", reuse.Type);
        Assert.Equal("利用者の氏名、住所、電話番号", reuse.Fields["目的外利用する情報項目"]);
        Assert.Equal("災害時の安否確認のため。", reuse.Fields["目的外利用する理由"]);
        Assert.Equal("令和7年10月1日から", reuse.Fields["目的外利用の開始時期"]);
    }
}
