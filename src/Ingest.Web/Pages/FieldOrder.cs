namespace Ingest.Web.Pages;

/// <summary>
/// The canonical order of sheet labels (docs/record-contract.md, in the order the forms print them), so every sheet of a kind
/// reads the same way whatever order extraction met its rows in. Labels not listed follow in document order.
/// </summary>
internal static class FieldOrder
{
    private static readonly string[] _labels =
    [
        "保有課", "登録業務の名称",
        "結合される情報項目", "結合の相手方", "結合する理由", "結合の形態", "結合の開始時期と期間",
        "記録される情報項目", "新規開発・追加・変更の理由", "新規開発・追加・変更の内容", "新規開発・追加・変更の時期",
        "開発等を委託する場合における個人情報保護対策",
        "委任先", "委託先", "委任に伴い事業者処理させる情報項目", "委託に伴い事業者処理させる情報項目", "処理させる情報項目の記録媒体",
        "委任理由", "委託理由", "委任の内容", "委託の内容", "委任の開始時期及び期限", "委託の開始時期及び期限",
        "委任にあたり区が行う情報保護対策", "委託にあたり区が行う情報保護対策", "委任先に行わせる情報保護対策", "受託事業者に行わせる情報保護対策",
        "情報保護対策",
    ];

    private static readonly Dictionary<string, int> _rank = _labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);

    /// <summary>The fields in canonical order; unknown labels after the known ones, in their original order.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Sort(IReadOnlyDictionary<string, string> fields) =>
        fields.Select((pair, i) => (pair, i))
            .OrderBy(x => _rank.GetValueOrDefault(x.pair.Key, int.MaxValue))
            .ThenBy(x => x.i)
            .Select(x => x.pair);
}
