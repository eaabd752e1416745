using System.Globalization;
using System.Text;
using Ingest.Core.Normalisation;

namespace Ingest.Index.Analysis;

/// <summary>Folded text and the way back: <see cref="ToSource"/> maps an offset in <see cref="Text"/> to the offset in the original.</summary>
public sealed class FoldedText
{
    private readonly Func<int, int> _toSource;

    /// <summary>Creates folded text; <paramref name="toSource"/> has one entry per folded char plus one for the end.</summary>
    public FoldedText(string text, int[] toSource)
    {
        if (toSource.Length != text.Length + 1)
            throw new ArgumentException("The offset map needs one entry per char plus the end.", nameof(toSource));
        Text = text;
        _toSource = offset => toSource[offset];
    }

    /// <summary>Creates folded text with a mapping function defined on 0..<c>text.Length</c> inclusive.</summary>
    public FoldedText(string text, Func<int, int> toSource)
    {
        Text = text;
        _toSource = toSource;
    }

    public string Text { get; }

    /// <summary>The source offset of folded offset <paramref name="offset"/> (clamped to the text).</summary>
    public int ToSource(int offset) => _toSource(Math.Clamp(offset, 0, Text.Length));
}

/// <summary>
/// The project's normalisation (<see cref="TextNormaliser"/>) with variant folding: width, radicals, compatibility and
/// old ideograph forms (經→経, 氣→気), dashes, whitespace runs. Line breaks are kept so a phrase never joins two lines silently.
/// </summary>
public sealed class NormaliserTextFolder : ITextFolder
{
    private static readonly NormaliseOptions _options = new() { KeepLineBreaks = true, FoldVariants = true };

    /// <summary>The shared instance (stateless).</summary>
    public static NormaliserTextFolder Instance { get; } = new();

    /// <inheritdoc/>
    public FoldedText Fold(string text)
    {
        var normalised = TextNormaliser.Normalise(text, _options);
        return new FoldedText(normalised.Text, normalised.ToSourceOffset);
    }
}

/// <summary>Folds text before tokenisation (width, compatibility and old character forms, dashes) while keeping offsets to the source.</summary>
public interface ITextFolder
{
    /// <summary>Folds <paramref name="text"/>; never throws on any input.</summary>
    FoldedText Fold(string text);
}

/// <summary>
/// Per-code-point NFKC folding: full-width Latin and digits, half-width katakana, Kangxi radicals and
/// compatibility ideographs become their ordinary forms, and the dash family becomes '-'.
/// Each source code point folds on its own, so every folded char maps back to exactly one source code point.
/// </summary>
public sealed class NfkcTextFolder : ITextFolder
{
    /// <summary>The shared instance (stateless).</summary>
    public static NfkcTextFolder Instance { get; } = new();

    /// <inheritdoc/>
    public FoldedText Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        var map = new List<int>(text.Length + 1);
        var index = 0;
        while (index < text.Length)
        {
            var length = char.IsSurrogatePair(text, index) ? 2 : 1;
            var folded = FoldCodePoint(text.AsSpan(index, length));
            foreach (var c in folded)
            {
                builder.Append(c);
                map.Add(index);
            }
            index += length;
        }
        map.Add(text.Length);
        return new FoldedText(builder.ToString(), [.. map]);
    }

    private static string FoldCodePoint(ReadOnlySpan<char> codePoint)
    {
        var value = codePoint.ToString();
        if (value.Length == 1 && IsDash(value[0]))
            return "-";
        // Lone surrogates cannot be normalised; keep them as they are rather than fail the document.
        if (value.Length == 1 && char.IsSurrogate(value[0]))
            return value;
        var normalised = value.IsNormalized(NormalizationForm.FormKC) ? value : value.Normalize(NormalizationForm.FormKC);
        // NFKC turns some single signs into several chars (㈱ → (株)); that is wanted, the map repeats the source offset.
        return normalised.Length == 0 ? value : normalised;
    }

    // The dash family PDFs and word processors mix freely: hyphen-minus variants, en/em dashes, minus signs, full-width hyphen.
    // The prolonged sound mark ー (U+30FC) is not a dash: it is part of katakana words.
    private static bool IsDash(char c) => c is '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFF0D' or '\uFE63' or '\u30A0'
        || (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation && c != '\u301C' && c != '\u3030' && c != '\uFF5E');
}
