using System.Text.RegularExpressions;
using Ingest.Core.Normalisation;
using Ingest.Core.Values;

namespace Ingest.Extraction.Values;

/// <summary>
/// Reads the partner bodies out of a 結合の相手方 / 委任先 / 委託先 cell: splits lists, drops notes and parentheticals,
/// canonicalises each name through a <see cref="PartnerCatalog"/> and the document's <see cref="DefinedTerms"/>, and
/// dedupes keeping first-mention order. Pure and thread-safe.
/// </summary>
public static partial class PartnerParser
{
    /// <summary>Longest cell read; a partner cell is a line or two.</summary>
    public const int MaxInputLength = 20_000;

    /// <summary>Most partners returned from one cell.</summary>
    public const int MaxPartners = 200;

    private const char Separator = '\u0001';

    /// <summary>
    /// The canonical partner names in <paramref name="cellText"/>. Lists are split at 、 , ; 及び 並びに 又は, at numbered or
    /// bulleted items (1 …, (1) …, ① …, ア …, ・ …), at section headings (【委任先】 … 【委任先が委託する事業者】 …), and at
    /// a ・ between two names of bodies; notes after ※ and parentheticals ((J-LIS), (以下「機構」という。)) are dropped.
    /// </summary>
    public static IReadOnlyList<string> Parse(string cellText, PartnerCatalog catalog, DefinedTerms terms)
    {
        ArgumentNullException.ThrowIfNull(cellText);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(terms);
        var text = TextNormaliser.Clean(cellText.Length > MaxInputLength ? cellText[..MaxInputLength] : cellText);
        text = Note().Replace(text, "\n");
        text = Heading().Replace(text, Separator.ToString());
        text = ListMarker().Replace(text, Separator.ToString());
        text = text.Replace('\n', Separator);
        text = PartnerCatalog.DefinitionNote().Replace(text, " ");
        text = Parenthetical().Replace(text, " ");
        text = Conjunction().Replace(text, Separator.ToString());

        var partners = new List<string>();
        foreach (var piece in text.Split(Separator))
        {
            foreach (var name in SplitAtMiddleDots(piece.Trim(), catalog))
            {
                var trimmed = name.Trim().Trim('。', '・', ':', '-', ' ', '「', '」', '『', '』');
                if (trimmed.Length == 0 || IsNotAName(trimmed))
                    continue;
                var canonical = catalog.Canonicalise(trimmed, terms);
                if (canonical.Length > 0 && !partners.Contains(canonical))
                    partners.Add(canonical);
                if (partners.Count >= MaxPartners)
                    return partners;
            }
        }
        return partners;
    }

    private static IEnumerable<string> SplitAtMiddleDots(string piece, PartnerCatalog catalog)
    {
        var dots = new List<int>();
        for (var i = 0; i < piece.Length; i++)
        {
            if (piece[i] == '・')
                dots.Add(i);
        }
        if (dots.Count == 0)
        {
            yield return piece;
            yield break;
        }
        var start = 0;
        for (var d = 0; d < dots.Count; d++)
        {
            var left = piece[start..dots[d]];
            if (!IsBody(left, catalog))
                continue;
            // The right side is a body if it is one up to some later ・ or the end: 東京都・特別区人事・厚生事務組合.
            var rightIsBody = false;
            for (var e = d + 1; e <= dots.Count && !rightIsBody; e++)
            {
                var end = e < dots.Count ? dots[e] : piece.Length;
                rightIsBody = IsBody(piece[(dots[d] + 1)..end], catalog);
            }
            if (!rightIsBody)
                continue;
            yield return left;
            start = dots[d] + 1;
        }
        yield return piece[start..];
    }

    private static bool IsBody(string name, PartnerCatalog catalog)
    {
        var s = name.Trim();
        if (s.Length < 2)
            return false;
        // A ・ splits two names only when a body's name stands on both sides, so 特別区人事・厚生事務組合 and
        // 株式会社エヌ・ティ・ティ・データ stay whole.
        return ValueShapes.BodyEndings.Any(suffix => s.EndsWith(suffix, StringComparison.Ordinal) && s.Length > suffix.Length)
            || ValueShapes.LegalForms.Any(prefix => s.StartsWith(prefix, StringComparison.Ordinal) && s.Length > prefix.Length + 1)
            || catalog.IsKnown(s);
    }

    /// <summary>Cell wording that names no body: 別紙のとおり, 資料7-2参照, なし.</summary>
    private static bool IsNotAName(string s) =>
        s.EndsWith("のとおり", StringComparison.Ordinal) || s.EndsWith("参照", StringComparison.Ordinal)
        || s is "なし" or "無し" or "-" or "同上" or "上記";

    /// <summary>A note: from ※ to the end of its line.</summary>
    [GeneratedRegex(@"※[^\n]*", RegexOptions.NonBacktracking)]
    private static partial Regex Note();

    /// <summary>A section heading inside the cell: 【委任先】, 【委任先が委託する事業者】.</summary>
    [GeneratedRegex(@"【[^】\n]{0,40}】", RegexOptions.NonBacktracking)]
    private static partial Regex Heading();

    /// <summary>An item marker at the start of the cell or after whitespace: 1 , 1. , 1) , (1) , ① , ア , ・ .</summary>
    [GeneratedRegex(@"(?<=^|\s)(?:\(?[0-9]{1,2}[.)]\s*|[0-9]{1,2}\s+|[①-⑳]\s*|[ア-ン]\s+|・\s*)", RegexOptions.Multiline)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\([^()]*\)?|（[^（）]*）?", RegexOptions.NonBacktracking)]
    private static partial Regex Parenthetical();

    // An ASCII comma before a Latin legal form (Amazon Web Services, Inc.) belongs to the name.
    [GeneratedRegex(@"[、，;；/／]|,(?!\s*(?:Inc|Ltd|LLC|Co|Corp|Corporation|Limited|GmbH|S\.?A|K\.?K)\b)|及び|並びに|又は|および|ならびに|または")]
    private static partial Regex Conjunction();
}
