using Ingest.Core.Records;
using Ingest.Core.Values;

namespace Ingest.Reports.Renewals;

/// <summary>
/// Why an arrangement needs a person to read it: its sheet gives no partner or no period, so neither who it is with nor
/// when it is due can be known. Names the label the missing item probably stands under — an unknown label whose value
/// has the item's shape (a body's name, a date range) — so staff can teach it (<c>labels.csv</c>). Pure.
/// </summary>
public static class ReviewReasons
{
    /// <summary>The reasons an arrangement needs review, joined with "; ", or null when its partner and period are both known.</summary>
    public static string? For(SheetRecord sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var reasons = new List<string>();
        if (sheet.Partners.Count == 0)
            reasons.Add(Missing("partner", sheet, ValueShapes.IsOrganisation));
        if (sheet.Period is null)
            reasons.Add(Missing("period", sheet, ValueShapes.IsPeriod));
        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    private static string Missing(string item, SheetRecord sheet, Func<string, bool> hasShape)
    {
        var suspects = sheet.Labels
            .Where(label => label.Value.How == LabelHow.Unknown && sheet.Fields.TryGetValue(label.Value.Field, out var value) && hasShape(value))
            .Select(label => label.Key)
            .ToList();
        return suspects.Count > 0 ? $"{item} label not recognised: {string.Join("、", suspects)}" : $"no {item} found";
    }
}
