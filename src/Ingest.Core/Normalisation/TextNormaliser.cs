using System.Globalization;
using System.Text;

namespace Ingest.Core.Normalisation;

/// <summary>
/// The one place where text is normalised. Rules, in order:
/// <list type="number">
/// <item>the source is cut into clusters (a character with its combining marks, half-width dakuten ﾞﾟ and variation
/// selectors; CR LF is one cluster) and each cluster is mapped on its own, so every output character knows its source span;</item>
/// <item>radicals (Kangxi Radicals, CJK Radicals Supplement, CJK Strokes) become the unified ideograph they stand for
/// (Unicode EquivalentUnifiedIdeograph.txt — NFKC alone misses most of the Radicals Supplement), then NFKC:
/// full-width ASCII → ASCII, half-width katakana → full-width, ㍻ → 平成, compatibility ideographs → unified ideographs;
/// circled numbers (①) are kept as list markers;</item>
/// <item>variation selectors (IVS) and invisible characters (ZWSP, BOM, soft hyphen, word joiner, control characters)
/// are dropped: they change no meaning and break matching;</item>
/// <item>whitespace: CR LF, CR, form feed, U+2028/2029 become <c>\n</c> (or a space without
/// <see cref="NormaliseOptions.KeepLineBreaks"/>); a run of other whitespace (space, tab, U+3000, NBSP…) becomes one
/// ASCII space; spaces at both ends of every line are dropped;</item>
/// <item>dashes (‐ ‒ – — ― − ﹘ ﹣ －) become ASCII <c>-</c>, except between two katakana, where PDF fonts put them for
/// the long-vowel mark (サ―バ → サーバ). ー (and ｰ) stays the long-vowel mark after a kana or another long-vowel ー;
/// elsewhere (alone, after a kanji, digit, Latin letter, space or bracket) it is a dash: 資料４０ー１ → 資料40-1, a
/// checklist's 「ー」 → 「-」;</item>
/// <item>the checklist mark: 〇 (U+3007) and ◯ (U+25EF) become ○ (U+25CB), except that 〇 is also the kanji zero: a run of
/// 〇 preceded by a kanji numeral (二〇二四, 一〇) or followed by kanji digits that end a number (〇四年) stays 〇.</item>
/// </list>
/// Pure and thread-safe.
/// </summary>
public static class TextNormaliser
{
    /// <summary>
    /// Longest cluster, in code points, mapped as one unit; a hostile run of combining marks is cut into pieces of this
    /// size so the work stays linear.
    /// </summary>
    public const int MaxClusterLength = 32;

    private const char LongVowelMark = 'ー';
    private const char CircleMark = '○';
    private const char KanjiZero = '〇';

    /// <summary>Normalises <paramref name="source"/> and keeps the map back to it.</summary>
    public static NormalisedText Normalise(string source, NormaliseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= NormaliseOptions.Default;
        var units = MapClusters(source, options.FoldVariants);
        var (text, starts, ends) = FoldWhitespace(units, options.KeepLineBreaks);
        var chars = text.ToCharArray();
        ApplyContextRules(chars);
        return new NormalisedText(source, new string(chars), starts, ends);
    }

    /// <summary>The normalised text alone: <c>Normalise(source).Text</c>.</summary>
    public static string Clean(string source) => Normalise(source).Text;

    /// <summary>
    /// The comparison key for labels and names: <see cref="Clean"/>, then every whitespace character removed (PDF dumps
    /// space out labels: 目 的) and every bracket style folded to ASCII parentheses (（）【】〔〕［］｛｝〈〉《》 all occur
    /// around the same words). Quotation brackets 「」『』 and the middle dot ・ are kept: they are part of names and
    /// labels (新規開発・追加・変更の理由), not layout.
    /// </summary>
    public static string FoldKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cleaned = Clean(text);
        var builder = new StringBuilder(cleaned.Length);
        foreach (var c in cleaned)
        {
            if (char.IsWhiteSpace(c))
                continue;
            builder.Append(FoldBracket(c));
        }
        return builder.ToString();
    }

    /// <summary>
    /// Old and variant ideograph forms → the common modern form (經→経, 氣→気, 國→国, 澤→沢, 髙→高) from the embedded
    /// table <c>Normalisation/Data/variant-forms.txt</c>. For search keys only: shown text keeps the author's forms.
    /// Every other character is left alone.
    /// </summary>
    public static string FoldVariants(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var variants = IdeographTables.Variants;
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var width = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var codePoint = width == 2 ? char.ConvertToUtf32(c, text[i + 1]) : c;
            if (variants.TryGetValue(codePoint, out var modern))
            {
                builder ??= new StringBuilder(text, 0, i, text.Length);
                AppendCodePoint(builder, modern);
            }
            else
            {
                builder?.Append(text, i, width);
            }
            i += width - 1;
        }
        return builder?.ToString() ?? text;
    }

    private static char FoldBracket(char c) => c switch
    {
        '（' or '【' or '〔' or '［' or '[' or '｛' or '{' or '〈' or '《' or '〖' or '〘' or '⦅' => '(',
        '）' or '】' or '〕' or '］' or ']' or '｝' or '}' or '〉' or '》' or '〗' or '〙' or '⦆' => ')',
        _ => c,
    };

    /// <summary>One normalised character and the source span [Start, End) it came from.</summary>
    private readonly record struct Unit(char Char, int Start, int End);

    // ---- pass 1: clusters → mapped characters -------------------------------------------------------------------------

    private static List<Unit> MapClusters(string source, bool foldVariants)
    {
        var units = new List<Unit>(source.Length);
        var cluster = new StringBuilder();
        var i = 0;
        while (i < source.Length)
        {
            var start = i;
            var c = source[i];
            if (c == '\r')
            {
                i += i + 1 < source.Length && source[i + 1] == '\n' ? 2 : 1;
                units.Add(new Unit('\n', start, i));
                continue;
            }
            if (!char.IsSurrogate(c) && IsStableSingle(c) && (i + 1 >= source.Length || !IsExtender(source, i + 1)))
            {
                // Fast path: ASCII, kana and common ideographs are NFKC-stable on their own.
                i++;
                var mapped = foldVariants && IdeographTables.Variants.TryGetValue(c, out var modern) ? modern : c;
                if (mapped <= 0xFFFF)
                    units.Add(new Unit((char)mapped, start, i));
                else
                    AddCodePoint(units, mapped, start, i);
                continue;
            }

            cluster.Clear();
            var count = 0;
            do
            {
                i = AppendSourceCodePoint(source, i, cluster);
                count++;
            }
            while (i < source.Length && count < MaxClusterLength && IsExtender(source, i));
            MapCluster(cluster, start, i, foldVariants, units);
        }
        return units;
    }

    /// <summary>Appends the code point at <paramref name="index"/> (a lone surrogate becomes U+FFFD); returns the next index.</summary>
    private static int AppendSourceCodePoint(string source, int index, StringBuilder cluster)
    {
        var c = source[index];
        if (char.IsHighSurrogate(c) && index + 1 < source.Length && char.IsLowSurrogate(source[index + 1]))
        {
            var codePoint = char.ConvertToUtf32(c, source[index + 1]);
            AppendCodePoint(cluster, IdeographTables.Equivalents.TryGetValue(codePoint, out var eq) ? eq : codePoint);
            return index + 2;
        }
        if (char.IsSurrogate(c))
        {
            cluster.Append('\uFFFD');
            return index + 1;
        }
        if (c == '\uFF0D')
        {
            // NFKC makes the full-width hyphen-minus ASCII '-', which the dash rule leaves alone; as a minus sign it still
            // goes through the dash rule, so that コンピュ－タ (a PDF font's long-vowel mark) becomes コンピュータ.
            cluster.Append('\u2212');
            return index + 1;
        }
        cluster.Append(IdeographTables.Equivalents.TryGetValue(c, out var unified) ? char.ConvertFromUtf32(unified) : c);
        return index + 1;
    }

    private static void MapCluster(StringBuilder cluster, int start, int end, bool foldVariants, List<Unit> units)
    {
        var raw = cluster.ToString();
        string normalised;
        try
        {
            normalised = IsCircledNumber(raw) ? raw : raw.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Cannot happen after the lone-surrogate replacement above, but a cluster must never stop a document.
            normalised = raw;
        }

        for (var k = 0; k < normalised.Length; k++)
        {
            int codePoint = normalised[k];
            if (char.IsHighSurrogate(normalised[k]) && k + 1 < normalised.Length && char.IsLowSurrogate(normalised[k + 1]))
                codePoint = char.ConvertToUtf32(normalised[k], normalised[++k]);
            if (IsDropped(codePoint))
                continue;
            if (IsLineBreak(codePoint))
                codePoint = '\n';
            else if (foldVariants && IdeographTables.Variants.TryGetValue(codePoint, out var modern))
                codePoint = modern;
            AddCodePoint(units, codePoint, start, end);
        }
    }

    private static void AddCodePoint(List<Unit> units, int codePoint, int start, int end)
    {
        if (codePoint <= 0xFFFF)
        {
            units.Add(new Unit((char)codePoint, start, end));
            return;
        }
        var pair = char.ConvertFromUtf32(codePoint);
        units.Add(new Unit(pair[0], start, end));
        units.Add(new Unit(pair[1], start, end));
    }

    private static void AppendCodePoint(StringBuilder builder, int codePoint)
    {
        if (codePoint <= 0xFFFF)
            builder.Append((char)codePoint);
        else
            builder.Append(char.ConvertFromUtf32(codePoint));
    }

    /// <summary>
    /// Circled numbers (①–⑳, ㉑–㊿) are list markers in these documents (① 新宿区内に住所を有する…, ①以外の者); NFKC would
    /// make them plain digits glued to the text that follows, so they are kept.
    /// </summary>
    private static bool IsCircledNumber(string cluster) =>
        cluster.Length == 1 && cluster[0] is (>= '\u2460' and <= '\u2473') or (>= '\u3251' and <= '\u325F') or (>= '\u32B1' and <= '\u32BF');

    /// <summary>Characters that are NFKC-stable alone and need no table lookup: printable ASCII, kana, most ideographs.</summary>
    private static bool IsStableSingle(char c) =>
        c is (>= ' ' and < '\x7F') or (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FA') or (>= '\u4E00' and <= '\u9FFF');

    /// <summary>Whether the code point at <paramref name="index"/> belongs to the preceding cluster.</summary>
    private static bool IsExtender(string source, int index)
    {
        var c = source[index];
        if (c is '\uFF9E' or '\uFF9F' || c is >= '\uFE00' and <= '\uFE0F' || c == '\u200D')
            return true;
        if (c is >= '\u1160' and <= '\u11FF')
            return true; // Hangul medial vowels and final consonants compose with the preceding jamo.
        if (char.IsHighSurrogate(c) && index + 1 < source.Length && char.IsLowSurrogate(source[index + 1]))
        {
            var codePoint = char.ConvertToUtf32(c, source[index + 1]);
            if (codePoint is >= 0xE0100 and <= 0xE01EF)
                return true; // ideographic variation selectors
            return IsMark(CharUnicodeInfo.GetUnicodeCategory(codePoint));
        }
        return !char.IsSurrogate(c) && IsMark(CharUnicodeInfo.GetUnicodeCategory(c));
    }

    private static bool IsMark(UnicodeCategory category) =>
        category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>Invisible characters that carry no meaning for matching: variation selectors, ZWSP, BOM, soft hyphen, controls.</summary>
    private static bool IsDropped(int codePoint) =>
        codePoint is >= 0xFE00 and <= 0xFE0F
            or >= 0xE0100 and <= 0xE01EF
            or 0x200B or 0x2060 or 0xFEFF or 0x00AD or 0x200E or 0x200F
            || (codePoint < 0x20 && codePoint is not ('\t' or '\n' or '\f' or '\v'))
            || codePoint is >= 0x7F and <= 0x9F and not 0x85;

    private static bool IsLineBreak(int codePoint) => codePoint is '\n' or '\f' or '\v' or 0x85 or 0x2028 or 0x2029;

    // ---- pass 2: whitespace ------------------------------------------------------------------------------------------

    private static (string Text, int[] Starts, int[] Ends) FoldWhitespace(List<Unit> units, bool keepLineBreaks)
    {
        var text = new StringBuilder(units.Count);
        var starts = new List<int>(units.Count);
        var ends = new List<int>(units.Count);
        var pending = false;
        int pendingStart = 0, pendingEnd = 0;
        foreach (var unit in units)
        {
            if (unit.Char == '\n' && keepLineBreaks)
            {
                pending = false; // spaces at the end of a line are dropped
                Emit('\n', unit.Start, unit.End);
            }
            else if (unit.Char == '\n' || char.IsWhiteSpace(unit.Char))
            {
                if (!pending)
                    pendingStart = unit.Start;
                pending = true;
                pendingEnd = unit.End;
            }
            else
            {
                if (pending && text.Length > 0 && text[^1] != '\n')
                    Emit(' ', pendingStart, pendingEnd); // spaces at the start of a line are dropped
                else if (!pending && text.Length > 0 && TryCompose(text[^1], unit.Char, out var composed))
                {
                    // A combining mark cut off from its base by a dropped character (カ + BOM + ゙) composes here, so that
                    // normalising the output again changes nothing.
                    text[^1] = composed;
                    ends[^1] = unit.End;
                    continue;
                }
                pending = false;
                Emit(unit.Char, unit.Start, unit.End);
            }
        }
        return (text.ToString(), starts.ToArray(), ends.ToArray());

        void Emit(char c, int start, int end)
        {
            text.Append(c);
            starts.Add(start);
            ends.Add(end);
        }
    }

    private static bool TryCompose(char baseChar, char mark, out char composed)
    {
        composed = default;
        if (char.IsSurrogate(baseChar) || char.IsSurrogate(mark)
            || !IsMark(CharUnicodeInfo.GetUnicodeCategory(mark)) && mark is not (>= '\u1160' and <= '\u11FF'))
            return false;
        string pair;
        try
        {
            pair = string.Concat(baseChar, mark).Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // The normaliser refuses noncharacters such as U+FFFE (found by fuzzing: a UTF-16 dump with a reversed BOM
            // inside it, followed by a combining mark); such a pair is left as it is.
            return false;
        }
        if (pair.Length != 1)
            return false;
        composed = pair[0];
        return true;
    }

    // ---- pass 3: characters decided by their neighbours -------------------------------------------------------------

    private static void ApplyContextRules(char[] text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var previous = i > 0 ? text[i - 1] : '\0';
            if (c == LongVowelMark)
            {
                // Decided left to right, so a preceding ー is still ー only if it was itself a long-vowel mark.
                if (!IsKana(previous))
                    text[i] = '-';
            }
            else if (IsDash(c))
            {
                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                // A preceding ー is still ー here only if it was decided to be a long-vowel mark.
                text[i] = (IsKatakanaLetter(previous) || previous == LongVowelMark) && IsKatakanaLetter(next) ? LongVowelMark : '-';
            }
            else if (c == '\u25EF')
            {
                text[i] = CircleMark;
            }
            else if (c == KanjiZero)
            {
                var end = i;
                while (end < text.Length && text[end] == KanjiZero)
                    end++;
                var numeric = IsKanjiNumeral(previous) || EndsKanjiNumber(text, end);
                if (!numeric)
                {
                    for (var k = i; k < end; k++)
                        text[k] = CircleMark;
                }
                i = end - 1;
            }
        }
    }

    /// <summary>Kana that can carry a long-vowel mark, the mark itself, and the iteration marks.</summary>
    private static bool IsKana(char c) =>
        c is (>= '\u3041' and <= '\u3096') or (>= '\u309D' and <= '\u309F') or (>= '\u30A1' and <= '\u30FA')
            or (>= '\u30FC' and <= '\u30FF') or (>= '\u31F0' and <= '\u31FF');

    private static bool IsKatakanaLetter(char c) => c is (>= '\u30A1' and <= '\u30FA') or (>= '\u31F0' and <= '\u31FF');

    /// <summary>Dash characters other than ASCII '-' (which needs no mapping); U+2011 and U+FF0D arrive here already as U+2010 and '-'.</summary>
    private static bool IsDash(char c) => c is '\u2010' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58';

    private static bool IsKanjiDigit(char c) => c is '〇' or '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九';

    private static bool IsKanjiNumeral(char c) => IsKanjiDigit(c) || c is '十' or '百' or '千' or '万' or '億' or '零';

    /// <summary>Whether kanji digits start at <paramref name="index"/> and end a number (end of text, a non-ideograph, or a counter like 年).</summary>
    private static bool EndsKanjiNumber(char[] text, int index)
    {
        var k = index;
        while (k < text.Length && IsKanjiNumeral(text[k]))
            k++;
        if (k == index)
            return false;
        if (k == text.Length)
            return true;
        var after = text[k];
        return !IsIdeograph(after) || "年月日号条項回度円人件歳".Contains(after);
    }

    private static bool IsIdeograph(char c) => c is (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF');
}
