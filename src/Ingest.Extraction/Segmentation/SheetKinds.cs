using Ingest.Core.Records;

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
        ("外部結合", SheetKind.Linkage),
        ("電子計算機の結合", SheetKind.Linkage),
        ("目的外利用", SheetKind.OutsideUse),
        ("外部提供", SheetKind.Provision),
        ("収集制限", "収集制限の例外"),
        ("再委託", SheetKind.Outsourcing),
        ("委託", SheetKind.Outsourcing),
        ("委任", SheetKind.Delegation),
        ("電算処理", SheetKind.Processing),
        ("システム開発", SheetKind.Processing),
        ("システムの開発", SheetKind.Processing),
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
            return SheetKind.Linkage;
        if (labels.Contains("委任先") || labels.Any(l => l.StartsWith("委任の", StringComparison.Ordinal)))
            return SheetKind.Delegation;
        if (labels.Contains("委託先") || labels.Any(l => l.StartsWith("委託の", StringComparison.Ordinal)))
            return SheetKind.Outsourcing;
        if (labels.Contains("記録される情報項目") || labels.Any(l => l.StartsWith("新規開発", StringComparison.Ordinal)))
            return SheetKind.Processing;
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
