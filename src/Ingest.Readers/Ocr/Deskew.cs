namespace Ingest.Readers.Ocr;

/// <summary>
/// Finds how far a scanned page is turned from square. A page of text lines and ruling lines, turned back by the right
/// angle, has the sharpest horizontal projection profile: ink piles into few rows (the lines) and leaves the gaps empty.
/// The profile's sharpness (the sum of squared row counts) is measured for candidate angles on a sample of the ink,
/// coarse then fine. Scanners feed paper up to a degree or two off; <see cref="MaxDegrees"/> bounds the search.
/// </summary>
internal static class Deskew
{
    public const double MaxDegrees = 3.0;

    /// <summary>The angle (degrees) by which <see cref="GrayImage.Rotate"/> turns the page square; 0 for a blank page.</summary>
    public static double Angle(GrayImage image, byte threshold)
    {
        var points = InkSample(image, threshold, maxPoints: 60_000);
        if (points.Count < 100)
            return 0;
        var best = Search(points, image, -MaxDegrees, MaxDegrees, 0.25, 0);
        best = Search(points, image, best - 0.25, best + 0.25, 0.05, best);
        best = Search(points, image, best - 0.05, best + 0.05, 0.01, best);
        return Math.Abs(best) < 0.02 ? 0 : best;
    }

    private static double Search(List<(float X, float Y)> points, GrayImage image, double from, double to, double step, double fallback)
    {
        var bestScore = double.MinValue;
        var best = fallback;
        for (var angle = from; angle <= to + 1e-9; angle += step)
        {
            var score = Sharpness(points, image, angle);
            if (score > bestScore)
                (bestScore, best) = (score, angle);
        }
        return best;
    }

    /// <summary>Sum of squared counts of the ink's rows after turning by <paramref name="degrees"/> (as <see cref="GrayImage.Rotate"/> would).</summary>
    private static double Sharpness(List<(float X, float Y)> points, GrayImage image, double degrees)
    {
        var (sin, cos) = Math.SinCos(degrees * Math.PI / 180);
        double cx = image.Width / 2.0, cy = image.Height / 2.0;
        var rows = new int[image.Height * 2];
        foreach (var (x, y) in points)
        {
            var row = (int)(-sin * (x - cx) + cos * (y - cy) + image.Height);
            if (row >= 0 && row < rows.Length)
                rows[row]++;
        }
        double score = 0;
        foreach (var count in rows)
            score += (double)count * count;
        return score;
    }

    /// <summary>Ink pixels, every n-th (n chosen so at most about <paramref name="maxPoints"/> are kept, spread over the page).</summary>
    private static List<(float X, float Y)> InkSample(GrayImage image, byte threshold, int maxPoints)
    {
        var total = 0L;
        foreach (var p in image.Pixels)
            total += p <= threshold ? 1 : 0;
        var stride = Math.Max(1, (int)(total / maxPoints));
        var points = new List<(float, float)>((int)Math.Min(total, maxPoints + 1));
        var seen = 0L;
        for (var y = 0; y < image.Height; y++)
        {
            var row = y * image.Width;
            for (var x = 0; x < image.Width; x++)
            {
                if (image.Pixels[row + x] <= threshold && seen++ % stride == 0)
                    points.Add((x, y));
            }
        }
        return points;
    }
}
