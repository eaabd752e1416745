using Ingest.Core.Records;

namespace Ingest.Extraction.Labels;

/// <summary>What a 別紙 label is about, whatever the sheet's kind: the field it names once the kind is known.</summary>
public enum FieldMeaning
{
    /// <summary>The owning section: 保有課.</summary>
    Section,
    /// <summary>The registered business: 登録業務の名称.</summary>
    Business,
    /// <summary>Whose data and which items: 結合される情報項目, 委託に伴い事業者処理させる情報項目.</summary>
    Items,
    /// <summary>The other body: 結合の相手方, 委託先, 委任先.</summary>
    Partner,
    /// <summary>Why: 結合する理由, 委託理由.</summary>
    Reason,
    /// <summary>How a link is made: 結合の形態.</summary>
    Method,
    /// <summary>What is done: 委託の内容, 新規開発・追加・変更の内容.</summary>
    Content,
    /// <summary>When: 結合の開始時期と期間, 委託の開始時期及び期限.</summary>
    Period,
    /// <summary>On what the data travels or is kept: 処理させる情報項目の記録媒体.</summary>
    Medium,
    /// <summary>Protection measures, nobody named: 情報保護対策.</summary>
    Protection,
    /// <summary>Measures the municipality takes: 委託にあたり区が行う情報保護対策.</summary>
    WardProtection,
    /// <summary>Measures put on the other side: 受託事業者に行わせる情報保護対策, 委任先に行わせる情報保護対策.</summary>
    PartnerProtection,
}

/// <summary>
/// The fields of each catalogued sheet kind (docs/record-contract.md), by meaning: which canonical field a meaning names on a
/// sheet of a kind. A meaning a kind has no field for may stand in for a near one (a 委託 sheet's 委託の方法 is its
/// content), at a lower confidence.
/// </summary>
public static class SheetFields
{
    /// <summary>The kinds whose fields are catalogued; other kinds (目的外利用, 外部提供) keep their labels as written.</summary>
    public static IReadOnlyList<string> CataloguedKinds => SheetKind.Catalogued;

    /// <summary>How much a stand-in field is trusted compared with the field the meaning names directly.</summary>
    public const double StandInFactor = 0.85;

    private static readonly Dictionary<string, Dictionary<FieldMeaning, string>> _fields = new(StringComparer.Ordinal)
    {
        [SheetKind.Linkage] = new()
        {
            [FieldMeaning.Items] = "結合される情報項目",
            [FieldMeaning.Partner] = "結合の相手方",
            [FieldMeaning.Reason] = "結合する理由",
            [FieldMeaning.Method] = "結合の形態",
            [FieldMeaning.Period] = "結合の開始時期と期間",
            [FieldMeaning.Protection] = "情報保護対策",
        },
        [SheetKind.Processing] = new()
        {
            [FieldMeaning.Items] = "記録される情報項目",
            [FieldMeaning.Reason] = "新規開発・追加・変更の理由",
            [FieldMeaning.Content] = "新規開発・追加・変更の内容",
            [FieldMeaning.Period] = "新規開発・追加・変更の時期",
            [FieldMeaning.PartnerProtection] = "開発等を委託する場合における個人情報保護対策",
            [FieldMeaning.Protection] = "情報保護対策",
        },
        [SheetKind.Delegation] = new()
        {
            [FieldMeaning.Partner] = "委任先",
            [FieldMeaning.Items] = "委任に伴い事業者処理させる情報項目",
            [FieldMeaning.Medium] = "処理させる情報項目の記録媒体",
            [FieldMeaning.Reason] = "委任理由",
            [FieldMeaning.Content] = "委任の内容",
            [FieldMeaning.Period] = "委任の開始時期及び期限",
            [FieldMeaning.WardProtection] = "委任にあたり区が行う情報保護対策",
            [FieldMeaning.PartnerProtection] = "委任先に行わせる情報保護対策",
            [FieldMeaning.Protection] = "情報保護対策",
        },
        [SheetKind.Outsourcing] = new()
        {
            [FieldMeaning.Partner] = "委託先",
            [FieldMeaning.Items] = "委託に伴い事業者処理させる情報項目",
            [FieldMeaning.Medium] = "処理させる情報項目の記録媒体",
            [FieldMeaning.Reason] = "委託理由",
            [FieldMeaning.Content] = "委託の内容",
            [FieldMeaning.Period] = "委託の開始時期及び期限",
            [FieldMeaning.WardProtection] = "委託にあたり区が行う情報保護対策",
            [FieldMeaning.PartnerProtection] = "受託事業者に行わせる情報保護対策",
            [FieldMeaning.Protection] = "情報保護対策",
        },
    };

    /// <summary>Every sheet starts with these, whatever its kind.</summary>
    private static readonly Dictionary<FieldMeaning, string> _common = new()
    {
        [FieldMeaning.Section] = "保有課",
        [FieldMeaning.Business] = "登録業務の名称",
    };

    /// <summary>A meaning the kind lacks → the meaning whose field stands in for it.</summary>
    private static readonly Dictionary<FieldMeaning, FieldMeaning> _standIns = new()
    {
        [FieldMeaning.Method] = FieldMeaning.Content,
        [FieldMeaning.Content] = FieldMeaning.Method,
        [FieldMeaning.WardProtection] = FieldMeaning.Protection,
        [FieldMeaning.PartnerProtection] = FieldMeaning.Protection,
    };

    /// <summary>The kind's name for a kind written otherwise: 再委託 sheets have the fields of 委託.</summary>
    public static string? Catalogued(string? kind) => kind switch
    {
        SheetKind.Suboutsourcing => SheetKind.Outsourcing,
        null => null,
        _ => _fields.ContainsKey(kind) ? kind : null,
    };

    /// <summary>
    /// The canonical field <paramref name="meaning"/> names on a sheet of <paramref name="kind"/> and how direct that is
    /// (1, or <see cref="StandInFactor"/> for a stand-in); null when the kind has no such field or is not catalogued
    /// (section and business need no kind).
    /// </summary>
    public static (string Field, double Factor)? FieldFor(string? kind, FieldMeaning meaning)
    {
        if (_common.TryGetValue(meaning, out var common))
            return (common, 1);
        if (Catalogued(kind) is not { } known)
            return null;
        var fields = _fields[known];
        if (fields.TryGetValue(meaning, out var field))
            return (field, 1);
        if (_standIns.TryGetValue(meaning, out var standIn) && fields.TryGetValue(standIn, out var near))
            return (near, StandInFactor);
        return null;
    }

    /// <summary>Every canonical field a sheet of <paramref name="kind"/> may carry (every catalogued field when the kind is null).</summary>
    public static IReadOnlySet<string> FieldsOf(string? kind)
    {
        var fields = new HashSet<string>(_common.Values, StringComparer.Ordinal);
        foreach (var (name, byMeaning) in _fields)
        {
            if (kind is null || name == Catalogued(kind))
                fields.UnionWith(byMeaning.Values);
        }
        return fields;
    }

    /// <summary>What a canonical field is about (its meaning on whichever kind has it), or null for a field not in the table.</summary>
    public static FieldMeaning? MeaningOf(string field)
    {
        foreach (var (meaning, name) in _common)
        {
            if (name == field)
                return meaning;
        }
        foreach (var byMeaning in _fields.Values)
        {
            foreach (var (meaning, name) in byMeaning)
            {
                if (name == field)
                    return meaning;
            }
        }
        return null;
    }
}
