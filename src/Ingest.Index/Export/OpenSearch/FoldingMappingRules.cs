using System.Globalization;
using System.Text;
using Ingest.Index.Analysis;

namespace Ingest.Index.Export.OpenSearch;

/// <summary>
/// Our folding (<see cref="ITextFolder"/>: NFKC width and compatibility forms, radicals, old ideograph forms) written as
/// the rules of an OpenSearch <c>mapping</c> char filter, found by asking the folder itself, character by character, so
/// the rules follow whatever the folder does. A mapping char filter replaces strings without looking at their
/// neighbours, so where the folder decides by the neighbours a character takes the form of its usual company: ｰ the
/// prolonged sound mark it is after kana, dashes '-' (ー only between katakana in ours), and 〇 (a digit after kanji
/// numerals, a circle mark elsewhere) is left alone; counted in <see cref="ContextDependent"/>. What the folder drops
/// (variation selectors, zero-width and control characters) is left to the tokenizer and counted in <see cref="Dropped"/>.
/// </summary>
public sealed class FoldingMappingRules
{
    /// <summary>Marks that compose with the kana before them (combining and half-width dakuten and handakuten).</summary>
    private static readonly char[] s_soundMarks = ['\u3099', '\u309A', '\uFF9E', '\uFF9F'];

    private FoldingMappingRules(IReadOnlyList<string> rules, int contextDependent, int dropped)
    {
        Rules = rules;
        ContextDependent = contextDependent;
        Dropped = dropped;
    }

    /// <summary>The rules, <c>from =&gt; to</c>, ordered by their source text (ordinal), so an export is byte-for-byte repeatable.</summary>
    public IReadOnlyList<string> Rules { get; }

    /// <summary>Characters the folder changes differently depending on their neighbours and no single form suits (〇).</summary>
    public int ContextDependent { get; }

    /// <summary>Characters the folder removes or turns into whitespace (left to the tokenizer, which splits on them or keeps them).</summary>
    public int Dropped { get; }

    /// <summary>Derives the rules from <paramref name="folder"/> over every assigned code point and every kana + sound-mark pair.</summary>
    public static FoldingMappingRules From(ITextFolder folder)
    {
        var mappings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var contextDependent = 0;
        var dropped = 0;
        for (var codePoint = 0x20; codePoint <= 0x10FFFF; codePoint++)
        {
            if (codePoint is >= 0xD800 and <= 0xDFFF || CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.OtherNotAssigned)
                continue;
            var source = char.ConvertFromUtf32(codePoint);
            // Folded between neighbours, not alone: alone, a space folds to nothing (runs are trimmed), and ー to '-'.
            var betweenKana = FoldBetween(folder, "ア", source);
            var betweenLetters = FoldBetween(folder, "a", source);
            var betweenNumerals = FoldBetween(folder, "一", source);
            string? folded;
            if (betweenKana == betweenLetters && betweenLetters == betweenNumerals)
                folded = betweenKana;
            else if (source.Normalize(NormalizationForm.FormKC) == "ー")
                folded = betweenKana; // a prolonged sound mark (ｰ) is written after kana
            else if (betweenLetters == betweenNumerals)
                folded = betweenLetters; // a dash: ー only between katakana, '-' everywhere else
            else
                folded = null; // 〇: a digit after kanji numerals, a circle mark elsewhere
            if (folded is null)
            {
                contextDependent++;
                continue;
            }
            if (folded == source)
                continue;
            if (folded.Length == 0)
            {
                dropped++;
                continue;
            }
            mappings[source] = folded;
        }
        foreach (var kana in KanaThatTakeSoundMarks())
        {
            foreach (var mark in s_soundMarks)
            {
                var pair = string.Concat(kana, mark);
                var folded = folder.Fold(pair).Text;
                var apart = Fold(folder, kana) + Fold(folder, mark.ToString());
                if (folded != apart && folded.Length > 0)
                    mappings[pair] = folded;
            }
        }
        var rules = mappings.Select(pair => Escape(pair.Key) + " => " + Escape(pair.Value)).ToList();
        return new FoldingMappingRules(rules, contextDependent, dropped);
    }

    /// <summary>What <paramref name="source"/> folds to between two <paramref name="neighbour"/>s (the neighbours fold to themselves).</summary>
    private static string? FoldBetween(ITextFolder folder, string neighbour, string source)
    {
        var folded = folder.Fold(neighbour + source + neighbour).Text;
        return folded.Length >= 2 * neighbour.Length && folded.StartsWith(neighbour, StringComparison.Ordinal) && folded.EndsWith(neighbour, StringComparison.Ordinal)
            ? folded[neighbour.Length..^neighbour.Length]
            : null;
    }

    private static string Fold(ITextFolder folder, string text) => folder.Fold(text).Text;

    private static IEnumerable<string> KanaThatTakeSoundMarks()
    {
        for (var c = '\u3041'; c <= '\u3096'; c++)
            yield return c.ToString();
        for (var c = '\u30A1'; c <= '\u30FA'; c++)
            yield return c.ToString();
        for (var c = '\uFF66'; c <= '\uFF9D'; c++)
            yield return c.ToString();
    }

    /// <summary>
    /// Writes <paramref name="text"/> for a mapping rule: letters and digits as they are, everything else (spaces, '=',
    /// '&gt;', quotes, backslashes, marks) as <c>\uXXXX</c>, the escape OpenSearch's rule parser reads, so no character
    /// can be taken for the rule's syntax or trimmed away.
    /// </summary>
    internal static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) && !char.IsSurrogate(c))
                builder.Append(c);
            else
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
