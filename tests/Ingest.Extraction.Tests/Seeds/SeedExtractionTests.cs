using Ingest.Core.Records;

namespace Ingest.Extraction.Tests.Seeds;

/// <summary>The five seed submissions, field by field against what the documents say.</summary>
public sealed class SeedExtractionTests
{
    [Fact]
    public void Seed000_cover_overview_and_linkage()
    {
        var r = TestFiles.ExtractOne(TestFiles.Seed("000"));
        Assert.Equal("個人情報保護管理運営会議", r.Council);
        Assert.Equal("付議事項", r.DocumentKind);
        Assert.Null(r.Procedure);
        Assert.Equal("資料15", r.DocumentNumber);
        Assert.Equal("マイナンバーカードと在留カード等一体化に係る外部結合について", r.Title);
        Assert.Equal(new LegalBasis { Instrument = "要綱", Article = "第3条第1項第3号", Text = "外部結合" }, r.Basis);
        Assert.Equal("地域振興部戸籍住民課", r.Department);
        Assert.Equal(2026, r.FiscalYear);
        Assert.Equal(["事業名", "担当課", "目的", "対象者", "事業内容"], r.Overview.Keys);
        Assert.Equal("マイナンバーカードと在留カード等一体化に係る外部結合", r.Overview["事業名"]);
        Assert.StartsWith("1 概要 在留カード等と個人番号カードの一体化", r.Overview["事業内容"]);
        Assert.Empty(r.PriorApprovals);

        var sheet = Assert.Single(r.Sheets);
        Assert.Equal("外部結合", sheet.Type);
        Assert.Equal("マイナンバーカードと在留カード等の一体化に係る外部結合について", sheet.Title);
        Assert.Equal("戸籍住民課", sheet.Fields["保有課"]);
        Assert.Equal("個人番号の指定、通知カード及び個人番号カードに関する事務", sheet.Fields["登録業務の名称"]);
        Assert.Equal("出入国在留管理庁及び地方公共団体情報システム機構(J-LIS)", sheet.Fields["結合の相手方"]);
        Assert.Equal("J-LIS及び出入国在留管理庁とはLGWAN回線により通信を行う。", sheet.Fields["結合の形態"]);
        Assert.Equal("別紙チェックリストのとおり", sheet.Fields["情報保護対策"]);
        Assert.Equal(
            ["保有課", "登録業務の名称", "結合される情報項目", "結合の相手方", "結合する理由", "結合の形態", "結合の開始時期と期間", "情報保護対策"],
            sheet.Fields.Keys);
        Assert.Equal(["出入国在留管理庁", "地方公共団体情報システム機構"], sheet.Partners);
        Assert.Equal(["結合の相手方", "結合する理由"], sheet.ChangedFields);
        var period = sheet.Period!;
        Assert.Equal(new DateOnly(2026, 6, 14), period.Start);
        Assert.Equal(new DateOnly(2027, 3, 31), period.End);
        Assert.Equal(Recurrence.Annual, period.Recurrence);
        Assert.Null(period.FirstStarted);
    }

    [Fact]
    public void Seed000_checklists_one_item_per_measure()
    {
        var r = TestFiles.ExtractOne(TestFiles.Seed("000"));
        Assert.Equal(2, r.Checklists.Count);
        var ward = r.Checklists[0];
        Assert.Equal("外部結合にかかる個人情報保護対策チェックリスト", ward.Title);
        Assert.Equal(16, ward.Items.Count);
        Assert.All(ward.Items, i => Assert.Equal("区", i.Party));
        Assert.All(ward.Items, i => Assert.Equal("○", i.Mark));
        Assert.Equal(5, ward.Items.Count(i => i.Category == "運用上"));
        Assert.Equal(11, ward.Items.Count(i => i.Category == "システム上"));
        Assert.StartsWith("個人情報保護法及び新宿区情報セキュリティポリシーを遵守するよう指導する。また、", ward.Items[0].Text);
        Assert.Equal("システムを提供するサーバは日本国内の法が適用される安全性が確保された環境にする。", ward.Items[^1].Text);

        var partner = r.Checklists[1];
        Assert.All(partner.Items, i => Assert.Equal("結合先", i.Party));
        // The last row holds two measures on one line: they are two items.
        Assert.Equal(16, partner.Items.Count);
        Assert.Equal("入退室管理等により情報資産の危殆化を防止させる。", partner.Items[^2].Text);
        Assert.Equal("システムを提供するサーバは日本国内の法が適用される安全性が確保された環境にさせる。", partner.Items[^1].Text);
        // A measure's own second sentence stays with it.
        Assert.Contains(partner.Items, i => i.Text.EndsWith("取得したログは、定期的に分析させる。", StringComparison.Ordinal));
    }

    [Fact]
    public void Seed001_report_with_prior_approval_and_ongoing_period()
    {
        var r = TestFiles.ExtractOne(TestFiles.Seed("001"));
        Assert.Equal("情報公開・個人情報保護審議会", r.Council);
        Assert.Equal("諮問・報告事項", r.DocumentKind);
        Assert.Equal("報告", r.Procedure);
        Assert.Equal("住民基本台帳事務等における法務省との情報連携に係る外部結合について(相手先の変更)", r.Title);
        Assert.Equal(new LegalBasis { Instrument = "条例", Article = "第17条第4項", Text = "法令の定めに基づき外部電子計算機との結合をしたとき" }, r.Basis);
        Assert.Equal("地域振興部戸籍住民課", r.Department);
        Assert.Equal("資料7", r.DocumentNumber);
        Assert.Equal(2019, r.FiscalYear);
        var approval = Assert.Single(r.PriorApprovals);
        Assert.Equal((2011, 7), (approval.FiscalYear, approval.Session));

        var sheet = Assert.Single(r.Sheets);
        Assert.Equal("外部結合", sheet.Type);
        Assert.Equal("住民基本台帳事務等における法務省との情報連携に係る外部結合について(相手先の変更)", sheet.Title);
        Assert.Equal(["出入国在留管理庁長官"], sheet.Partners);
        Assert.Equal("平成31年4月1日から(以降、同様の外部結合を行う。)", sheet.Fields["結合の開始時期と期間"]);
        Assert.Equal(new DateOnly(2019, 4, 1), sheet.Period!.Start);
        Assert.Null(sheet.Period.End);
        Assert.Equal(Recurrence.Ongoing, sheet.Period.Recurrence);
        // The row with an empty label continues 情報保護対策.
        Assert.Contains("5 職員が情報連携端末を使用する際は", sheet.Fields["情報保護対策"]);
        Assert.EndsWith("定期的に指導する。", sheet.Fields["情報保護対策"]);
        Assert.Empty(r.Checklists);
    }

    [Fact]
    public void Seed002_pdf_text_dump_with_wrapped_labels()
    {
        var r = TestFiles.ExtractOne(TestFiles.Seed("002"));
        Assert.Equal("資料40", r.DocumentNumber);
        Assert.Equal("個人情報保護管理運営会議", r.Council);
        Assert.Equal("付議事項", r.DocumentKind);
        Assert.Equal("マイナンバーカード特急発行に係る外部結合等について", r.Title);
        Assert.Equal(new LegalBasis { Instrument = "要綱", Article = "第3条第1項第3号", Text = "電算処理、外部結合" }, r.Basis);
        Assert.Equal("地域振興部戸籍住民課", r.Department);
        Assert.Equal(2024, r.FiscalYear);
        Assert.Equal((2019, 6), (r.PriorApprovals.Single().FiscalYear, r.PriorApprovals.Single().Session));
        Assert.Equal("マイナンバーカード特急発行", r.Overview["事業名"]);
        Assert.Equal("戸籍住民課", r.Overview["担当課"]);
        Assert.Equal("マイナンバーカードの交付に要する期間の短縮することで、申請者の負担軽減及び利便性の向上を図る。", r.Overview["目的"]);

        Assert.Equal(["電算処理", "外部結合"], r.Sheets.Select(s => s.Type));
        var computing = r.Sheets[0];
        Assert.Equal("マイナンバーカード特急発行に係るシステムの開発について", computing.Title);
        Assert.Equal(
            ["保有課", "登録業務の名称", "記録される情報項目", "新規開発・追加・変更の理由", "新規開発・追加・変更の内容", "開発等を委託する場合における個人情報保護対策", "新規開発・追加・変更の時期"],
            computing.Fields.Keys);
        Assert.Equal("戸籍住民課", computing.Fields["保有課"]);
        Assert.Contains("電子証明書希望有無", computing.Fields["記録される情報項目"]);
        Assert.Equal("別紙チェックリストのとおり", computing.Fields["開発等を委託する場合における個人情報保護対策"]);

        var linkage = r.Sheets[1];
        Assert.Equal("マイナンバーカード特急発行に係る外部結合について", linkage.Title);
        Assert.Equal("地方公共団体情報システム機構(J-LIS)", linkage.Fields["結合の相手方"]);
        Assert.Equal(["地方公共団体情報システム機構"], linkage.Partners);
        Assert.Equal("インターネット回線(暗号化通信)を用いて情報項目の送信を行う", linkage.Fields["結合の形態"]);
        Assert.Equal("別紙チェックリストのとおり", linkage.Fields["情報保護対策"]);
        Assert.Equal(new DateOnly(2024, 12, 2), linkage.Period!.Start);
        Assert.Equal(Recurrence.Annual, linkage.Period.Recurrence);
    }

    [Fact]
    public void Seed002_checklists_take_their_title_printed_after_the_items()
    {
        var r = TestFiles.ExtractOne(TestFiles.Seed("002"));
        Assert.Equal(4, r.Checklists.Count);
        Assert.Equal(["区", "委託先", "区", "結合先"], r.Checklists.Select(c => c.Items[0].Party));
        Assert.StartsWith("電算処理にかかる", r.Checklists[0].Title);
        Assert.StartsWith("外部結合にかかる", r.Checklists[3].Title);
        Assert.All(r.Checklists, c => Assert.True(c.Items.Count >= 15, $"{c.Title}: {c.Items.Count}"));
        Assert.Contains(r.Checklists[0].Items, i => i.Text == "入力及び取込みテストにおいては、ダミーデータを使うよう指導する。");
    }

    [Fact]
    public void Seed003_delegation_and_outsourcing_sheets()
    {
        var r = TestFiles.ExtractOne(TestFiles.Seed("003"));
        Assert.Equal("報告", r.Procedure);
        Assert.Equal("通知カード・個人番号カード関連事務の委任等について(情報項目の追加)", r.Title);
        Assert.Equal(new LegalBasis { Instrument = "条例", Article = "第14条第1項", Text = "業務委託、再委託" }, r.Basis);
        Assert.Equal("資料26", r.DocumentNumber);
        Assert.Equal(2019, r.FiscalYear);
        Assert.Equal((2014, 6), (r.PriorApprovals.Single().FiscalYear, r.PriorApprovals.Single().Session));

        Assert.Equal(["委任", "委託"], r.Sheets.Select(s => s.Type));
        var delegation = r.Sheets[0];
        Assert.Equal("通知カード・個人番号カード関連事務の委任について(情報項目の追加)", delegation.Title);
        Assert.Equal(["地方公共団体情報システム機構"], delegation.Partners);
        Assert.Equal(new DateOnly(2019, 11, 5), delegation.Period!.Start);
        Assert.Equal(new DateOnly(2020, 3, 31), delegation.Period.End);
        Assert.Equal(Recurrence.Annual, delegation.Period.Recurrence);
        Assert.Equal(new DateOnly(2015, 1, 30), delegation.Period.FirstStarted);
        Assert.Contains("委任先に行わせる情報保護対策", delegation.Fields.Keys);
        Assert.Contains("ウイルス感染を防止する。", delegation.Fields["委任にあたり区が行う情報保護対策"]);

        var outsourcing = r.Sheets[1];
        Assert.Equal("委託", outsourcing.Type);
        Assert.Contains("株式会社エヌ・ティ・ティ・データ", outsourcing.Partners);
        Assert.Contains("凸版印刷株式会社", outsourcing.Partners);
        Assert.Equal("地方公共団体情報システム機構", outsourcing.Partners[0]);
        Assert.Contains("受託事業者に行わせる情報保護対策", outsourcing.Fields.Keys);
        Assert.Equal(Recurrence.Annual, outsourcing.Period!.Recurrence);
    }

    [Fact]
    public void Seed004_consultation_with_marked_changes()
    {
        var r = TestFiles.ExtractOne(TestFiles.Seed("004"));
        Assert.Equal("諮問", r.Procedure);
        Assert.Equal(new LegalBasis { Instrument = "条例", Article = "第17条第1項第4号", Text = "外部電子計算機の結合" }, r.Basis);
        Assert.Equal("マイナポータルびったり電子申請サービスの利用に係る外部結合について(手続の追加)", r.Title);
        Assert.Equal("資料23", r.DocumentNumber);
        Assert.Equal(2022, r.FiscalYear);
        Assert.Equal((2021, 9), (r.PriorApprovals.Single().FiscalYear, r.PriorApprovals.Single().Session));

        var sheet = Assert.Single(r.Sheets);
        Assert.Equal("外部結合", sheet.Type);
        Assert.Equal(["地方公共団体情報システム機構"], sheet.Partners);
        Assert.Equal(["結合される情報項目", "結合の開始時期と期間", "情報保護対策"], sheet.ChangedFields);
        Assert.Equal(new DateOnly(2023, 2, 6), sheet.Period!.Start);
        Assert.Equal(Recurrence.Annual, sheet.Period.Recurrence);
        Assert.Equal(new DateOnly(2022, 3, 1), sheet.Period.FirstStarted);
        // The markdown row with an empty label continues 情報保護対策.
        Assert.Contains("7 利用者に交付される電子証明書", sheet.Fields["情報保護対策"]);
        Assert.DoesNotContain("<p>", sheet.Fields["情報保護対策"]);
    }
}
