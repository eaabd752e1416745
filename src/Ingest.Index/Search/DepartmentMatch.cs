namespace Ingest.Index.Search;

/// <summary>
/// How a department filter matches a department name. Municipal departments are written as a chain of organisational
/// units, each ending in a unit word: 地域振興部戸籍住民課 is 地域振興部 + 戸籍住民課, 教育委員会事務局教育支援課 is 教育委員会 +
/// 事務局 + 教育支援課. A submission's 担当部課 usually gives 部 and 課, its sheets' 保有課 the 課 alone. So a filter matches a
/// name that contains it as whole units: 区民課 and 区民部 both find 区民部区民課, but 住民課 does not find 戸籍住民課 (another
/// section whose name merely ends the same) and 福祉課 does not find 社会福祉課. Both sides are compared as fold keys
/// (<see cref="Analysis.IndexAnalysis.FoldKey"/>: widths, variant forms and case folded, whitespace dropped), so
/// 区民部　区民課 equals 区民部区民課.
/// </summary>
public static class DepartmentMatch
{
    /// <summary>
    /// Words that end a unit of a department name. Single ideographs are common unit endings; longer words are listed
    /// whole so that, say, 社会 (a 会 that ends no unit) does not count as one.
    /// </summary>
    public static IReadOnlyList<string> UnitEndings { get; } =
        ["局", "部", "課", "室", "係", "所", "館", "班", "庁", "署", "院", "園", "場", "担当", "委員会", "センター", "グループ", "チーム"];

    /// <summary>
    /// True when <paramref name="filterKey"/> is <paramref name="nameKey"/> or a run of whole units of it: it starts
    /// where a unit starts, and ends where the name ends or with a unit ending. Both arguments are fold keys.
    /// </summary>
    public static bool Matches(string nameKey, string filterKey)
    {
        ArgumentNullException.ThrowIfNull(nameKey);
        ArgumentNullException.ThrowIfNull(filterKey);
        if (filterKey.Length == 0)
            return false;
        for (var at = nameKey.IndexOf(filterKey, StringComparison.Ordinal); at >= 0; at = nameKey.IndexOf(filterKey, at + 1, StringComparison.Ordinal))
        {
            var end = at + filterKey.Length;
            var startsUnit = at == 0 || EndsUnit(nameKey.AsSpan(0, at));
            var endsUnit = end == nameKey.Length || EndsUnit(filterKey);
            if (startsUnit && endsUnit)
                return true;
        }
        return false;
    }

    private static bool EndsUnit(ReadOnlySpan<char> text)
    {
        foreach (var ending in UnitEndings)
        {
            if (text.EndsWith(ending, StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
