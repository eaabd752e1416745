namespace Ingest.Core.Normalisation;

/// <summary>
/// Radical code points (Kangxi Radicals U+2F00–2FDF, CJK Radicals Supplement U+2E80–2EFF) and the unified ideographs
/// they stand for. PDF producers emit radicals for ordinary kanji when a font maps both to one glyph (⼾籍 for 戸籍); the
/// PDF reader turns them back into the ideograph on the page. Pure and thread-safe.
/// </summary>
public static class RadicalForms
{
    /// <summary>Whether <paramref name="codePoint"/> is in the Kangxi Radicals or CJK Radicals Supplement block.</summary>
    public static bool IsRadical(int codePoint) => codePoint is >= 0x2E80 and <= 0x2EFF or >= 0x2F00 and <= 0x2FDF;

    /// <summary>Whether <paramref name="text"/> holds a radical (a cheap test before any font lookup).</summary>
    public static bool ContainsRadical(string text)
    {
        foreach (var c in text)
        {
            if (IsRadical(c))
                return true;
        }
        return false;
    }

    /// <summary>Unicode's equivalent unified ideograph (EquivalentUnifiedIdeograph.txt), or null when it lists none.</summary>
    public static int? UnicodeEquivalent(int radical) =>
        IdeographTables.Equivalents.TryGetValue(radical, out var ideograph) ? ideograph : null;

    /// <summary>
    /// The ideograph a Japanese font draws for <paramref name="radical"/>: the documented Japanese preference where it
    /// differs from Unicode (⼾ → 戸, not 戶), else Unicode's equivalent; null for a code point that is no radical with one.
    /// For text whose glyphs a font drew (PDF); a text file's radicals follow Unicode (<see cref="TextNormaliser"/>).
    /// </summary>
    public static int? JapaneseForm(int radical) =>
        IdeographTables.JapaneseRadicalForms.TryGetValue(radical, out var japanese) ? japanese : UnicodeEquivalent(radical);

    /// <summary>The ideographs a radical may stand for, the Japanese form first: what a font's cmap is searched for.</summary>
    public static IReadOnlyList<int> Candidates(int radical)
    {
        var candidates = new List<int>(2);
        if (IdeographTables.JapaneseRadicalForms.TryGetValue(radical, out var japanese))
            candidates.Add(japanese);
        if (UnicodeEquivalent(radical) is { } equivalent && !candidates.Contains(equivalent))
            candidates.Add(equivalent);
        return candidates;
    }
}
