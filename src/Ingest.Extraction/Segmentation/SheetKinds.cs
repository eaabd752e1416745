namespace Ingest.Extraction.Segmentation;

/// <summary>
/// Names a sheet's kind. The labels a sheet carries are the surest sign (結合の相手方 only stands on 外部結合 sheets);
/// then a marker line before it (別紙（電子計算機の外部結合関係）, ◇委任（…）); then its title (…の委託について).
/// </summary>
internal static class SheetKinds
{
    /// <summary>Kind words in the order they are tried: 再委託 before 委託, 目的外利用 before anything it contains.</summary>
    private static readonly (string Word, string Kind)[] Words =
    [
        ("外部結合", "外部結合"),
        ("電子計算機の結合", "外部結合"),
        ("目的外利用", "目的外利用"),
        ("外部提供", "外部提供"),
        ("収集制限", "収集制限の例外"),
        ("再委託", "委託"),
        ("委託", "委託"),
        ("委任", "委任"),
        ("電算処理", "電算処理"),
        ("システム開発", "電算処理"),
        ("システムの開発", "電算処理"),
    ];

    public static string? FromMarker(string text)
    {
        foreach (var (word, kind) in Words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
                return kind;
        }
        return null;
    }

    public static string? FromLabels(IReadOnlyCollection<string> labels)
    {
        if (labels.Any(l => l.StartsWith("結合", StringComparison.Ordinal)))
            return "外部結合";
        if (labels.Contains("委任先") || labels.Any(l => l.StartsWith("委任の", StringComparison.Ordinal)))
            return "委任";
        if (labels.Contains("委託先") || labels.Any(l => l.StartsWith("委託の", StringComparison.Ordinal)))
            return "委託";
        if (labels.Contains("記録される情報項目") || labels.Any(l => l.StartsWith("新規開発", StringComparison.Ordinal)))
            return "電算処理";
        return null;
    }

    /// <summary>The title's kind: the last kind word before について, so …委任先による委託について is 委託.</summary>
    public static string? FromTitle(string? title)
    {
        if (string.IsNullOrEmpty(title))
            return null;
        var end = title.IndexOf("について", StringComparison.Ordinal);
        var head = end > 0 ? title[..end] : title;
        var best = (Index: -1, Kind: (string?)null);
        foreach (var (word, kind) in Words)
        {
            var at = head.LastIndexOf(word, StringComparison.Ordinal);
            if (at > best.Index)
                best = (at, kind);
        }
        return best.Kind;
    }
}
