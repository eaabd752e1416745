using System.Text.RegularExpressions;
using Ingest.Extraction.Labels;

namespace Ingest.Extraction.Segmentation;

/// <summary>
/// Reads who acts and what kind of measure a checklist group is, from its title column:
/// 区が行う個人情報保護対策【運用上の対策】 → (区, 運用上); 結合先に行わせる情報保護対策【システム上の対策】 → (結合先, システム上).
/// </summary>
internal static partial class ChecklistParties
{
    /// <summary>Party and category named in a cell or in the gathered title-column lines; a category is null when both kinds are named.</summary>
    public static (string? Party, string? Category) Parse(string text)
    {
        var key = LabelKey.Fold(text);
        var parties = Party().Matches(key).Select(m => m.Groups[1].Value).Distinct().ToArray();
        var categories = Category().Matches(key).Select(m => m.Groups[1].Value).Distinct().ToArray();
        return (parties.Length == 1 ? parties[0] : null, categories.Length == 1 ? categories[0] : null);
    }

    [GeneratedRegex(@"(区|結合先|委託先|委任先|受託事業者|再委託先|提供先)(?:が行う|に行わせる)", RegexOptions.NonBacktracking)]
    private static partial Regex Party();

    [GeneratedRegex(@"\((運用上|システム上|物理的|技術的|人的)の?対策\)", RegexOptions.NonBacktracking)]
    private static partial Regex Category();
}
