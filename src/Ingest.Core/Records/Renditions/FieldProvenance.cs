namespace Ingest.Core.Records.Renditions;

/// <summary>A field of a submission held in several files: the value shown, the file it came from, and the files that read otherwise.</summary>
public sealed record FieldSource
{
    /// <summary>Where the field is: <c>提出</c> for the submission's own fields, <c>別紙N 種別</c> for a sheet's.</summary>
    public required string Scope { get; init; }
    public required string Label { get; init; }
    public required string Value { get; init; }
    /// <summary>The rendition the value was taken from: the most faithful one that has the field.</summary>
    public required SubmissionRecord From { get; init; }
    /// <summary>Renditions whose value differs from <see cref="Value"/> after folding widths and spaces (missing counts as differing).</summary>
    public IReadOnlyList<RenditionValue> Disagreeing { get; init; } = [];
}

/// <summary>What one rendition holds for a field (null when it has no such field).</summary>
public sealed record RenditionValue(SubmissionRecord Rendition, string? Value);

/// <summary>
/// Reads each field of a submission from its most faithful rendition and notes the renditions that disagree, so a reader
/// sees which file a value came from and where the files differ (a text dump's wrapped line, a PDF's misread glyph).
/// Values are compared after folding widths, spaces and variant forms, so layout alone is no disagreement.
/// </summary>
public static class FieldProvenance
{
    /// <summary>The scope of the submission's own fields.</summary>
    public const string SubmissionScope = "提出";

    /// <summary>Every field of the group's renditions, submission fields first, then each sheet's in order.</summary>
    public static IReadOnlyList<FieldSource> Of(RenditionGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var result = new List<FieldSource>();
        Add(result, group.Renditions, SubmissionScope, SubmissionFields);
        var sheetCount = group.Renditions.Max(record => record.Sheets.Count);
        for (var i = 0; i < sheetCount; i++)
        {
            var index = i;
            var type = group.Renditions.Select(record => index < record.Sheets.Count ? record.Sheets[index].Type : null).OfType<string>().First();
            Add(result, group.Renditions, $"別紙{index + 1} {type}",
                record => index < record.Sheets.Count ? record.Sheets[index].Fields : EmptyFields.Instance);
        }
        return result;
    }

    /// <summary>Only the fields on which the renditions disagree.</summary>
    public static IReadOnlyList<FieldSource> Disagreements(RenditionGroup group) => Of(group).Where(field => field.Disagreeing.Count > 0).ToList();

    private static void Add(List<FieldSource> result, IReadOnlyList<SubmissionRecord> renditions, string scope,
        Func<SubmissionRecord, IReadOnlyDictionary<string, string>> fieldsOf)
    {
        var labels = new List<string>();
        foreach (var record in renditions)
            labels.AddRange(fieldsOf(record).Keys.Where(label => !labels.Contains(label)));
        foreach (var label in labels)
        {
            var values = renditions.Select(record => new RenditionValue(record, fieldsOf(record).GetValueOrDefault(label))).ToList();
            var chosen = values.First(value => !string.IsNullOrWhiteSpace(value.Value));
            var folded = RenditionRule.Fold(chosen.Value);
            result.Add(new FieldSource
            {
                Scope = scope,
                Label = label,
                Value = chosen.Value!,
                From = chosen.Rendition,
                Disagreeing = values.Where(value => RenditionRule.Fold(value.Value) != folded).ToList(),
            });
        }
    }

    /// <summary>The submission's own fields by their labels in the forms.</summary>
    private static IReadOnlyDictionary<string, string> SubmissionFields(SubmissionRecord record)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        void Put(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
                fields[label] = value;
        }
        Put("会議", record.Council);
        Put("区分", record.DocumentKind);
        Put("手続", record.Procedure);
        Put("資料番号", record.DocumentNumber);
        Put("件名", record.Title);
        Put("担当部課", record.Department);
        Put("根拠", record.Basis is null ? null : string.Join(" ", new[] { record.Basis.Instrument, record.Basis.Article, record.Basis.Text }.Where(part => !string.IsNullOrWhiteSpace(part))));
        foreach (var (label, value) in record.Overview)
            Put(label, value);
        return fields;
    }
}
