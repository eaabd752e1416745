using System.Text.RegularExpressions;
using Ingest.Core.Dates;

namespace Ingest.Core.Values;

/// <summary>
/// What a form value looks like: a date range, the name of a body, a section, numbered measures, a list of items. Label
/// recognition uses these to confirm (or doubt) what a label seems to mean, and the renewal report to name the label an
/// unrecognised period or partner probably stands under. Input is cleaned text. Pure and thread-safe.
/// </summary>
public static partial class ValueShapes
{
    /// <summary>Longest value looked at; the cue words of every shape sit near a value's start.</summary>
    private const int MaxLength = 2_000;

    /// <summary>
    /// Endings that close the name of a body: 東京都, 出入国在留管理庁, …機構, …組合, …広域連合 (地方自治法 第284条), …長官. A 結合の相手方 / 委託先 cell
    /// is a list of such names.
    /// </summary>
    public static IReadOnlyList<string> BodyEndings { get; } =
    [
        "庁", "省", "都", "道", "府", "県", "市", "区", "町", "村", "局", "機構", "会社", "法人", "組合", "協会", "センター",
        "大学", "銀行", "公社", "公団", "事業団", "連合会", "広域連合", "協議会", "委員会", "研究所", "事務所", "長官", "大臣", "知事", "区長", "市長",
    ];

    /// <summary>Legal forms written before a name: 株式会社…, 一般財団法人….</summary>
    public static IReadOnlyList<string> LegalForms { get; } =
    [
        "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人",
        "独立行政法人", "国立行政法人", "国立研究開発法人", "地方独立行政法人", "社会福祉法人", "特定非営利活動法人", "学校法人", "医療法人",
    ];

    /// <summary>
    /// A period: a date or fiscal year (令和7年4月1日から, H27.1.30, 令和6年度), or a span in words (契約締結の日から業務完了の日まで).
    /// </summary>
    public static bool IsPeriod(string value)
    {
        var text = Cut(value);
        return JapaneseDateParser.FindAll(text).Count > 0 || JapaneseDateParser.FindFiscalYears(text).Count > 0 || SpanInWords().IsMatch(text);
    }

    /// <summary>The name of one or more bodies: short, no sentence, and some part ends as a body's name does or starts with a legal form.</summary>
    public static bool IsOrganisation(string value)
    {
        var text = Cut(value).Trim();
        if (text.Length is 0 or > 150 || text.Contains('。', StringComparison.Ordinal) || IsPeriod(text))
            return false;
        // (株) and ㈱ abbreviate 株式会社; the parentheses would otherwise be dropped as a note.
        if (text.Contains("(株)", StringComparison.Ordinal) || text.Contains("（株）", StringComparison.Ordinal) || text.Contains('㈱', StringComparison.Ordinal))
            return true;
        foreach (var part in NameSeparators().Split(Parenthetical().Replace(text, " ")))
        {
            var name = part.Trim();
            if (name.Length < 2)
                continue;
            if (BodyEndings.Any(e => name.Length > e.Length && name.EndsWith(e, StringComparison.Ordinal))
                || LegalForms.Any(f => name.Length > f.Length && name.StartsWith(f, StringComparison.Ordinal))
                || AsciiName().IsMatch(name))
                return true;
        }
        return false;
    }

    /// <summary>The name of a section: a few words ending in 課, 係, 室, 部, 所, 館, センター or 担当.</summary>
    public static bool IsSection(string value)
    {
        var text = value.Trim();
        return text.Length is > 1 and <= 30 && !text.Contains('。', StringComparison.Ordinal) && SectionEnding().IsMatch(text);
    }

    /// <summary>The name of a business: a few words ending in 事務, 業務 or 事業.</summary>
    public static bool IsBusinessName(string value)
    {
        var text = value.Trim();
        return text.Length is > 2 and <= 60 && !text.Contains('。', StringComparison.Ordinal) && BusinessEnding().IsMatch(text);
    }

    /// <summary>Measures: numbered or bulleted items, a reference to the checklist, or the words measures are made of.</summary>
    public static bool IsMeasures(string value)
    {
        var text = Cut(value);
        return NumberedItem().IsMatch(text) || MeasureWord().IsMatch(text);
    }

    /// <summary>A list of personal-data items: 氏名、住所、生年月日 …</summary>
    public static bool IsItemList(string value) => ItemWord().IsMatch(Cut(value));

    /// <summary>A recording medium: 電磁的記録媒体, 紙, サーバ, CD-R …</summary>
    public static bool IsMedium(string value) => MediumWord().IsMatch(Cut(value));

    /// <summary>A reason: a sentence that ends in ため or speaks of a purpose.</summary>
    public static bool IsReason(string value) => ReasonWord().IsMatch(Cut(value));

    /// <summary>A way of connecting: a line, network, encryption or transfer.</summary>
    public static bool IsConnection(string value) => ConnectionWord().IsMatch(Cut(value));

    private static string Cut(string value) => value.Length > MaxLength ? value[..MaxLength] : value;

    [GeneratedRegex(@"(から|より).{0,30}(まで|終了|完了|満了)|締結(の)?日|(日|月|年度)(から|以降)", RegexOptions.NonBacktracking)]
    private static partial Regex SpanInWords();

    [GeneratedRegex(@"[、,，\n]|及び|並びに|又は|および|・", RegexOptions.NonBacktracking)]
    private static partial Regex NameSeparators();

    [GeneratedRegex(@"\([^()]*\)|（[^（）]*）", RegexOptions.NonBacktracking)]
    private static partial Regex Parenthetical();

    /// <summary>A Latin-script legal form: Amazon Web Services, Inc., NTT DATA Corporation.</summary>
    [GeneratedRegex(@"\b(Inc|Ltd|LLC|Corp|Corporation|Limited|GmbH|K\.K)\b\.?", RegexOptions.NonBacktracking)]
    private static partial Regex AsciiName();

    [GeneratedRegex(@"(課|係|室|部|所|館|センター|担当)$", RegexOptions.NonBacktracking)]
    private static partial Regex SectionEnding();

    [GeneratedRegex(@"(事務|業務|事業)(等)?$", RegexOptions.NonBacktracking)]
    private static partial Regex BusinessEnding();

    [GeneratedRegex(@"(^|\s)(\(?[0-9０-９]{1,2}[).]?\s|[①-⑳]|・)", RegexOptions.NonBacktracking)]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"チェックリスト|特記事項|対策|措置|暗号|遵守|させる|させ、|消去|施錠|パスワード|アクセス制限|禁止", RegexOptions.NonBacktracking)]
    private static partial Regex MeasureWord();

    [GeneratedRegex(@"氏名|住所|生年月日|性別|個人番号|電話番号|口座|所得|世帯|記号番号|メールアドレス", RegexOptions.NonBacktracking)]
    private static partial Regex ItemWord();

    [GeneratedRegex(@"電磁的|媒体|紙|帳票|サーバ|クラウド|USB|CD|DVD|磁気|光ディスク|ファイル", RegexOptions.NonBacktracking)]
    private static partial Regex MediumWord();

    [GeneratedRegex(@"ため[。.]?$|ため[、。]|目的|図る|必要", RegexOptions.NonBacktracking)]
    private static partial Regex ReasonWord();

    [GeneratedRegex(@"回線|LGWAN|専用線|通信|接続|暗号|オンライン|ネットワーク|VPN|送信|送受信|転送", RegexOptions.NonBacktracking)]
    private static partial Regex ConnectionWord();
}
