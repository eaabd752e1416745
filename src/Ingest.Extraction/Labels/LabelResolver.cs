using Ingest.Core.Records;

namespace Ingest.Extraction.Labels;

/// <summary>
/// One label of a sheet as read: how it was written (folded, with its parenthetical), the key it was gathered under (its
/// canonical name when the catalogue <see cref="Known"/> it, else its folded text), its value and whether it was marked
/// as changed.
/// </summary>
public sealed record LabelledValue(string Written, string Key, bool Known, string Value, bool Marked)
{
    /// <summary>Mean OCR confidence (0–1) of the value's letters; null when it was not recognised from an image.</summary>
    public double? Confidence { get; init; }
}

/// <summary>A sheet's labels mapped: fields by canonical (or, when unknown, own) name, each written label's mapping, the changed fields.</summary>
public sealed record MappedSheet(
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyDictionary<string, LabelMapping> Labels,
    IReadOnlyList<string> ChangedFields,
    string? Kind)
{
    /// <summary>Fields to check against the scan (OCR only); empty otherwise.</summary>
    public IReadOnlyList<ReviewMark> Review { get; init; } = [];
}

/// <summary>
/// Maps the labels of a sheet to fields, in order of certainty: the staff label map (<see cref="LabelMap"/>), then the
/// exact catalogue (<see cref="LabelCatalog"/>), then the inference by meaning (<see cref="LabelInference"/>) in the
/// context of the sheet's kind; what none of them maps stays under its own text and is recorded as unknown. The one place
/// where a sheet's labels become fields. Immutable and thread-safe.
/// </summary>
public sealed class LabelResolver(LabelMap map, LabelInference inference)
{
    /// <summary>The catalogue and the inference, no staff map.</summary>
    public static LabelResolver Default { get; } = new(LabelMap.Empty, LabelInference.Default);

    public LabelMap Map { get; } = map;

    public LabelInference Inference { get; } = inference;

    /// <summary>
    /// What a label standing at the start of a running line (a PDF dump has no cells) says, if it is a label at all: one
    /// staff mapped, or one the inference reads with at least <see cref="LabelInference.LineLabelThreshold"/>.
    /// </summary>
    public LabelReading? ReadLineLabel(string folded)
    {
        if (Map.Find(folded, kind: null) is { } taught && SheetFields.MeaningOf(taught.Field) is { } meaning)
            return new LabelReading(meaning, folded, 1, null, $"labels.csv line {taught.Line}");
        return Inference.Read(folded) is { } reading && reading.Confidence >= LabelInference.LineLabelThreshold ? reading : null;
    }

    /// <summary>
    /// Maps a sheet's labels. <paramref name="kind"/> is the sheet's kind as far as known before inference (from catalogued
    /// labels, a marker line or the title); when it is null, the arrangements the unknown labels name vote.
    /// </summary>
    public MappedSheet MapSheet(IReadOnlyList<LabelledValue> values, string? kind)
    {
        return MapSheet(values, kind, ocr: false);
    }

    /// <summary>
    /// Maps a sheet's labels; when it was read by <paramref name="ocr"/>, a field whose value was recognised with less than
    /// <see cref="OcrReview.LowConfidence"/> is marked for review.
    /// </summary>
    public MappedSheet MapSheet(IReadOnlyList<LabelledValue> values, string? kind, bool ocr)
    {
        ArgumentNullException.ThrowIfNull(values);
        kind ??= Vote(values);
        var fields = new OrderedDictionary<string, string>();
        var labels = new OrderedDictionary<string, LabelMapping>();
        var changed = new List<string>();
        var review = new List<ReviewMark>();
        foreach (var value in values)
        {
            var mapping = Resolve(value, kind, ocr);
            if (ocr && mapping.Rule == CorrectedRule)
                review.Add(OcrReview.CorrectedLabelMark(mapping.Field, value.Written));
            if (ocr && OcrReview.LowConfidenceMark(mapping.Field, value.Confidence) is { } low)
                review.Add(low);
            // Two labels of one form that name the same field (rare) gather both values, as a label met twice does.
            if (!fields.TryGetValue(mapping.Field, out var earlier))
                fields[mapping.Field] = value.Value;
            else if (value.Value.Length > 0)
                fields[mapping.Field] = earlier.Length > 0 ? earlier + " " + value.Value : value.Value;
            labels.TryAdd(value.Written, mapping);
            if (value.Marked && !changed.Contains(mapping.Field))
                changed.Add(mapping.Field);
        }
        return new MappedSheet(fields, labels, changed, kind) { Review = review };
    }

    /// <summary>The rule of a label read by OCR and matched to the catalogue within <see cref="OcrReview.Tolerance"/>.</summary>
    public const string CorrectedRule = "catalogue, OCR edit distance";

    private LabelMapping Resolve(LabelledValue value, string? kind, bool ocr)
    {
        if (Map.Find(value.Written, kind) is { } taught)
            return new LabelMapping { Field = taught.Field, How = LabelHow.Exact, Confidence = 1, Rule = $"labels.csv line {taught.Line}" };
        if (value.Known)
            return new LabelMapping { Field = value.Key, How = LabelHow.Exact, Confidence = 1, Rule = "catalogue" };
        // Only a scan's labels are corrected: a typed label that differs from the catalogue's is a different wording.
        if (ocr && OcrReview.NearestLabel(LabelCatalog.Sheets, LabelCatalog.StripParenthetical(value.Written)) is { } near)
            return new LabelMapping { Field = near.Canonical, How = LabelHow.Exact, Confidence = 1, Rule = CorrectedRule };
        var resolution = Inference.Resolve(value.Written, kind, value.Value);
        return new LabelMapping
        {
            Field = resolution.Field ?? value.Key,
            How = resolution.How,
            Confidence = resolution.Confidence,
            Rule = resolution.Rule,
        };
    }

    /// <summary>The arrangement most unknown labels name (受託者, 委託期間 → 委託), when the sheet says nothing else.</summary>
    private string? Vote(IReadOnlyList<LabelledValue> values) =>
        values.Where(v => !v.Known).Select(v => Inference.Read(v.Written)?.Kind).OfType<string>()
            .GroupBy(k => k).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
}
