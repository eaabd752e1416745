namespace Ingest.Core.Records;

/// <summary>
/// One submission found in a source file: the record contract of <c>docs/record-contract.md</c>.
/// Immutable; JSON keys are the camelCase property names (see <see cref="RecordJson"/>). A collection missing from the JSON
/// (a record stored before the member existed) reads as empty: the generated reader sets every init-only member, passing
/// null for a missing one, so each collection's init keeps its empty default then.
/// </summary>
public sealed record SubmissionRecord
{
    public required SourceInfo Source { get; init; }
    public string? Council { get; init; }
    public string? DocumentKind { get; init; }
    public string? Procedure { get; init; }
    public string? DocumentNumber { get; init; }
    public string? Title { get; init; }
    public LegalBasis? Basis { get; init; }
    public string? Department { get; init; }
    public int? FiscalYear { get; init; }

    /// <summary>The meeting (第5回 → 5) when the archive's layout or manifest names it; documents rarely say it themselves.</summary>
    public int? Meeting { get; init; }

    /// <summary>事業の概要: label → text, in document order.</summary>
    public IReadOnlyDictionary<string, string> Overview { get; init => field = value ?? EmptyFields.Instance; } = EmptyFields.Instance;
    public IReadOnlyList<PriorApproval> PriorApprovals { get; init => field = value ?? []; } = [];
    public IReadOnlyList<SheetRecord> Sheets { get; init => field = value ?? []; } = [];
    public IReadOnlyList<Checklist> Checklists { get; init => field = value ?? []; } = [];

    /// <summary>Index of this submission within its file (0 for the first), so a packet's submissions stay apart.</summary>
    public int Ordinal { get; init; }

    /// <summary>Whether some field of the record carries a review mark (OCR: low confidence or corrected).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool NeedsReview => Sheets.Any(s => s.Review is { Count: > 0 });
}

/// <summary>Where a record came from.</summary>
public sealed record SourceInfo
{
    public required string Path { get; init; }
    public required string Sha256 { get; init; }
    /// <summary>The file's format by its name in <see cref="SourceFormat"/>: <c>text</c>, <c>pdf</c>, <c>docx</c>, <c>xlsx</c>, <c>doc</c>…</summary>
    public required string Format { get; init; }
    public int? Pages { get; init; }
    /// <summary>The text encoding a text file was read with (e.g. <c>utf-8</c>, <c>shift_jis</c>); null for binary formats.</summary>
    public string? Encoding { get; init; }

    /// <summary>True when some page of the file was read by OCR (a scan): its text may hold recognition errors. Absent otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public bool? Ocr { get; init; }

    /// <summary>The OCR's mean confidence (0–1) over the letters of the recognised pages; absent when no page was recognised.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? OcrConfidence { get; init; }
}

/// <summary>条例の根拠 / 要綱の根拠: which instrument, which article, and its wording.</summary>
public sealed record LegalBasis
{
    /// <summary><c>条例</c> or <c>要綱</c>.</summary>
    public required string Instrument { get; init; }
    public string? Article { get; init; }
    public string? Text { get; init; }
}

/// <summary>An earlier approval a submission refers to (令和元年度第6回…承認済み).</summary>
public sealed record PriorApproval
{
    public required int FiscalYear { get; init; }
    public int? Session { get; init; }
    public required string Text { get; init; }
}

/// <summary>One 別紙: a form of label/value cells of one kind.</summary>
public sealed record SheetRecord
{
    /// <summary><c>外部結合</c>, <c>電算処理</c>, <c>委任</c>, <c>委託</c>, or the kind the document names.</summary>
    public required string Type { get; init; }
    public string? Title { get; init; }
    /// <summary>Canonical label → whole cell text, in document order.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init => field = value ?? EmptyFields.Instance; } = EmptyFields.Instance;
    public IReadOnlyList<string> Partners { get; init => field = value ?? []; } = [];
    public Period? Period { get; init; }
    public IReadOnlyList<string> ChangedFields { get; init => field = value ?? []; } = [];

    /// <summary>
    /// Every label of the sheet as written (folded, with its parenthetical) → how it was mapped: the key its value is under
    /// in <see cref="Fields"/>, and whether that key is certain (catalogue or staff label map), inferred from the label's
    /// meaning, or unknown. Empty in records stored before labels were recorded.
    /// </summary>
    public IReadOnlyDictionary<string, LabelMapping> Labels { get; init => field = value ?? EmptyFields.Labels; } = EmptyFields.Labels;

    /// <summary>
    /// Fields of a sheet read by OCR that a person should check against the scan: read with low confidence, or whose label
    /// was corrected to the catalogue's. Absent when there are none (and always for sheets not read by OCR).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ReviewMark>? Review { get; init; }

    /// <summary>The review marks of one field (its key in <see cref="Fields"/>).</summary>
    public IEnumerable<ReviewMark> ReviewOf(string field) => Review?.Where(r => r.Field == field) ?? [];
}

/// <summary>A field to check against the scan, and why: <c>low OCR confidence 0.62</c>, <c>label corrected from 結合の相乎方</c>.</summary>
public sealed record ReviewMark
{
    /// <summary>The field's key in <see cref="SheetRecord.Fields"/>.</summary>
    public required string Field { get; init; }

    public required string Reason { get; init; }
}

/// <summary>How a written label was mapped to a field.</summary>
public enum LabelHow
{
    /// <summary>No field recognised: the value is kept under the label's own text.</summary>
    Unknown,
    /// <summary>The exact catalogue or the staff label map (<c>labels.csv</c>) names the field.</summary>
    Exact,
    /// <summary>Recognised from the label's parts and the shape of its value, with a confidence.</summary>
    Inferred,
}

/// <summary>One written label of a sheet and the field it maps to.</summary>
public sealed record LabelMapping
{
    /// <summary>The key the value is under in <see cref="SheetRecord.Fields"/>: a canonical field, or for an unknown label its own text.</summary>
    public required string Field { get; init; }

    public LabelHow How { get; init; }

    /// <summary>1 for exact mappings; for inferred ones the inference's confidence; for unknown ones that of the best candidate (below the threshold).</summary>
    public double Confidence { get; init; }

    /// <summary>Which rule decided: <c>catalogue</c>, <c>labels.csv</c>, or the inference's reading of the label and value.</summary>
    public string? Rule { get; init; }
}

/// <summary>How an arrangement's period repeats.</summary>
public enum Recurrence
{
    /// <summary>The text says nothing we can classify.</summary>
    Unknown,
    /// <summary>Bounded by a fiscal year and repeated every year: needs yearly renewal.</summary>
    Annual,
    /// <summary>Continues by itself (以降、同様の…を行う).</summary>
    Ongoing,
    /// <summary>A one-off with a start and possibly an end.</summary>
    None,
}

/// <summary>A typed 開始時期と期間 / 開始時期及び期限 cell.</summary>
public sealed record Period
{
    public required string Text { get; init; }
    public DateOnly? Start { get; init; }
    public DateOnly? End { get; init; }
    public Recurrence Recurrence { get; init; }
    public DateOnly? FirstStarted { get; init; }
    /// <summary>The exact phrase that decided <see cref="Recurrence"/>, shown as evidence in reports.</summary>
    public string? Evidence { get; init; }
}

/// <summary>個人情報保護対策チェックリスト.</summary>
public sealed record Checklist
{
    public required string Title { get; init; }
    public IReadOnlyList<ChecklistItem> Items { get; init => field = value ?? []; } = [];
}

/// <summary>One measure of a checklist.</summary>
public sealed record ChecklistItem
{
    /// <summary>Who acts: <c>区</c>, <c>結合先</c>, <c>委託先</c>, …</summary>
    public string? Party { get; init; }
    /// <summary><c>運用上</c> or <c>システム上</c>.</summary>
    public string? Category { get; init; }
    /// <summary><c>○</c> (taken) or <c>－</c> (not needed).</summary>
    public required string Mark { get; init; }
    public required string Text { get; init; }
}

internal static class EmptyFields
{
    public static readonly IReadOnlyDictionary<string, string> Instance = new Dictionary<string, string>();

    public static readonly IReadOnlyDictionary<string, LabelMapping> Labels = new Dictionary<string, LabelMapping>();
}
