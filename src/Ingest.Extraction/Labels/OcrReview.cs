using System.Globalization;
using Ingest.Core.Records;

namespace Ingest.Extraction.Labels;

/// <summary>What of a sheet read by OCR a person should check against the scan.</summary>
public static class OcrReview
{
    /// <summary>
    /// A field whose value's letters were recognised with a mean confidence below this is marked for review. Chosen from the
    /// 34 sheet fields of the four scans of <c>corpus/scans/</c> (README, OCR section): every field read right has 0.88 or
    /// more, and the six below 0.88 (0.76–0.87) each hold a misread letter or stray ink. Fields whose letters came out right
    /// but interleaved with a neighbouring cell's keep high confidence (0.91–0.95) and are not caught by this.
    /// </summary>
    public const double LowConfidence = 0.88;

    /// <summary>The review mark of a field read with low confidence; null when the confidence is unknown or high enough.</summary>
    public static ReviewMark? LowConfidenceMark(string field, double? confidence) =>
        confidence is { } c && c < LowConfidence
            ? new ReviewMark { Field = field, Reason = string.Create(CultureInfo.InvariantCulture, $"low OCR confidence {c:0.00}") }
            : null;

    /// <summary>The review mark of a label read by OCR and corrected to the catalogue's.</summary>
    public static ReviewMark CorrectedLabelMark(string field, string written) =>
        new() { Field = field, Reason = $"label corrected from {written}" };

    /// <summary>
    /// How many letters an OCR slip may change in a label of this length: one, or two in a label of six letters or more
    /// (the recogniser misreads about one letter in ten on a poor scan; a short label with two wrong letters is another label).
    /// </summary>
    public static int Tolerance(int length) => length >= 6 ? 2 : 1;

    /// <summary>
    /// The one catalogue label a label misread by OCR stands for: some variant of it is within <see cref="Tolerance"/> (of
    /// the variant's length) of <paramref name="folded"/>, and no other catalogue label is as near. Null when none is near
    /// enough or two are equally near (委X理由 could be 委託理由 or 委任理由: a guess there would hide the slip).
    /// </summary>
    public static LabelDefinition? NearestLabel(LabelCatalog catalog, string folded)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (folded.Length == 0)
            return null;
        LabelDefinition? best = null;
        var bestDistance = int.MaxValue;
        var tied = false;
        foreach (var definition in catalog.Definitions)
        {
            var distance = definition.Variants
                .Select(LabelKey.Fold)
                .Select(variant => (variant, d: EditDistance.Within(folded, variant, Tolerance(variant.Length))))
                .Where(v => v.d is not null)
                .Select(v => v.d!.Value)
                .DefaultIfEmpty(int.MaxValue)
                .Min();
            if (distance == int.MaxValue)
                continue;
            if (distance < bestDistance)
            {
                (best, bestDistance, tied) = (definition, distance, false);
            }
            else if (distance == bestDistance)
            {
                tied = true;
            }
        }
        return tied ? null : best;
    }
}
