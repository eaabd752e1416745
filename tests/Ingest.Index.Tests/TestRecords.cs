using Ingest.Core.Records;

namespace Ingest.Index.Tests;

/// <summary>Small hand-built records covering the synonym, compound, alias, variant-form and filter cases.</summary>
internal static class TestRecords
{
    public static SubmissionRecord Make(string name, int? year, string title, params SheetRecord[] sheets) => new()
    {
        Source = new SourceInfo { Path = $"/archive/{name}.txt", Sha256 = Sha(name), Format = "text" },
        Title = title,
        Council = "個人情報保護管理運営会議",
        Department = "地域振興部戸籍住民課",
        FiscalYear = year,
        Sheets = sheets,
    };

    public static SheetRecord Sheet(string type, IReadOnlyList<string> partners, params (string Label, string Text)[] fields) => new()
    {
        Type = type,
        Title = null,
        Fields = fields.ToDictionary(field => field.Label, field => field.Text),
        Partners = partners,
    };

    public static string Sha(string name) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)));

    public const string Jlis = "地方公共団体情報システム機構";

    /// <summary>J-LIS written as J-LIS, encryption as 暗号化により.</summary>
    public static SubmissionRecord Alpha { get; } = Make("alpha", 2020, "マイナンバーカード特急発行に係る外部結合について",
        Sheet("外部結合", [Jlis],
            ("結合の相手方", "J-LISの専用サイト"),
            ("結合の形態", "LGWAN回線を利用する"),
            ("情報保護対策", "送受信する情報は、暗号化により特定相手以外の解読を防ぐ。")));

    /// <summary>No J-LIS at all; 暗号化通信; 総合行政ネットワーク written out; the partner is the immigration agency.</summary>
    public static SubmissionRecord Bravo { get; } = Make("bravo", 2019, "法務省との情報連携に係る外部結合について",
        Sheet("外部結合", ["出入国在留管理庁長官"],
            ("結合の相手方", "出入国在留管理庁長官"),
            ("結合の形態", "総合行政ネットワークを利用する"),
            ("情報保護対策", "暗号化通信を行う。")));

    /// <summary>Defines 機構 as J-LIS in its overview and then only says 機構 in the sheet; 通信暗号化.</summary>
    public static SubmissionRecord Charlie { get; } = Make("charlie", 2019, "個人番号カード関連事務の委任について",
        Sheet("委任", [Jlis],
            ("委任先", "機構"),
            ("委任先に行わせる情報保護対策", "通信暗号化を行わせる。住基ネットを利用する。"))) with
    {
        Overview = new Dictionary<string, string> { ["目的"] = "地方公共団体情報システム機構（以下「機構」という。）に委任して行わせている事務" },
    };

    /// <summary>Says 機構 without defining it (another 機構), encrypts: must not count as J-LIS.</summary>
    public static SubmissionRecord Delta { get; } = Make("delta", 2024, "国立印刷局への委託について",
        Sheet("委託", ["独立行政法人国立印刷局"],
            ("委託先", "機構"),
            ("受託事業者に行わせる情報保護対策", "データを暗号化し、送付する。")));

    /// <summary>Old forms (經由), full-width Ｊ－ＬＩＳ, markup to escape, two sheets of different kinds.</summary>
    public static SubmissionRecord Echo { get; } = Make("echo", 2023, "マイナンバーカードと在留カードの一体化について",
        Sheet("外部結合", [Jlis],
            ("結合の相手方", "Ｊ－ＬＩＳ"),
            ("結合する理由", "申請は区の窓口を經由して行う。<b>顔写真</b>を送る。")),
        Sheet("電算処理", [],
            ("新規開発・追加・変更の内容", "個人番号カードの申請補助端末を導入する。")));

    /// <summary>No fiscal year and no sheets.</summary>
    public static SubmissionRecord Foxtrot { get; } = Make("foxtrot", null, "入管庁との協議について") with
    {
        Overview = new Dictionary<string, string> { ["事業内容"] = "入管庁と協議する。" },
    };

    public static IReadOnlyList<SubmissionRecord> All { get; } = [Alpha, Bravo, Charlie, Delta, Echo, Foxtrot];
}
