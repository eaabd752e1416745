using System.Security.Cryptography;
using System.Text;
using Ingest.Core.Records;

namespace Ingest.Benchmarks;

/// <summary>
/// Deterministic synthetic submissions for index and search benchmarks: varied departments, partners, fiscal years and
/// sheet kinds, with the domain's ways of writing the same name (J-LIS / 地方公共団体情報システム機構 / a defined 機構,
/// LGWAN / 総合行政ネットワーク, マイナンバーカード / 個人番号カード), full-width letters and old character forms.
/// The same seed always yields the same records.
/// </summary>
public sealed class RecordGenerator(int seed = 20240401)
{
    private static readonly string[] _departments =
    [
        "地域振興部戸籍住民課", "福祉部生活福祉課", "健康部保健予防課", "子ども家庭部子ども家庭課", "総務部情報システム課",
        "税務部税務課", "区民部国保年金課", "教育委員会学校運営課", "都市計画部住宅課", "環境清掃部ごみ減量リサイクル課",
        "福祉部障害者福祉課", "健康部衛生課", "総務部総務課", "文化観光産業部消費者支援等担当課", "みどり土木部道路課",
    ];

    private static readonly (string Name, string[] Written)[] _partners =
    [
        ("地方公共団体情報システム機構", ["地方公共団体情報システム機構", "J-LIS", "Ｊ－ＬＩＳ", "地方公共団体情報システム機構（J-LIS）"]),
        ("出入国在留管理庁長官", ["出入国在留管理庁長官", "入管庁長官"]),
        ("東京都", ["東京都", "東京都福祉局"]),
        ("国民健康保険中央会", ["国民健康保険中央会"]),
        ("東京都国民健康保険団体連合会", ["東京都国民健康保険団体連合会", "国保連合会"]),
        ("日本年金機構", ["日本年金機構"]),
        ("デジタル庁", ["デジタル庁"]),
        ("総務大臣", ["総務大臣"]),
        ("株式会社エヌ・ティ・ティ・データ", ["株式会社エヌ・ティ・ティ・データ"]),
        ("凸版印刷株式会社", ["凸版印刷株式会社"]),
        ("株式会社日立システムズ", ["株式会社日立システムズ"]),
        ("富士通Japan株式会社", ["富士通Japan株式会社", "富士通Ｊａｐａｎ株式会社"]),
        ("日本電気株式会社", ["日本電気株式会社"]),
        ("社会福祉法人新宿区社会福祉協議会", ["社会福祉法人新宿区社会福祉協議会"]),
        ("公益財団法人新宿未来創造財団", ["公益財団法人新宿未来創造財団"]),
        ("株式会社DNPデータテクノ", ["株式会社DNPデータテクノ"]),
    ];

    private static readonly string[] _kinds = ["外部結合", "電算処理", "委任", "委託", "委託", "外部結合", "目的外利用", "外部提供"];

    private static readonly string[] _subjects =
    [
        "住民基本台帳事務", "個人番号カード交付事務", "マイナンバーカード特急発行", "国民健康保険資格管理", "児童手当認定事務",
        "介護保険給付事務", "生活保護システム", "税務証明書コンビニ交付", "転出・転入ワンストップ", "予防接種記録管理",
        "障害者手帳交付", "住居表示台帳", "選挙人名簿管理", "特別永住者証明書交付", "就学援助事務", "後期高齢者医療",
        "マイナポータルぴったりサービス", "マイナポータルびったり電子申請サービス", "戸籍附票システム", "図書館利用者管理",
    ];

    private static readonly string[] _items =
    [
        "氏名、生年月日、性別、住所", "個人番号、住民票コード", "顔写真、署名", "世帯構成、続柄", "所得額、課税額",
        "在留カード番号、在留資格、在留期間", "電話番号、メールアドレス", "口座番号", "障害等級、手帳番号", "受給資格、給付額",
        "旧氏、通称", "申請書ID、電子証明書希望有無",
    ];

    private static readonly string[] _networks =
    [
        "LGWAN回線を利用する。", "総合行政ネットワーク（LGWAN）を介して接続する。", "住基ネットの専用回線を利用する。",
        "住民基本台帳ネットワークシステムを利用する。", "インターネット回線を通じて専用サイトに接続する。",
        "専用線により接続する。", "ＬＧＷＡＮ回線を利用する。", "閉域網により接続する。",
    ];

    private static readonly string[] _measures =
    [
        "送受信する情報は暗号化により特定相手以外の解読を防ぐ。", "通信内容は暗号化し、通信途上の個人情報の盗用、改ざん、成りすましを防止する。",
        "暗号化通信を用い、通信経路上の漏えいを防止する。", "記録媒体は通信暗号化に対応した機器で取り扱う。",
        "端末は権限のある職員のみが操作できるよう生体認証を行う。", "操作ログを取得し、定期的に点検する。",
        "個人情報を記録した媒体は施錠できる保管庫に保管する。", "委託先には秘密保持契約を締結させる。",
        "業務終了後、データは速やかに消去させる。", "再委託は区の承認を得た場合に限る。",
        "窓口を經由して申請を受け付け、本人確認を厳格に行う。", "氣密性の高い保管庫を用いる。",
        "ウイルス対策ソフトを導入し、パターンファイルを常に最新に保つ。", "アクセス権限は必要最小限とする。",
    ];

    private static readonly string[] _reasons =
    [
        "法令の改正により情報連携が必要となったため。", "区民の負担軽減及び利便性の向上を図るため。",
        "事務の効率化を図るため。", "交付に要する期間を短縮するため。", "行政手続のオンライン化を推進するため。",
        "制度改正により情報項目を追加する必要が生じたため。",
    ];

    private readonly Random _random = new(seed);

    /// <summary>Generates <paramref name="count"/> submissions, each with its own synthetic file path and hash.</summary>
    public IEnumerable<SubmissionRecord> Generate(int count)
    {
        for (var i = 0; i < count; i++)
            yield return Next(i);
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];

    private SubmissionRecord Next(int number)
    {
        var year = 2005 + _random.Next(21);
        var subject = Pick(_subjects);
        var department = Pick(_departments);
        var sheetCount = 1 + _random.Next(3);
        var sheets = new List<SheetRecord>();
        var definesKikou = false;
        for (var s = 0; s < sheetCount; s++)
        {
            var kind = Pick(_kinds);
            var partner = Pick(_partners);
            definesKikou |= partner.Name == "地方公共団体情報システム機構" && _random.Next(3) == 0;
            sheets.Add(Sheet(kind, partner, subject, department, year, definesKikou));
        }
        var path = $"/archive/{year}/{department}/{number:D6}_{subject}.pdf";
        var purpose = definesKikou
            ? $"地方公共団体情報システム機構（以下「機構」という。）に委任して行わせている{subject}において、{Pick(_reasons)}"
            : $"{subject}について、{Pick(_reasons)}";
        return new SubmissionRecord
        {
            Source = new SourceInfo { Path = path, Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path))), Format = "pdf", Pages = 2 + sheetCount },
            Council = year >= 2023 ? "個人情報保護管理運営会議" : "情報公開・個人情報保護審議会",
            DocumentKind = year >= 2023 ? "付議事項" : "諮問・報告事項",
            Procedure = year >= 2023 ? null : (_random.Next(2) == 0 ? "諮問" : "報告"),
            DocumentNumber = $"資料{1 + _random.Next(60)}",
            Title = $"{subject}に係る{string.Join("・", sheets.Select(sheet => sheet.Type).Distinct())}について",
            Basis = new LegalBasis { Instrument = year >= 2023 ? "要綱" : "条例", Article = year >= 2023 ? "第3条第1項第3号" : "第17条第4項", Text = "法令の定めに基づき外部電子計算機との結合をしたとき" },
            Department = department,
            FiscalYear = year,
            Overview = new Dictionary<string, string>
            {
                ["事業名"] = subject,
                ["担当課"] = department[(department.IndexOf('部') + 1)..],
                ["目的"] = purpose,
                ["対象者"] = $"{Pick(["区民", "外国人住民", "転入者", "申請者", "受給者"])}のうち{Pick(["希望する者", "対象となる者", "申請を行う者"])}",
                ["事業内容"] = string.Join(" ", Enumerable.Range(0, 3 + _random.Next(4)).Select(_ => Pick(_reasons) + Pick(_measures) + Pick(_networks))),
            },
            Sheets = sheets,
            Checklists = _random.Next(2) == 0 ? [] :
            [
                new Checklist
                {
                    Title = "個人情報保護対策チェックリスト",
                    Items = [.. Enumerable.Range(0, 6).Select(_ => new ChecklistItem { Party = "区", Category = Pick(["運用上", "システム上"]), Mark = Pick(["○", "－"]), Text = Pick(_measures) })],
                },
            ],
        };
    }

    private SheetRecord Sheet(string kind, (string Name, string[] Written) partner, string subject, string department, int year, bool definesKikou)
    {
        var written = definesKikou && _random.Next(2) == 0 ? "機構" : Pick(partner.Written);
        var holder = department[(department.IndexOf('部') + 1)..];
        var fields = new Dictionary<string, string> { ["保有課"] = holder, ["登録業務の名称"] = subject + "に関する事務" };
        var measures = string.Join(" ", Enumerable.Range(0, 2 + _random.Next(4)).Select(i => $"{i + 1} {Pick(_measures)}"));
        var start = $"令和{Math.Max(1, year - 2018)}年{1 + _random.Next(12)}月{1 + _random.Next(28)}日";
        switch (kind)
        {
            case "外部結合":
                fields["結合される情報項目"] = $"1 対象者 {subject}の対象者 2 情報項目 {Pick(_items)}、{Pick(_items)}";
                fields["結合の相手方"] = written;
                fields["結合する理由"] = Pick(_reasons);
                fields["結合の形態"] = Pick(_networks);
                fields["結合の開始時期と期間"] = $"{start}から(次年度以降も同様の外部結合を行う。)";
                fields["情報保護対策"] = $"【運用上の対策】 {measures} 【システム上の対策】 {Pick(_measures)} {Pick(_networks)}";
                break;
            case "電算処理":
                fields["記録される情報項目"] = $"{Pick(_items)}を区のサーバに記録する。";
                fields["新規開発・追加・変更の理由"] = Pick(_reasons);
                fields["新規開発・追加・変更の内容"] = $"{subject}のシステムを改修し、{Pick(_items)}を追加する。{Pick(_measures)}";
                fields["新規開発・追加・変更の時期"] = start;
                fields["開発等を委託する場合における個人情報保護対策"] = measures;
                break;
            case "委任":
                fields["委任先"] = written;
                fields["委任に伴い事業者処理させる情報項目"] = Pick(_items);
                fields["委任理由"] = Pick(_reasons);
                fields["委任の内容"] = $"{subject}に係る事務の一部";
                fields["委任の開始時期及び期限"] = $"{start}から";
                fields["委任先に行わせる情報保護対策"] = measures;
                break;
            case "委託":
                fields["委託先"] = written;
                fields["委託に伴い事業者処理させる情報項目"] = Pick(_items);
                fields["委託理由"] = Pick(_reasons);
                fields["委託の内容"] = $"{subject}に係るデータ入力及び帳票印刷";
                fields["委託の開始時期及び期限"] = $"{start}から{start.Replace("日", "日の翌年度末", StringComparison.Ordinal)}まで";
                fields["受託事業者に行わせる情報保護対策"] = measures;
                break;
            default:
                fields["提供先"] = written;
                fields["提供する情報項目"] = Pick(_items);
                fields["理由"] = Pick(_reasons);
                fields["情報保護対策"] = measures;
                break;
        }
        return new SheetRecord
        {
            Type = kind,
            Title = $"{subject}に係る{kind}について",
            Fields = fields,
            Partners = [partner.Name],
            Period = new Period { Text = start + "から", Recurrence = kind == "外部結合" ? Recurrence.Annual : Recurrence.Unknown },
        };
    }
}
