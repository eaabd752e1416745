using Ingest.Core.Normalisation;

namespace Ingest.Index.Analysis;

/// <summary>Folded text and the way back: <see cref="ToSource"/> maps an offset in <see cref="Text"/> to the offset in the original.</summary>
public sealed class FoldedText
{
    private readonly Func<int, int> _toSource;

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
