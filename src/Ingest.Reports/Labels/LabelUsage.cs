using System.Globalization;
using Ingest.Core.Records;
using Ingest.Core.Records.Renditions;

namespace Ingest.Reports.Labels;

/// <summary>
/// One label as the archive writes it, on one kind of sheet: the field it maps to, how (exact, inferred with the lowest
/// confidence met, unknown), how many sheets carry it (a submission filed in several formats counts once), and a few
/// files that do.
/// </summary>
public sealed record LabelUse(string Label, string SheetKind, string Field, LabelHow How, double Confidence, string? Rule, int Count, IReadOnlyList<string> Examples);

/// <summary>Every label of an archive and how it maps (<c>ingest labels</c>): the unknown ones first, most met first.</summary>
public sealed record LabelUsage(IReadOnlyList<LabelUse> Labels, int Sheets, int SheetsWithoutLabels)
{
    /// <summary>Files named per label.</summary>
    public const int MaxExamples = 3;

    /// <summary>
    /// Gathers the labels of <paramref name="records"/>. Sheets stored before labels were recorded are counted apart
    /// (<see cref="SheetsWithoutLabels"/>): <c>ingest reindex</c> records theirs.
    /// </summary>
    public static LabelUsage From(IEnumerable<SubmissionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var uses = new Dictionary<(string Label, string Kind), (LabelMapping Weakest, HashSet<string> Sheets, List<string> Examples)>();
        // A sheet is named by its submission (the rendition key, shared by the Word original and its PDF) and its place, so
        // the same sheet read from two renditions is counted once while the labels each rendition was written with all show.
        var sheets = new HashSet<string>(StringComparer.Ordinal);
        var without = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var submission = RenditionRule.KeyOf(record);
            for (var index = 0; index < record.Sheets.Count; index++)
            {
                var sheet = record.Sheets[index];
                var sheetId = submission + "/" + index.ToString(CultureInfo.InvariantCulture);
                sheets.Add(sheetId);
                if (sheet.Labels.Count == 0)
                {
                    without.Add(sheetId);
                    continue;
                }
                foreach (var (label, mapping) in sheet.Labels)
                {
                    var key = (label, sheet.Type);
                    var file = Path.GetFileName(record.Source.Path);
                    if (!uses.TryGetValue(key, out var use))
                        uses[key] = use = (mapping, new HashSet<string>(StringComparer.Ordinal), []);
                    if (Rank(mapping) < Rank(use.Weakest) || mapping.How == use.Weakest.How && mapping.Confidence < use.Weakest.Confidence)
                        uses[key] = use = use with { Weakest = mapping };
                    if (use.Examples.Count < MaxExamples && !use.Examples.Contains(file))
                        use.Examples.Add(file);
                    use.Sheets.Add(sheetId);
                }
            }
        }
        var labels = uses
            .Select(pair => new LabelUse(pair.Key.Label, pair.Key.Kind, pair.Value.Weakest.Field, pair.Value.Weakest.How, pair.Value.Weakest.Confidence,
                pair.Value.Weakest.Rule, pair.Value.Sheets.Count, pair.Value.Examples))
            .OrderBy(use => Rank(use.How))
            .ThenBy(use => use.How == LabelHow.Inferred ? use.Confidence : 0)
            .ThenByDescending(use => use.Count)
            .ThenBy(use => use.Label, StringComparer.Ordinal)
            .ToList();
        return new LabelUsage(labels, sheets.Count, without.Count);
    }

    /// <summary>The weakest mapping first: unknown, then inferred, then exact.</summary>
    private static int Rank(LabelMapping mapping) => Rank(mapping.How);

    private static int Rank(LabelHow how) => how switch
    {
        LabelHow.Unknown => 0,
        LabelHow.Inferred => 1,
        _ => 2,
    };
}
