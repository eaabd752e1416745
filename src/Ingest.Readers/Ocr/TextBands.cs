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
    /// since it is part of a letter, not a line.
    /// </summary>
    public static List<(int Top, int Height)> Find(GrayImage binary)
    {
        var bands = new List<(int Top, int Height)>();
        var start = -1;
        for (var y = 0; y <= binary.Height; y++)
        {
            var ink = y < binary.Height && RowHasInk(binary, y);
            if (ink && start < 0)
                start = y;
            else if (!ink && start >= 0)
            {
                bands.Add((start, y - start));
                start = -1;
            }
        }
        while (bands.Count > 1)
        {
            var tallest = bands.Max(b => b.Height);
            var low = bands.FindIndex(b => b.Height < 0.35 * tallest);
            if (low < 0)
                break;
            var neighbour = low == 0 ? 1
                : low == bands.Count - 1 ? low - 1
                : Gap(bands[low - 1], bands[low]) <= Gap(bands[low], bands[low + 1]) ? low - 1 : low + 1;
            var (first, second) = (bands[Math.Min(low, neighbour)], bands[Math.Max(low, neighbour)]);
            bands[Math.Min(low, neighbour)] = (first.Top, second.Top + second.Height - first.Top);
            bands.RemoveAt(Math.Max(low, neighbour));
        }
        return bands;
    }

    private static int Gap((int Top, int Height) upper, (int Top, int Height) lower) => lower.Top - (upper.Top + upper.Height);

    private static bool RowHasInk(GrayImage image, int y)
    {
        for (var x = 0; x < image.Width; x++)
        {
            if (image[x, y] == 0)
                return true;
        }
        return false;
    }
}
