namespace Ingest.Extraction.Labels;

/// <summary>A canonical label and the written forms that mean it.</summary>
public sealed record LabelDefinition(string Canonical, IReadOnlyList<string> Variants, LabelRole Role = LabelRole.Text);

/// <summary>What a label's value is used for beyond its text.</summary>
public enum LabelRole
{
    Text,
    /// <summary>A 開始時期と期間 / 開始時期及び期限 cell: parsed into a period.</summary>
    Period,
    /// <summary>A 結合の相手方 / 委任先 / 委託先 cell: parsed into partners.</summary>
    Partner,
}

/// <summary>
/// The field catalogue of <c>docs/record-contract.md</c>: every label a sheet or overview may carry, mapped to its canonical name.
/// This is the one place where a label is mapped. Matching is on <see cref="LabelKey"/> forms, and a parenthetical right
/// after a label — 保有課(担当課), 結合される情報項目(だれの、どのような項目か) — is part of the label, whatever it says.
/// </summary>
public sealed class LabelCatalog
{
    /// <summary>Labels of the 別紙 sheets.</summary>
    public static IReadOnlyList<LabelDefinition> SheetLabels { get; } =
    [
        new("保有課", ["保有課", "保有課名"]),
        new("登録業務の名称", ["登録業務の名称", "登録業務名"]),
        new("結合される情報項目", ["結合される情報項目", "結合する情報項目"]),
        new("結合の相手方", ["結合の相手方", "結合の相手先"], LabelRole.Partner),
        new("結合する理由", ["結合する理由", "結合の理由"]),
        new("結合の形態", ["結合の形態", "結合の方法"]),
        new("結合の開始時期と期間", ["結合の開始時期と期間", "結合の開始時期及び期間", "結合の開始時期と期限", "結合の開始時期及び期限"], LabelRole.Period),
        new("記録される情報項目", ["記録される情報項目", "記録する情報項目"]),
        new("新規開発・追加・変更の理由", ["新規開発・追加・変更の理由"]),
        new("新規開発・追加・変更の内容", ["新規開発・追加・変更の内容"]),
        new("新規開発・追加・変更の時期", ["新規開発・追加・変更の時期"], LabelRole.Period),
        new("開発等を委託する場合における個人情報保護対策", ["開発等を委託する場合における個人情報保護対策"]),
        new("委任先", ["委任先"], LabelRole.Partner),
        new("委託先", ["委託先", "再委託先", "受託事業者"], LabelRole.Partner),
        new("委任に伴い事業者処理させる情報項目", ["委任に伴い事業者処理させる情報項目", "委任に伴い事業者に処理させる情報項目", "委任に伴い処理させる情報項目"]),
        new("委託に伴い事業者処理させる情報項目", ["委託に伴い事業者処理させる情報項目", "委託に伴い事業者に処理させる情報項目", "委託に伴い処理させる情報項目"]),
        new("処理させる情報項目の記録媒体", ["処理させる情報項目の記録媒体"]),
        new("委任理由", ["委任理由", "委任する理由", "委任の理由"]),
        new("委託理由", ["委託理由", "委託する理由", "委託の理由"]),
        new("委任の内容", ["委任の内容", "委任する内容"]),
        new("委託の内容", ["委託の内容", "委託する内容"]),
        new("委任の開始時期及び期限", ["委任の開始時期及び期限", "委任の開始時期と期限", "委任の開始時期及び期間", "委任の開始時期と期間"], LabelRole.Period),
        new("委託の開始時期及び期限", ["委託の開始時期及び期限", "委託の開始時期と期限", "委託の開始時期及び期間", "委託の開始時期と期間"], LabelRole.Period),
        new("委任にあたり区が行う情報保護対策", ["委任にあたり区が行う情報保護対策", "委任に当たり区が行う情報保護対策"]),
        new("委託にあたり区が行う情報保護対策", ["委託にあたり区が行う情報保護対策", "委託に当たり区が行う情報保護対策"]),
        new("委任先に行わせる情報保護対策", ["委任先に行わせる情報保護対策"]),
        new("受託事業者に行わせる情報保護対策", ["受託事業者に行わせる情報保護対策", "委託先に行わせる情報保護対策", "再委託先に行わせる情報保護対策"]),
        new("情報保護対策", ["情報保護対策", "個人情報保護対策"]),
    ];

    /// <summary>Labels of 事業の概要; other labels met there are kept under their own (cleaned) text.</summary>
    public static IReadOnlyList<LabelDefinition> OverviewLabels { get; } =
    [
        new("事業名", ["事業名", "事業の名称"]),
        new("担当課", ["担当課"]),
        new("目的", ["目的", "事業目的"]),
        new("対象者", ["対象者"]),
        new("事業内容", ["事業内容", "事業の内容"]),
    ];

    /// <summary>The catalogue for sheets.</summary>
    public static LabelCatalog Sheets { get; } = new(SheetLabels);

    /// <summary>The catalogue for overviews.</summary>
    public static LabelCatalog Overview { get; } = new(OverviewLabels);

    private readonly (string Key, LabelDefinition Definition)[] _variantsLongestFirst;

    public LabelCatalog(IEnumerable<LabelDefinition> definitions)
    {
        Definitions = definitions.ToArray();
        _variantsLongestFirst = Definitions
            .SelectMany(d => d.Variants.Select(v => (Key: LabelKey.Fold(v), Definition: d)))
            .OrderByDescending(v => v.Key.Length)
            .ToArray();
    }

    public IReadOnlyList<LabelDefinition> Definitions { get; }

    /// <summary>Role of a canonical label (text when unknown).</summary>
    public LabelRole RoleOf(string canonical) =>
        Definitions.FirstOrDefault(d => d.Canonical == canonical)?.Role ?? LabelRole.Text;

    /// <summary>
    /// Maps a whole label cell to its canonical label. Unknown labels come back as their folded text with
    /// <paramref name="known"/> false: nothing in a table is dropped.
    /// </summary>
    public string Canonicalise(string cleanedLabel, out bool known)
    {
        var key = StripParenthetical(LabelKey.Fold(cleanedLabel));
        foreach (var (variant, definition) in _variantsLongestFirst)
        {
            if (key == variant)
            {
                known = true;
                return definition.Canonical;
            }
        }
        known = false;
        return key;
    }

    /// <summary>
    /// Finds a label at the start of folded text: the longest variant that the text begins with, plus a parenthetical
    /// directly after it. Returns the canonical label and the folded length consumed, or null.
    /// When the folded text is itself only the beginning of a label (a label broken over lines), <paramref name="isPrefix"/> is true.
    /// </summary>
    public (LabelDefinition Definition, int Length)? MatchStart(string folded, out bool isPrefix)
    {
        isPrefix = false;
        foreach (var (variant, definition) in _variantsLongestFirst)
        {
            if (folded.StartsWith(variant, StringComparison.Ordinal))
            {
                var length = variant.Length;
                if (length < folded.Length && folded[length] == '(')
                {
                    var close = folded.IndexOf(')', length);
                    if (close < 0)
                    {
                        // The parenthetical goes on in the next line.
                        isPrefix = true;
                        return null;
                    }
                    length = close + 1;
                }
                return (definition, length);
            }
            if (variant.StartsWith(folded, StringComparison.Ordinal))
                isPrefix = true;
        }
        return null;
    }

    /// <summary>Drops one trailing parenthetical: 保有課(担当課) → 保有課.</summary>
    public static string StripParenthetical(string folded)
    {
        if (folded.EndsWith(')'))
        {
            var open = folded.IndexOf('(');
            if (open > 0)
                return folded[..open];
        }
        return folded;
    }
}
