namespace Ingest.Readers.Ocr;

/// <summary>
/// The lines of text in a table cell, found from the image itself: bands of rows with ink, separated by rows without.
/// A cell's lines are recognised one by one (Tesseract's single-line mode), because its block mode, given a cell of two
/// lines with tight leading, sometimes takes them for one line — the short second line (め。) is lost and the letters
/// above it misread.
/// </summary>
internal static class TextBands
{
    /// <summary>
    /// The bands (top row and height) of a black and white image. A band much lower than the tallest (a row of dots, the
    /// lone stroke of 一 or the tail of a comma cut off by a gap of a few rows) is joined to the nearer neighbouring band,
    /// since it is part of a letter, not a line; one far from any other band is a speck and dropped.
    /// </summary>
    /// <param name="binary">The image in black and white.</param>
    /// <param name="skipLongColumns">
    /// Whether columns inked over most of the image's height are left out when looking for ink in a row: on a page, the
    /// edge of a table that was cut away or a margin line would otherwise join every line of running text into one band.
    /// </param>
    public static List<(int Top, int Height)> Find(GrayImage binary, bool skipLongColumns = false)
    {
        var counted = CountedColumns(binary, skipLongColumns);
        var bands = new List<(int Top, int Height)>();
        var start = -1;
        for (var y = 0; y <= binary.Height; y++)
        {
            var ink = y < binary.Height && RowHasInk(binary, y, counted);
            if (ink && start < 0)
                start = y;
            else if (!ink && start >= 0)
            {
                bands.Add((start, y - start));
                start = -1;
            }
        }
        // The tallest band of ink, not of merged bands: a letter's height, which a merge must not grow.
        var tallest = bands.Count == 0 ? 0 : bands.Max(b => b.Height);
        // A thin band at the top or bottom that runs across most of the image is what is left of the rule beside the
        // crop (a rule found a pixel off, or broken by a seal), not part of a letter: joined to the line, Tesseract reads
        // it as ーー or reads nothing in the line at all.
        bool RuleRemnant((int Top, int Height) band) => band.Height < 0.35 * tallest && InkSpan(binary, band, counted) >= 0.5 * binary.Width;
        while (bands.Count > 1 && RuleRemnant(bands[^1]))
            bands.RemoveAt(bands.Count - 1);
        while (bands.Count > 1 && RuleRemnant(bands[0]))
            bands.RemoveAt(0);
        while (true)
        {
            var low = bands.FindIndex(b => b.Height < 0.35 * tallest);
            if (low < 0)
                break;
            var above = low > 0 ? Gap(bands[low - 1], bands[low]) : int.MaxValue;
            var below = low < bands.Count - 1 ? Gap(bands[low], bands[low + 1]) : int.MaxValue;
            if (Math.Min(above, below) > 0.5 * tallest)
            {
                bands.RemoveAt(low); // a speck far from any line
                continue;
            }
            var neighbour = above <= below ? low - 1 : low + 1;
            var (first, second) = (bands[Math.Min(low, neighbour)], bands[Math.Max(low, neighbour)]);
            bands[Math.Min(low, neighbour)] = (first.Top, second.Top + second.Height - first.Top);
            bands.RemoveAt(Math.Max(low, neighbour));
        }
        return bands;
    }

    private static int Gap((int Top, int Height) upper, (int Top, int Height) lower) => lower.Top - (upper.Top + upper.Height);

    /// <summary>How far apart the leftmost and rightmost ink of a band are, in pixels.</summary>
    private static int InkSpan(GrayImage image, (int Top, int Height) band, bool[] counted)
    {
        int left = int.MaxValue, right = int.MinValue;
        for (var y = band.Top; y < band.Top + band.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                if (counted[x] && image[x, y] == 0)
                    (left, right) = (Math.Min(left, x), Math.Max(right, x));
            }
        }
        return right < left ? 0 : right - left + 1;
    }

    private static bool RowHasInk(GrayImage image, int y, bool[] counted)
    {
        for (var x = 0; x < image.Width; x++)
        {
            if (counted[x] && image[x, y] == 0)
                return true;
        }
        return false;
    }

    private static bool[] CountedColumns(GrayImage image, bool skipLongColumns)
    {
        var counted = new bool[image.Width];
        for (var x = 0; x < image.Width; x++)
        {
            if (!skipLongColumns)
            {
                counted[x] = true;
                continue;
            }
            var ink = 0;
            for (var y = 0; y < image.Height; y++)
                ink += image[x, y] == 0 ? 1 : 0;
            counted[x] = ink < image.Height / 2;
        }
        return counted;
    }
}
