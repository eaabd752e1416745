using Ingest.Core.Dates;
using Ingest.Core.Records;

namespace Ingest.Generator;

/// <summary>
/// Makes realistic submissions for tests and benchmarks: councils, departments, partners, sheet kinds, label variants,
/// 平成 and 令和 dates, checklists — varied by a seeded random source so a corpus can be made again exactly.
/// Each submission comes with the record an extractor should produce from it. With a <see cref="WordingHalf"/>, sheet
/// labels are written as other sections and eras word them (<see cref="LabelWordings"/>) instead of as the catalogue does.
/// </summary>
public sealed class SubmissionGenerator(int seed, WordingHalf? wordings = null)
{
    private readonly Random _random = new(seed);

    private static readonly (string Department, string Section)[] Departments =
    [
        ("地域振興部", "戸籍住民課"), ("健康部", "医療保険年金課"), ("福祉部", "介護保険課"), ("子ども家庭部", "子ども家庭課"),
        ("総務部", "情報政策課"), ("区民部", "税務課"), ("教育委員会事務局", "学校運営課"), ("環境清掃部", "ごみ減量リサイクル課"),
        ("都市計画部", "建築調整課"), ("福祉部", "障害者福祉課"), ("健康部", "保健予防課"), ("区民部", "区民課"),
    ];

    /// <summary>Linkage partners as written, with the canonical name the extractor should give.</summary>
    private static readonly (string Written, string Canonical)[] LinkPartners =
    [
        ("地方公共団体情報システム機構(J-LIS)", "地方公共団体情報システム機構"),
        ("J-LIS", "地方公共団体情報システム機構"),
        ("地方公共団体情報システム機構", "地方公共団体情報システム機構"),
        ("東京都国民健康保険団体連合会", "東京都国民健康保険団体連合会"),
        ("出入国在留管理庁", "出入国在留管理庁"),
        ("国税庁", "国税庁"),
        ("日本年金機構", "日本年金機構"),
        ("東京都", "東京都"),
        ("特別区人事・厚生事務組合", "特別区人事・厚生事務組合"),
        ("社会保険診療報酬支払基金", "社会保険診療報酬支払基金"),
    ];

    private static readonly string[] Contractors =
    [
        "株式会社新宿情報サービス", "株式会社さくらデータ", "株式会社東京計算センター", "株式会社みどりシステムズ",
        "株式会社日本印刷", "一般財団法人地域情報センター",
    ];

    private static readonly string[] Businesses =
    [
        "住民基本台帳事務", "国民健康保険給付事務", "介護保険認定事務", "児童手当支給事務", "個人住民税賦課事務",
        "就学援助事務", "予防接種事務", "障害福祉サービス支給事務", "粗大ごみ収集事務", "建築確認事務",
    ];

    private static readonly string[] Media =
    [
        "電磁的記録媒体(CD-R)", "紙媒体及び電磁的媒体", "受託事業者のサーバ(クラウドサービス)", "暗号化したUSBメモリ",
    ];

    private static readonly string[] WardMeasures =
    [
        "契約書に個人情報取扱特記事項を付し、遵守状況を定期的に確認する。",
        "1 データの受け渡しは記録簿により管理する。 2 作業状況を随時確認する。",
    ];

    private static readonly string[] PartnerMeasures =
    [
        "1 作業は区が指定する場所で行わせる。 2 作業終了後はデータを消去させ、報告させる。",
        "個人情報取扱特記事項を遵守させ、再委託を禁止する。",
    ];

    private static readonly string[] Measures =
    [
        "接続するネットワークについては、特定相手以外との通信を不可とする。",
        "通信内容は暗号化し、通信途上の個人情報の盗用、改ざん、成りすましを防止する。",
        "ファイアウォールの設置等の対策を講じ、外部からの不正侵入を防御する。",
        "ID・パスワードによる運用により、第三者による個人情報の盗用を防止する。",
        "システム・ネットワークの状態の監視及びアクセスログ等を取得する。",
        "入退室管理等により情報資産の危殆化を防止する。",
        "事故が発生した場合は、直ちに今後の対応を協議する。",
    ];

    /// <summary>One generated submission: its expected record (source filled in by the writer) and the facts a renderer needs.</summary>
    public sealed record Generated(SubmissionRecord Expected, IReadOnlyList<GeneratedSheet> Sheets, bool UsesSpacedTitle);

    /// <summary>A sheet as it is to be written: labels as written (variants) in order, and the expected canonical sheet.</summary>
    public sealed record GeneratedSheet(SheetRecord Expected, IReadOnlyList<(string WrittenLabel, string Value)> Rows);

    public Generated Next()
    {
        var (department, section) = Pick(Departments);
        var business = Pick(Businesses);
        var council = _random.Next(2) == 0;
        var kind = _random.Next(10) switch { < 6 => SheetKind.Linkage, < 8 => SheetKind.Outsourcing, _ => SheetKind.Delegation };
        var start = RandomDate();
        var fiscalYear = start.Month >= 4 ? start.Year : start.Year - 1;
        var (periodText, period) = RandomPeriod(start, fiscalYear);
        var subject = business.Replace("事務", string.Empty, StringComparison.Ordinal);
        var title = kind switch
        {
            SheetKind.Linkage => $"{subject}における外部結合について",
            SheetKind.Outsourcing => $"{subject}に係る業務委託について",
            _ => $"{subject}に係る事務の委任について",
        };

        var rows = new List<(string, string)>();
        var fields = new OrderedDictionary<string, string>();
        var partners = new List<string>();
        // The catalogue's wording, or with a wording half one of that half's wordings for the field.
        void Add(string written, string canonical, string value)
        {
            if (wordings is { } half && LabelWordings.Shipped.For(half, kind, canonical) is { Count: > 0 } other)
                written = Pick(other);
            rows.Add((written, value));
            fields[canonical] = value;
        }
        Add(Pick(["保有課(担当課)", "保有課（担当課）", "保有課"]), "保有課", section);
        Add("登録業務の名称", "登録業務の名称", business);

        switch (kind)
        {
            case SheetKind.Linkage:
                var (written, canonical) = Pick(LinkPartners);
                partners.Add(canonical);
                Add("結合される情報項目(だれの、どのような項目か)", "結合される情報項目", $"1 対象者 {subject}の対象者 2 情報項目 氏名、住所、生年月日");
                Add("結合の相手方", "結合の相手方", written);
                Add("結合する理由", "結合する理由", $"{subject}を正確かつ効率的に行うため。");
                Add("結合の形態", "結合の形態", Pick(["LGWAN回線により通信を行う。", "専用回線(暗号化通信)を用いる。", "総合行政ネットワーク(LGWAN)を介して接続する。"]));
                Add(Pick(["結合の開始時期と期間", "結合の開始時期及び期間"]), "結合の開始時期と期間", periodText);
                break;
            default:
                var contractor = kind == SheetKind.Delegation ? "地方公共団体情報システム機構" : Pick(Contractors);
                partners.Add(contractor);
                Add(kind + "先", kind + "先", contractor);
                Add($"{kind}に伴い事業者処理させる情報項目(だれの、どのような項目か)", $"{kind}に伴い事業者処理させる情報項目", "氏名、住所、生年月日、性別");
                Add(kind + "理由", kind + "理由", "専門的な知識と設備を要するため。");
                Add($"{kind}の内容", $"{kind}の内容", $"{subject}に係るデータ作成業務");
                Add("処理させる情報項目の記録媒体", "処理させる情報項目の記録媒体", Pick(Media));
                Add(Pick([$"{kind}の開始時期及び期限", $"{kind}の開始時期と期限"]), $"{kind}の開始時期及び期限", periodText);
                Add(Pick([$"{kind}にあたり区が行う情報保護対策", $"{kind}に当たり区が行う情報保護対策"]), $"{kind}にあたり区が行う情報保護対策", Pick(WardMeasures));
                var partnerMeasures = kind == SheetKind.Delegation ? "委任先に行わせる情報保護対策" : "受託事業者に行わせる情報保護対策";
                Add(kind == SheetKind.Delegation ? partnerMeasures : Pick([partnerMeasures, "委託先に行わせる情報保護対策"]), partnerMeasures, Pick(PartnerMeasures));
                break;
        }
        if (kind == SheetKind.Linkage)
            Add("情報保護対策", "情報保護対策", "別紙チェックリストのとおり");

        var checklistItems = Measures.Take(_random.Next(3, Measures.Length + 1))
            .Select((m, i) => new ChecklistItem { Party = "区", Category = i < 2 ? "運用上" : "システム上", Mark = _random.Next(8) == 0 ? "－" : "○", Text = m })
            .ToArray();
        var approvalYear = fiscalYear - _random.Next(1, 6);
        var session = _random.Next(1, 11);
        var priorApprovals = _random.Next(3) == 0
            ? new[] { new PriorApproval { FiscalYear = approvalYear, Session = session, Text = $"{FiscalYearName(approvalYear)}第{session}回本審議会承認" } }
            : [];

        var sheet = new SheetRecord { Type = kind, Title = title, Fields = fields, Partners = partners, Period = period };
        var record = new SubmissionRecord
        {
            Source = new SourceInfo { Path = string.Empty, Sha256 = string.Empty, Format = SourceFormat.Text.Name },
            Council = council ? "情報公開・個人情報保護審議会" : "個人情報保護管理運営会議",
            DocumentKind = council ? "諮問・報告事項" : "付議事項",
            Procedure = council ? Pick(["諮問", "報告"]) : null,
            DocumentNumber = $"資料{_random.Next(1, 60)}",
            Title = title,
            Basis = council
                ? new LegalBasis { Instrument = "条例", Article = kind == SheetKind.Linkage ? "第17条第1項第4号" : "第14条第1項", Text = kind == SheetKind.Linkage ? "外部電子計算機の結合" : "業務委託" }
                : new LegalBasis { Instrument = "要綱", Article = "第3条第1項第3号", Text = kind },
            Department = department + section,
            FiscalYear = fiscalYear,
            Overview = new OrderedDictionary<string, string>
            {
                ["事業名"] = subject,
                ["担当課"] = section,
                ["目的"] = $"{subject}の効率化を図るため。",
                ["対象者"] = $"{subject}の対象者",
            },
            PriorApprovals = priorApprovals,
            Sheets = [sheet],
            Checklists = [new Checklist { Title = $"{kind}にかかる個人情報保護対策チェックリスト", Items = checklistItems }],
        };
        return new Generated(record, [new GeneratedSheet(sheet, rows)], UsesSpacedTitle: _random.Next(4) == 0);
    }

    private DateOnly RandomDate()
    {
        var year = _random.Next(2009, 2027);
        var month = _random.Next(1, 13);
        var day = _random.Next(1, DateTime.DaysInMonth(year, month) + 1);
        return new DateOnly(year, month, day);
    }

    private (string Text, Period Period) RandomPeriod(DateOnly start, int fiscalYear)
    {
        var fyEnd = new DateOnly(fiscalYear + 1, 3, 31);
        var form = _random.Next(4);
        var text = form switch
        {
            0 => $"{Eras.Format(start)}から{Eras.Format(fyEnd)}まで(次年度以降も同様に行う。)",
            1 => $"{Eras.Format(start)}から(次年度以降も同様に行う。)",
            2 => $"{Eras.Format(start)}から(以降、同様に行う。)",
            _ => $"{Eras.Format(start)}から{Eras.Format(fyEnd)}まで",
        };
        var period = form switch
        {
            0 => new Period { Text = text, Start = start, End = fyEnd, Recurrence = Recurrence.Annual },
            1 => new Period { Text = text, Start = start, Recurrence = Recurrence.Annual },
            2 => new Period { Text = text, Start = start, Recurrence = Recurrence.Ongoing },
            _ => new Period { Text = text, Start = start, End = fyEnd, Recurrence = Recurrence.None },
        };
        return (text, period);
    }

    /// <summary>
    /// A fiscal year as documents name it: 平成30年度, 令和元年度. The era is the one in force for most of the year
    /// (FY2019 began under 平成 but is 令和元年度; FY1988 stayed 昭和63年度), so it is read at 1 October.
    /// </summary>
    private static string FiscalYearName(int year)
    {
        var (era, eraYear) = Eras.ToEraYear(new DateOnly(year, 10, 1));
        return $"{Eras.NameOf(era)}{(eraYear == 1 ? "元" : eraYear.ToString(System.Globalization.CultureInfo.InvariantCulture))}年度";
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
