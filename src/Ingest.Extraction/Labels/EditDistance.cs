namespace Ingest.Extraction.Labels;

/// <summary>Levenshtein distance (insert, delete, substitute one letter) with an upper bound, for OCR slips in labels.</summary>
public static class EditDistance
{
    /// <summary>The distance between <paramref name="a"/> and <paramref name="b"/> when it is at most <paramref name="limit"/>; null when farther.</summary>
    public static int? Within(string a, string b, int limit)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Length - b.Length) > limit)
            return null;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowBest = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j] + 1, current[j - 1] + 1));
                rowBest = Math.Min(rowBest, current[j]);
            }
            // Every later row is at least this row's best: past the limit, stop.
            if (rowBest > limit)
                return null;
            (previous, current) = (current, previous);
        }
        return previous[b.Length] <= limit ? previous[b.Length] : null;
    }
}
