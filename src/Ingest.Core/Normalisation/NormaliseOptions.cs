namespace Ingest.Core.Normalisation;

/// <summary>Options of <see cref="TextNormaliser.Normalise"/>; the defaults are what every stage uses.</summary>
public sealed record NormaliseOptions
{
    /// <summary>The options <see cref="TextNormaliser.Clean"/> uses.</summary>
    public static NormaliseOptions Default { get; } = new();

    /// <summary>Keep line breaks as <c>\n</c> (true, the default) or fold them into a single space like other whitespace.</summary>
    public bool KeepLineBreaks { get; init; } = true;

    /// <summary>Also fold old and variant ideograph forms to the common modern form (經→経); for search keys only.</summary>
    public bool FoldVariants { get; init; }
}
