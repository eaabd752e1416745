namespace Ingest.Readers.Ocr;

/// <summary>A ruling line found in an image, in pixels (y down): a horizontal one runs X1..X2 at Y1 = Y2, a vertical one Y1..Y2 at X1 = X2.</summary>
internal readonly record struct PixelRule(double X1, double Y1, double X2, double Y2, int Thickness)
{
    public bool IsHorizontal => Y1 == Y2;
}

/// <summary>
/// Finds the ruling lines of a (deskewed) scan: long straight runs of ink. A letter's strokes are at most a letter long,
/// so a run much longer than a letter, thin, and straight is a rule. Scans break thin rules (dropout, noise, JPEG), so a
/// run may bridge a few white pixels; neighbouring rows' runs that overlap are one rule of that thickness.
/// </summary>
internal static class RulingDetector
{
    /// <summary>Shortest rule, in inches: a table row one line high is about 0.3 in, a 10.5-point letter about 0.15 in.</summary>
    public const double MinLengthInches = 0.2;

    /// <summary>Thickest rule, in inches (about 1.3 mm): thicker dark areas are fills, stamps or photographs, not rules.</summary>
    public const double MaxThicknessInches = 0.05;

    /// <summary>Longest gap bridged inside a run, in inches (about 0.13 mm: two pixels at 300 dpi).</summary>
    public const double MaxGapInches = 0.005;

    /// <summary>
    /// Shortest rule, in inches, that closes a narrow cell: a rule shorter than <see cref="MinLengthInches"/> (the side of a
    /// one-line row, a narrow column) counts when both its ends meet long rules across it, which a letter's stroke never does.
    /// </summary>
    public const double MinClosingLengthInches = 0.06;

    public static List<PixelRule> Find(bool[] ink, int width, int height, double dpi)
    {
        var minLength = Math.Max(8, (int)(MinLengthInches * dpi));
        var maxThickness = Math.Max(2, (int)Math.Ceiling(MaxThicknessInches * dpi));
        var maxGap = Math.Max(1, (int)Math.Round(MaxGapInches * dpi));
        var minClosing = Math.Max(4, (int)(MinClosingLengthInches * dpi));
        var horizontals = Lines(Runs(ink, width, height, horizontal: true, minClosing, maxGap), maxThickness)
            .Select(l => new PixelRule(l.Start, l.Center, l.End, l.Center, l.Thickness)).ToList();
        var verticals = Lines(Runs(ink, width, height, horizontal: false, minClosing, maxGap), maxThickness)
            .Select(l => new PixelRule(l.Center, l.Start, l.Center, l.End, l.Thickness)).ToList();
        // A long rule may have letters touching it here and there; a letter's strokes joined to a rule are crossed all along.
        var longHorizontals = horizontals.Where(r => r.X2 - r.X1 + 1 >= minLength && Isolated(ink, width, height, r, maxGap, 0.7)).ToList();
        var longVerticals = verticals.Where(r => r.Y2 - r.Y1 + 1 >= minLength && Isolated(ink, width, height, r, maxGap, 0.7)).ToList();
        var rules = new List<PixelRule>(longHorizontals);
        rules.AddRange(longVerticals);
        rules.AddRange(horizontals.Where(r => r.X2 - r.X1 + 1 < minLength && Isolated(ink, width, height, r, maxGap, 0.92)
            && longVerticals.Any(v => Meets(v, r.X1, r.Y1, maxGap)) && longVerticals.Any(v => Meets(v, r.X2, r.Y1, maxGap))));
        rules.AddRange(verticals.Where(r => r.Y2 - r.Y1 + 1 < minLength && Isolated(ink, width, height, r, maxGap, 0.92)
            && longHorizontals.Any(h => Meets(h, r.X1, r.Y1, maxGap)) && longHorizontals.Any(h => Meets(h, r.X1, r.Y2, maxGap))));
        return rules;
    }

    /// <summary>
    /// Whether a rule stands free along its length: beside it, just past its thickness, the paper is white on both sides
    /// for most of its length (<paramref name="share"/>) away from its ends. A letter's stroke is crossed by the letter's other strokes.
    /// </summary>
    private static bool Isolated(bool[] ink, int width, int height, PixelRule rule, int gap, double share)
    {
        var offset = (rule.Thickness + 1) / 2 + gap + 1;
        var end = offset + 1;
        int clear = 0, total = 0;
        if (rule.IsHorizontal)
        {
            var y = (int)Math.Round(rule.Y1);
            for (var x = (int)rule.X1 + end; x <= (int)rule.X2 - end; x++)
            {
                total++;
                if (!At(ink, width, height, x, y - offset) && !At(ink, width, height, x, y + offset))
                    clear++;
            }
        }
        else
        {
            var x = (int)Math.Round(rule.X1);
            for (var y = (int)rule.Y1 + end; y <= (int)rule.Y2 - end; y++)
            {
                total++;
                if (!At(ink, width, height, x - offset, y) && !At(ink, width, height, x + offset, y))
                    clear++;
            }
        }
        return total > 0 && clear >= share * total;
    }

    private static bool At(bool[] ink, int width, int height, int x, int y) =>
        x >= 0 && y >= 0 && x < width && y < height && ink[y * width + x];

    /// <summary>
    /// Whether an end of a short rule touches a long one: lies within the long rule's ink (its thickness), give or take a
    /// bridged gap. A letter's stroke stops short of the rules around its cell by the cell's padding.
    /// </summary>
    private static bool Meets(PixelRule rule, double x, double y, int gap)
    {
        var reach = rule.Thickness / 2.0 + gap + 1;
        return rule.IsHorizontal
            ? x >= rule.X1 - gap && x <= rule.X2 + gap && Math.Abs(y - rule.Y1) <= reach
            : y >= rule.Y1 - gap && y <= rule.Y2 + gap && Math.Abs(x - rule.X1) <= reach;
    }

    private readonly record struct Run(int Across, int Start, int End);

    private sealed record Line(double Center, int Start, int End, int Thickness);

    /// <summary>Runs of ink along each row (horizontal) or column, longer than <paramref name="minLength"/>, bridging gaps up to <paramref name="maxGap"/>.</summary>
    private static List<Run> Runs(bool[] ink, int width, int height, bool horizontal, int minLength, int maxGap)
    {
        var runs = new List<Run>();
        var (lines, along) = horizontal ? (height, width) : (width, height);
        for (var a = 0; a < lines; a++)
        {
            int start = -1, lastInk = -1;
            for (var i = 0; i <= along; i++)
            {
                var isInk = i < along && (horizontal ? ink[a * width + i] : ink[i * width + a]);
                if (isInk)
                {
                    if (start < 0)
                        start = i;
                    lastInk = i;
                }
                else if (start >= 0 && i - lastInk > maxGap)
                {
                    if (lastInk - start + 1 >= minLength)
                        runs.Add(new Run(a, start, lastInk));
                    start = -1;
                }
            }
        }
        return runs;
    }

    /// <summary>The line a pile of runs makes: centred on its rows weighted by their length, as long and as thick as the pile.</summary>
    private static Line LineOf(IReadOnlyList<Run> runs)
    {
        long weighted = 0, weight = 0;
        foreach (var run in runs)
        {
            weighted += (long)run.Across * (run.End - run.Start + 1);
            weight += run.End - run.Start + 1;
        }
        return new Line((double)weighted / weight, runs.Min(r => r.Start), runs.Max(r => r.End), runs.Max(r => r.Across) - runs.Min(r => r.Across) + 1);
    }

    /// <summary>
    /// The rule inside a pile too thick to be one: the rows that run most of the pile's length, when they are thin enough
    /// by themselves. The rest is something drawn across the rule — a seal's ring meeting it, whose short runs piled onto
    /// it — and dropping the whole pile merged the two table rows the rule parts.
    /// </summary>
    private static Line? Core(List<Run> runs, int length, int maxThickness)
    {
        var core = runs.Where(r => r.End - r.Start + 1 >= 0.5 * length).ToList();
        return core.Count > 0 && LineOf(core) is { } line && line.Thickness <= maxThickness ? line : null;
    }

    /// <summary>Runs on neighbouring rows (or columns) that overlap by most of the shorter one are one line; too thick a pile is not a rule (but see <see cref="Core"/>).</summary>
    private static List<Line> Lines(List<Run> runs, int maxThickness)
    {
        // Open piles: each has the last row it grew on, its extent and its rows.
        var open = new List<(int Last, int Start, int End, List<Run> Runs)>();
        var closed = new List<Line>();
        void Close(int index)
        {
            var pile = LineOf(open[index].Runs);
            if (pile.Thickness <= maxThickness)
                closed.Add(pile);
            else if (Core(open[index].Runs, pile.End - pile.Start + 1, maxThickness) is { } core)
                closed.Add(core);
            open.RemoveAt(index);
        }
        foreach (var run in runs) // in order of row (column)
        {
            for (var k = open.Count - 1; k >= 0; k--)
            {
                if (open[k].Last < run.Across - 1)
                    Close(k);
            }
            var joined = false;
            for (var k = 0; k < open.Count && !joined; k++)
            {
                var pile = open[k];
                if (pile.Last == run.Across)
                    continue;
                var overlap = Math.Min(pile.End, run.End) - Math.Max(pile.Start, run.Start);
                if (overlap >= 0.5 * Math.Min(pile.End - pile.Start, run.End - run.Start))
                {
                    pile.Runs.Add(run);
                    open[k] = (run.Across, Math.Min(pile.Start, run.Start), Math.Max(pile.End, run.End), pile.Runs);
                    joined = true;
                }
            }
            if (!joined)
                open.Add((run.Across, run.Start, run.End, [run]));
        }
        while (open.Count > 0)
            Close(open.Count - 1);
        return closed;
    }
}
