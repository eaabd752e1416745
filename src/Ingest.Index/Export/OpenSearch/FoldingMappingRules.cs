using System.Globalization;
using System.Text;
using Ingest.Index.Analysis;

namespace Ingest.Index.Export.OpenSearch;

/// <summary>
/// Our folding (<see cref="ITextFolder"/>: NFKC width and compatibility forms, radicals, old ideograph forms) written as
/// the rules of an OpenSearch <c>mapping</c> char filter, found by asking the folder itself, character by character, so
/// the rules follow whatever the folder does. A mapping char filter replaces strings without looking at their
/// neighbours, so the folder's context rules (ー and dashes decided by the kana around them, 〇 as a digit or a circle)
/// and what it drops or turns into whitespace are left out and counted in <see cref="ContextDependent"/> and <see cref="Dropped"/>.
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

    /// <summary>Characters the folder changes differently depending on their neighbours (not expressible as a mapping).</summary>
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
            var folded = folder.Fold(source).Text;
            if (folded == source)
                continue;
            if (folded.Length == 0 || folded.All(char.IsWhiteSpace))
            {
                dropped++;
                continue;
            }
            if (!SameInContext(folder, source, folded))
            {
                contextDependent++;
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

    /// <summary>Whether <paramref name="source"/> folds to <paramref name="folded"/> between katakana and between kanji numerals too.</summary>
    private static bool SameInContext(ITextFolder folder, string source, string folded)
    {
        foreach (var (before, after) in new[] { ("ア", "ア"), ("一", "一"), ("a", "a") })
        {
            if (folder.Fold(before + source + after).Text != Fold(folder, before) + folded + Fold(folder, after))
                return false;
        }
        return true;
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
