using System.Text.RegularExpressions;
using Ingest.Core.Normalisation;

namespace Ingest.Extraction.Values;

/// <summary>
/// Short names a document defines for itself: 地方公共団体情報システム機構（以下「機構」という。） makes 機構 mean
/// 地方公共団体情報システム機構 in that document only. Immutable.
/// </summary>
public sealed partial class DefinedTerms
{
    /// <summary>Longest text searched for definitions.</summary>
    public const int MaxInputLength = 2_000_000;

    /// <summary>Longest definiendum taken before the bracket, in characters.</summary>
    public const int MaxNameLength = 60;

    private readonly IReadOnlyDictionary<string, string> _terms;

    private DefinedTerms(Dictionary<string, string> terms) => _terms = terms.AsReadOnly();

    /// <summary>A document that defines nothing.</summary>
    public static DefinedTerms Empty { get; } = new(new Dictionary<string, string>());

    /// <summary>Term (cleaned, without spaces) → what it stands for (cleaned), first definition first.</summary>
    public IReadOnlyDictionary<string, string> All => _terms;

    /// <summary>
    /// Finds every 「…（以下「X」という。）」 definition in a document's text, raw or normalised: either bracket width,
    /// 「」『』 or ASCII quotes, line breaks and spaces anywhere inside (PDF dumps break 「（以\n下」), and the broken quote
    /// 「（以下「J-LIS）という。）」 met in converted files. The defined name is the run of text just before the bracket,
    /// back to punctuation, whitespace between words, or a hiragana (a particle: を経由して地方公共団体…) — names of bodies
    /// and laws are written in kanji, katakana and Latin letters, joined at most by 及び, の, に関する and the like; a
    /// quoted name (「出入国在留管理庁」（以下…）) is taken whole. The first definition of a term wins.
    /// </summary>
    public static DefinedTerms Find(string documentText)
    {
        ArgumentNullException.ThrowIfNull(documentText);
        var text = documentText.Length > MaxInputLength ? documentText[..MaxInputLength] : documentText;
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Definition().Matches(text))
        {
            var term = Key(m.Groups["term"].Value);
            if (term.Length == 0 || terms.ContainsKey(term))
                continue;
            var name = NameBefore(text, m.Index);
            if (name is null)
                continue;
            var cleaned = Key(name);
            if (cleaned.Length == 0 || cleaned == term)
                continue;
            terms[term] = cleaned;
        }
        return new DefinedTerms(terms);
    }

    /// <summary>What <paramref name="term"/> stands for in this document, or null when it defines no such term.</summary>
    public string? Resolve(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return _terms.TryGetValue(Key(term), out var meaning) ? meaning : null;
    }

    /// <summary>Cleaned text without any whitespace: terms and names are compared this way.</summary>
    internal static string Key(string text)
    {
        var cleaned = TextNormaliser.Clean(text);
        return string.Concat(cleaned.Where(c => !char.IsWhiteSpace(c)));
    }

    private static string? NameBefore(string text, int bracket)
    {
        var end = bracket;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
            end--;
        if (end == 0)
            return null;
        if (text[end - 1] is '」' or '』' or '"' or '”')
        {
            var open = text.LastIndexOfAny(['「', '『', '"', '“'], end - 2 < 0 ? 0 : end - 2);
            if (open >= 0 && end - 1 - open - 1 is > 0 and <= MaxNameLength)
                return text[(open + 1)..(end - 1)];
            return null;
        }
        var start = end;
        while (start > 0 && end - start < MaxNameLength)
        {
            var c = text[start - 1];
            if (c is >= '\u3041' and <= '\u309F' && ConnectorEndingAt(text, start) is { } connector)
            {
                start -= connector.Length;
                continue;
            }
            if (IsNameBoundary(c))
            {
                // A line break inside a name is crossed when the line before is a full, wrapped line of running text
                // (PDF dumps wrap at a fixed width); after a short line (a label) it ends the name. A space is not crossed.
                if (c is '\n' && start - 1 > 0 && !IsNameBoundary(text[start - 2]) && LineLengthBefore(text, start - 1) >= WrappedLineMinLength)
                {
                    start--;
                    continue;
                }
                break;
            }
            start--;
        }
        var name = text[start..end];
        return name.Trim().Length == 0 ? null : name;
    }

    // Hiragana that join the words of one name (出入国管理及び難民認定法, 個人情報の保護に関する法律) rather than end a
    // clause; any other hiragana is a particle or an inflection before the name.
    private static readonly string[] _connectors = ["及び", "並びに", "に関する", "における", "に基づく", "による", "のための", "の"];

    /// <summary>The connector that ends just before <paramref name="end"/> with a non-hiragana character before it, if any.</summary>
    private static string? ConnectorEndingAt(string text, int end)
    {
        foreach (var connector in _connectors)
        {
            var at = end - connector.Length;
            if (at > 0 && string.CompareOrdinal(text, at, connector, 0, connector.Length) == 0
                && text[at - 1] is not (>= '\u3041' and <= '\u309F') && !IsNameBoundary(text[at - 1]))
                return connector;
        }
        return null;
    }

    /// <summary>Shortest line taken for a wrapped line of running text rather than a label.</summary>
    private const int WrappedLineMinLength = 20;

    private static int LineLengthBefore(string text, int lineBreak)
    {
        var previous = text.LastIndexOf('\n', lineBreak - 1);
        return lineBreak - previous - 1;
    }

    private static bool IsNameBoundary(char c) =>
        char.IsWhiteSpace(c) || c is (>= '\u3041' and <= '\u309F') || char.IsPunctuation(c) && c is not ('・' or '-' or '－' or '‐' or '&' or '＆' or '.')
        || c is '」' or '「' or '』' or '『';

    // （以下「機構」という。）, (以下、「J-LIS」という。), （以下単に「機構」という。）, （以下「J-LIS）という。） — with any whitespace inside.
    [GeneratedRegex(@"[(（]\s*以\s*下\s*[、,]?\s*(?:単\s*に\s*)?[「『""“]\s*(?<term>[^」』""”)）\n]{1,30}?)\s*(?:[」』""”]\s*[)）]?|[)）])\s*と\s*(?:い\s*う|称\s*す\s*る|す\s*る)", RegexOptions.NonBacktracking)]
    private static partial Regex Definition();
}
