namespace Ingest.Readers.Pdf;

/// <summary>A cell of a recovered grid: its first row and column, its spans, and its box.</summary>
internal sealed record GridRegion(int Row, int Column, int RowSpan, int ColumnSpan, Box Box);

/// <summary>A table recovered from ruling lines: column edges (left to right), row edges (top to bottom) and its cells.</summary>
internal sealed record LatticeTable(double[] Xs, double[] Ys, IReadOnlyList<GridRegion> Regions, int[,] UnitRegion)
{
    public Box Bounds => new(Xs[0], Ys[^1], Xs[^1], Ys[0]);

    /// <summary>The region holding a point, or -1 outside the grid.</summary>
    public int RegionAt(double x, double y)
    {
        if (x < Xs[0] || x > Xs[^1] || y > Ys[0] || y < Ys[^1])
            return -1;
        var column = 0;
        while (column < Xs.Length - 2 && x > Xs[column + 1])
            column++;
        var row = 0;
        while (row < Ys.Length - 2 && y < Ys[row + 1])
            row++;
        return UnitRegion[row, column];
    }
}

/// <summary>
/// Lattice table recovery in the manner documented by pdfplumber (TableFinder) and Camelot (Lattice): snap and join
/// collinear ruling segments, group segments that touch into tables, take the distinct vertical and horizontal rule
/// positions as the grid, and merge neighbouring grid units wherever no rule separates them — that gives spanned
/// cells their row and column spans.
/// </summary>
internal static class LatticeTableFinder
{
    public static List<LatticeTable> Find(List<Segment> segments, double tolerance)
    {
        var horizontals = Join(segments.Where(s => s.IsHorizontal).Select(s => s with { Y2 = s.Y1 }), tolerance, horizontal: true);
        var verticals = Join(segments.Where(s => !s.IsHorizontal).Select(s => s with { X2 = s.X1 }), tolerance, horizontal: false);
        horizontals.AddRange(ClosingEdges(horizontals, verticals, tolerance));
        var all = horizontals.Concat(verticals).ToArray();
        var parent = Enumerable.Range(0, all.Length).ToArray();
        int Root(int i)
        {
            while (parent[i] != i)
                i = parent[i] = parent[parent[i]];
            return i;
        }
        for (var h = 0; h < horizontals.Count; h++)
        {
            for (var v = 0; v < verticals.Count; v++)
            {
                if (Touch(horizontals[h], verticals[v], tolerance))
                    parent[Root(h)] = Root(horizontals.Count + v);
            }
        }

        var tables = new List<LatticeTable>();
        foreach (var component in Enumerable.Range(0, all.Length).GroupBy(Root))
        {
            var hs = component.Where(i => i < horizontals.Count).Select(i => all[i]).ToList();
            var vs = component.Where(i => i >= horizontals.Count).Select(i => all[i]).ToList();
            if (hs.Count < 2 || vs.Count < 2)
                continue;
            var xs = Cluster(vs.Select(v => v.X1), tolerance).ToArray();
            var ys = Cluster(hs.Select(h => h.Y1), tolerance).OrderByDescending(y => y).ToArray();
            if (xs.Length < 2 || ys.Length < 2)
                continue;
            tables.Add(Grid(xs, ys, hs, vs, tolerance));
        }
        return tables;
    }

    private static LatticeTable Grid(double[] xs, double[] ys, List<Segment> hs, List<Segment> vs, double tolerance)
    {
        int rows = ys.Length - 1, columns = xs.Length - 1;
        var parent = Enumerable.Range(0, rows * columns).ToArray();
        int Root(int i)
        {
            while (parent[i] != i)
                i = parent[i] = parent[parent[i]];
            return i;
        }
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (c + 1 < columns && !Covered(vs, xs[c + 1], ys[r + 1], ys[r], tolerance, vertical: true))
                    parent[Root(r * columns + c)] = Root(r * columns + c + 1);
                if (r + 1 < rows && !Covered(hs, ys[r + 1], xs[c], xs[c + 1], tolerance, vertical: false))
                    parent[Root(r * columns + c)] = Root((r + 1) * columns + c);
            }
        }

        var regions = new List<GridRegion>();
        var regionOf = new Dictionary<int, int>();
        var units = new int[rows, columns];
        var extents = new Dictionary<int, (int Top, int Left, int Bottom, int Right)>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var root = Root(r * columns + c);
                extents[root] = extents.TryGetValue(root, out var e)
                    ? (Math.Min(e.Top, r), Math.Min(e.Left, c), Math.Max(e.Bottom, r), Math.Max(e.Right, c))
                    : (r, c, r, c);
            }
        }
        // Regions in reading order: by first row, then first column.
        foreach (var (root, e) in extents.OrderBy(p => p.Value.Top).ThenBy(p => p.Value.Left))
        {
            regionOf[root] = regions.Count;
            regions.Add(new GridRegion(e.Top, e.Left, e.Bottom - e.Top + 1, e.Right - e.Left + 1,
                new Box(xs[e.Left], ys[e.Bottom + 1], xs[e.Right + 1], ys[e.Top])));
        }
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
                units[r, c] = regionOf[Root(r * columns + c)];
        }
        return new LatticeTable(xs, ys, regions, units);
    }

    /// <summary>
    /// A table cut by a page break may lose its rule at the cut (browsers draw none there): where two or more vertical
    /// rules end at the same height and no horizontal rule meets them, an implied rule joins their ends.
    /// </summary>
    private static List<Segment> ClosingEdges(List<Segment> horizontals, List<Segment> verticals, double tolerance)
    {
        var implied = new List<Segment>();
        foreach (var top in new[] { true, false })
        {
            var open = verticals
                .Where(v => !horizontals.Any(h => Math.Abs(h.Y1 - (top ? v.Y2 : v.Y1)) <= tolerance && v.X1 >= h.X1 - tolerance && v.X1 <= h.X2 + tolerance))
                .OrderBy(v => top ? v.Y2 : v.Y1)
                .ToList();
            var group = new List<Segment>();
            void Flush()
            {
                if (group.Count >= 2)
                {
                    var y = group.Average(v => top ? v.Y2 : v.Y1);
                    implied.Add(new Segment(group.Min(v => v.X1), y, group.Max(v => v.X1), y));
                }
                group.Clear();
            }
            foreach (var v in open)
            {
                if (group.Count > 0 && Math.Abs((top ? v.Y2 : v.Y1) - (top ? group[0].Y2 : group[0].Y1)) > tolerance)
                    Flush();
                group.Add(v);
            }
            Flush();
        }
        return implied;
    }

    /// <summary>True when rules along the line cover at least 80% of the interval between <paramref name="from"/> and <paramref name="to"/>.</summary>
    private static bool Covered(List<Segment> rules, double position, double from, double to, double tolerance, bool vertical)
    {
        var covered = 0.0;
        foreach (var s in rules)
        {
            var at = vertical ? s.X1 : s.Y1;
            if (Math.Abs(at - position) > tolerance)
                continue;
            var (lo, hi) = vertical ? (s.Y1, s.Y2) : (s.X1, s.X2);
            covered += Math.Max(0, Math.Min(hi, to) - Math.Max(lo, from));
        }
        return covered >= 0.8 * (to - from);
    }

    private static bool Touch(Segment h, Segment v, double tolerance) =>
        v.X1 >= h.X1 - tolerance && v.X1 <= h.X2 + tolerance && h.Y1 >= v.Y1 - tolerance && h.Y1 <= v.Y2 + tolerance;

    /// <summary>Snaps segments on (nearly) the same line together and joins those that overlap or nearly meet.</summary>
    private static List<Segment> Join(IEnumerable<Segment> segments, double tolerance, bool horizontal)
    {
        var result = new List<Segment>();
        var ordered = segments.OrderBy(s => horizontal ? s.Y1 : s.X1).ToList();
        var group = new List<Segment>();
        void Flush()
        {
            if (group.Count == 0)
                return;
            var at = group.Average(s => horizontal ? s.Y1 : s.X1);
            Segment? current = null;
            foreach (var s in group.OrderBy(s => horizontal ? s.X1 : s.Y1))
            {
                var (lo, hi) = horizontal ? (s.X1, s.X2) : (s.Y1, s.Y2);
                if (current is { } c && lo <= (horizontal ? c.X2 : c.Y2) + tolerance)
                {
                    current = horizontal ? c with { X2 = Math.Max(c.X2, hi) } : c with { Y2 = Math.Max(c.Y2, hi) };
                }
                else
                {
                    if (current is { } done)
                        result.Add(done);
                    current = horizontal ? new Segment(lo, at, hi, at) : new Segment(at, lo, at, hi);
                }
            }
            if (current is { } last)
                result.Add(last);
            group.Clear();
        }
        foreach (var s in ordered)
        {
            if (group.Count > 0 && (horizontal ? s.Y1 - group[0].Y1 : s.X1 - group[0].X1) > tolerance)
                Flush();
            group.Add(s);
        }
        Flush();
        return result;
    }

    private static IEnumerable<double> Cluster(IEnumerable<double> values, double tolerance)
    {
        var sorted = values.OrderBy(v => v).ToList();
        var group = new List<double>();
        foreach (var v in sorted)
        {
            if (group.Count > 0 && v - group[0] > tolerance)
            {
                yield return group.Average();
                group.Clear();
            }
            group.Add(v);
        }
        if (group.Count > 0)
            yield return group.Average();
    }
}
