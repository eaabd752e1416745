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
}
