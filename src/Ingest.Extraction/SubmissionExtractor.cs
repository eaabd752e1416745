using System.Text.RegularExpressions;
using Ingest.Core.Dates;
using Ingest.Core.Diagnostics;
using Ingest.Core.Layout;
using Ingest.Core.Records;
using Ingest.Extraction.Forms;
using Ingest.Extraction.Labels;
using Ingest.Extraction.Segmentation;
using Ingest.Extraction.Values;

namespace Ingest.Extraction;

/// <summary>Options of the default extractor.</summary>
public sealed record ExtractionOptions
{
    /// <summary>Canonical partner names; the product's editable alias table by default.</summary>
    public PartnerCatalog Partners { get; init; } = PartnerCatalog.Default;

    /// <summary>Labels staff mapped to fields (an index's <c>labels.csv</c>); none by default.</summary>
    public LabelMap Labels { get; init; } = LabelMap.Empty;
}

/// <summary>
/// The default extractor: flattens the layout into rows and lines, segments them into submissions, sheets and
/// checklists, maps labels to canonical fields and derives the typed values (periods, partners, prior approvals,
/// fiscal year). Pure and thread-safe.
/// </summary>
public sealed partial class SubmissionExtractor(ExtractionOptions? options = null) : ISubmissionExtractor
{
    private readonly ExtractionOptions _options = options ?? new ExtractionOptions();
    private readonly LabelResolver _labels = options?.Labels is { IsEmpty: false } map ? new LabelResolver(map, LabelInference.Default) : LabelResolver.Default;

    public Result<IReadOnlyList<SubmissionRecord>> Extract(LayoutDocument layout, SourceInfo source)
    {
        var items = LayoutFlattener.Flatten(layout);
        if (items.Count == 0)
            return Result<IReadOnlyList<SubmissionRecord>>.Fail("no text found");
        var builders = SubmissionSegmenter.Segment(items, _labels);
        if (builders.Count == 0)
            return Result<IReadOnlyList<SubmissionRecord>>.Fail("no submission found: no council heading, 件名, 事業の概要 or 別紙 form recognised");

        var diagnostics = new List<Diagnostic>();
        var records = new List<SubmissionRecord>();
        for (var i = 0; i < builders.Count; i++)
        {
            var record = Build(builders[i], source, i);
            if (record.Sheets.Count == 0)
                diagnostics.Add(new Diagnostic(Severity.Warning, source.Path, $"submission {i + 1} ({record.Title ?? "untitled"}): no 別紙 sheet recognised"));
            records.Add(record);
        }
        return Result<IReadOnlyList<SubmissionRecord>>.Ok(records, diagnostics);
    }

    private SubmissionRecord Build(SubmissionBuilder builder, SourceInfo source, int ordinal)
    {
        var allText = string.Join("\n", builder.AllText);
        var terms = DefinedTerms.Find(allText);
        var sheets = builder.Sheets.Select(s => BuildSheet(s, terms, source.Ocr == true)).ToArray();
        var overview = builder.Overview.Build();
        return new SubmissionRecord
        {
            Source = source,
            Ordinal = ordinal,
            Council = builder.Council,
            DocumentKind = builder.DocumentKind,
            Procedure = builder.Procedure,
            DocumentNumber = builder.DocumentNumber ?? DocumentNumberFromAttachments(allText),
            Title = builder.Title,
            Basis = builder.Basis,
            Department = builder.Department,
            Overview = overview,
            PriorApprovals = PriorApprovalParser.FindAll(allText),
            Sheets = sheets,
            Checklists = builder.Checklists.Select(BuildChecklist).Where(c => c.Items.Count > 0).ToArray(),
            FiscalYear = FiscalYearFromPath(source.Path) ?? FiscalYearFromContent(sheets, overview),
        };
    }

    private SheetRecord BuildSheet(SheetBuilder builder, DefinedTerms terms, bool ocr)
    {
        var entries = builder.Fields.Entries();
        // The kind as far as the certain labels, a marker line or the title tell; the inference reads the others in it.
        var known = entries.Where(e => e.Known).Select(e => e.Key).ToArray();
        var kind = SheetKinds.FromLabels(known) ?? builder.MarkedType ?? SheetKinds.FromTitle(builder.Title);
        return SheetFrom(_labels.MapSheet(entries, kind, ocr), builder.MarkedType, builder.Title, terms, ocr);
    }

    /// <summary>The typed sheet from its mapped labels: kind, partners and period read from the fields with those roles.</summary>
    private SheetRecord SheetFrom(MappedSheet mapped, string? markedType, string? title, DefinedTerms terms, bool ocr = false)
    {
        var (fields, snapped) = ocr ? SnapEras(mapped.Fields) : (mapped.Fields, []);
        var review = mapped.Review.Concat(snapped).ToArray();
        var type = SheetKinds.FromLabels(fields.Keys.ToArray()) ?? markedType ?? SheetKinds.FromTitle(title) ?? mapped.Kind ?? "不明";
        var partners = new List<string>();
        Period? period = null;
        foreach (var (label, value) in fields)
        {
            switch (LabelCatalog.Sheets.RoleOf(label))
            {
                case LabelRole.Partner:
                    foreach (var partner in PartnerParser.Parse(value, _options.Partners, terms))
                    {
                        if (!partners.Contains(partner))
                            partners.Add(partner);
                    }
                    break;
                case LabelRole.Period when period is null:
                    period = PeriodParser.Parse(value);
                    break;
            }
        }
        return new SheetRecord
        {
            Type = type,
            Title = title,
            Fields = fields,
            Partners = partners,
            Period = period,
            ChangedFields = mapped.ChangedFields,
            Labels = mapped.Labels,
            Review = review.Length > 0 ? review : null,
        };
    }

    /// <summary>A scan's field values with era misreads before a year snapped (<see cref="EraSnapping"/>), and the marks saying so.</summary>
    private static (IReadOnlyDictionary<string, string> Fields, IReadOnlyList<ReviewMark> Marks) SnapEras(IReadOnlyDictionary<string, string> fields)
    {
        var result = new OrderedDictionary<string, string>();
        var marks = new List<ReviewMark>();
        foreach (var (label, value) in fields)
        {
            var (text, changed) = EraSnapping.Snap(label, value);
            result[label] = text;
            marks.AddRange(changed);
        }
        return (result, marks);
    }

    /// <summary>
    /// Maps the labels of a stored record again (a new label map, a better inference) without its source file: each sheet's
    /// written labels and values as stored, through the same resolver as extraction, then partners, periods and the fiscal
    /// year read again. A record stored before labels were recorded is taken from its field names. Layout-bound readings
    /// (a label running-line reading found or missed) are not redone: only extraction from the source can.
    /// </summary>
    public SubmissionRecord Remap(SubmissionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var text = string.Join("\n", record.Overview.Values.Concat(record.Sheets.SelectMany(s => s.Fields.Values)));
        var terms = DefinedTerms.Find(text);
        var sheets = record.Sheets.Select(sheet =>
        {
            var entries = StoredEntries(sheet);
            var known = entries.Where(e => e.Known).Select(e => e.Key).ToArray();
            var marked = SheetKinds.FromLabels(known) is null && sheet.Type != "不明" ? sheet.Type : null;
            var kind = SheetKinds.FromLabels(known) ?? marked ?? SheetKinds.FromTitle(sheet.Title);
            var ocr = record.Source.Ocr == true;
            var again = SheetFrom(_labels.MapSheet(entries, kind, ocr), marked, sheet.Title, terms, ocr);
            // The scan's confidences are not stored: the marks read at extraction stay, beside the labels corrected again.
            var review = (again.Review ?? []).Concat(sheet.Review ?? []).Distinct().ToArray();
            return again with { Review = review.Length > 0 ? review : null };
        }).ToArray();
        return record with
        {
            Sheets = sheets,
            FiscalYear = FiscalYearFromPath(record.Source.Path) ?? FiscalYearFromContent(sheets, record.Overview),
        };
    }

    /// <summary>A stored sheet's labels as read: its written labels with their values, or its field names when none were stored.</summary>
    private static IReadOnlyList<LabelledValue> StoredEntries(SheetRecord sheet)
    {
        var changed = sheet.ChangedFields.ToHashSet(StringComparer.Ordinal);
        var given = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<LabelledValue>();
        var labels = sheet.Labels.Count > 0 ? sheet.Labels.Select(l => (Written: l.Key, l.Value.Field)) : sheet.Fields.Keys.Select(k => (Written: k, Field: k));
        foreach (var (written, field) in labels)
        {
            var key = LabelCatalog.Sheets.Canonicalise(written, out var known);
            // Two labels gathered under one field hold one value: it goes with the first.
            var value = given.Add(field) ? sheet.Fields.GetValueOrDefault(field) ?? string.Empty : string.Empty;
            entries.Add(new LabelledValue(written, key, known, value, changed.Contains(field)));
        }
        return entries;
    }

    private static Checklist BuildChecklist(ChecklistBuilder builder)
    {
        var (defaultParty, defaultCategory) = ChecklistParties.Parse(string.Concat(builder.PartyLines));
        var items = new List<ChecklistItem>();
        foreach (var (party, category, mark, pieces) in builder.Items)
        {
            foreach (var measure in ChecklistMeasures.Split(TextJoin.Join(pieces)))
            {
                items.Add(new ChecklistItem
                {
                    Party = party ?? defaultParty,
                    Category = category ?? defaultCategory,
                    Mark = mark,
                    Text = measure,
                });
            }
        }
        return new Checklist { Title = builder.Title ?? "個人情報保護対策チェックリスト", Items = items };
    }

    /// <summary>A packet's attachments are numbered after it (資料15-1, 資料15-2 belong to 資料15): the commonest base number.</summary>
    private static string? DocumentNumberFromAttachments(string text)
    {
        var numbers = AttachmentReference().Matches(text).Select(m => m.Groups[1].Value).ToArray();
        if (numbers.Length == 0)
            return null;
        return "資料" + numbers.GroupBy(n => n).OrderByDescending(g => g.Count()).First().Key;
    }

    /// <summary>A folder or file name that names a fiscal year (令和6年度, R6, 2024年度) overrides the content.</summary>
    private static int? FiscalYearFromPath(string path) => FolderFiscalYear.FromPath(path)?.Year;

    /// <summary>
    /// The fiscal year of the submission's own effective date: the earliest period start, 変更日 or 実施時期.
    /// History (※H27.1.30 委任開始) is not the submission's own date and is ignored by the period parser already.
    /// </summary>
    private static int? FiscalYearFromContent(IReadOnlyList<SheetRecord> sheets, IReadOnlyDictionary<string, string> overview)
    {
        var dates = sheets.Select(s => s.Period?.Start).OfType<DateOnly>().ToList();
        foreach (var value in overview.Values)
        {
            foreach (Match m in EffectiveDateLabel().Matches(value))
            {
                var after = value[(m.Index + m.Length)..];
                var found = JapaneseDateParser.FindAll(after[..Math.Min(after.Length, 40)]);
                if (found.Count > 0 && found[0].Precision != DatePrecision.Year && found[0].Index < 8)
                    dates.Add(found[0].Date);
            }
        }
        return dates.Count == 0 ? null : FiscalYear.Of(dates.Min()).Year;
    }

    [GeneratedRegex(@"資料\s*(\d+)\s*-\s*\d+", RegexOptions.NonBacktracking)]
    private static partial Regex AttachmentReference();

    [GeneratedRegex(@"(変更日|実施時期|実施日|開始日|開始時期|施行日)\s*[:：]?\s*", RegexOptions.NonBacktracking)]
    private static partial Regex EffectiveDateLabel();
}
