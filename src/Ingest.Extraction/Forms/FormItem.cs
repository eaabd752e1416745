namespace Ingest.Extraction.Forms;

/// <summary>
/// A cell or line of cleaned text. <see cref="Marked"/> says some of it was bold or underlined in the source
/// (bracketed sub-headings like 【運用上の対策】 excepted), which is how submissions mark changed wording.
/// </summary>
public sealed record FormText(string Text, bool Marked)
{
    public static readonly FormText Empty = new(string.Empty, false);

    public bool IsEmpty => Text.Length == 0;

    /// <summary>Mean OCR confidence (0–1) of the text's letters; null when it was not recognised from an image.</summary>
    public double? Confidence { get; init; }

    /// <summary>The letter-weighted mean confidence of some recognised texts; null when none of them was recognised.</summary>
    public static double? MeanConfidence(IEnumerable<(string Text, double? Confidence)> texts)
    {
        double sum = 0, letters = 0;
        foreach (var (text, confidence) in texts)
        {
            if (confidence is not { } c || text.Length == 0)
                continue;
            sum += c * text.Length;
            letters += text.Length;
        }
        return letters == 0 ? null : sum / letters;
    }

    public override string ToString() => Text;
}

/// <summary>One unit the segmenter walks over: a table row or a line of running text.</summary>
public abstract record FormItem;

/// <summary>A table row; cells covered by a vertically merged cell above appear as empty cells.</summary>
public sealed record RowItem(IReadOnlyList<FormText> Cells) : FormItem
{
    /// <summary>The row's non-empty cells.</summary>
    public IEnumerable<FormText> Filled => Cells.Where(c => !c.IsEmpty);
}

/// <summary>A line of running text (a paragraph, a heading, or a wrapped line of a PDF dump).</summary>
public sealed record LineItem(FormText Line, int HeadingLevel) : FormItem;
