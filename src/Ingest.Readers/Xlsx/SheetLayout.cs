using Ingest.Core.Layout;
using Ingest.Readers.Sniffing;

namespace Ingest.Readers.Xlsx;

/// <summary>One shown cell of a worksheet, or the top-left cell of a merged range (which shows the range's value).</summary>
internal sealed record SheetCell(int Row, int Column, StyledText Text, bool Bordered);

/// <summary>A merged range, 1-based inclusive (<c>B3:J3</c> is rows 3–3, columns 2–10).</summary>
internal readonly record struct MergedRange(int FirstRow, int FirstColumn, int LastRow, int LastColumn)
{
    public bool Contains(int row, int column) => row >= FirstRow && row <= LastRow && column >= FirstColumn && column <= LastColumn;
}

/// <summary>
/// Lays a worksheet out as a form: an "Excel 方眼紙" sheet is a grid of narrow columns whose merged ranges are the form's
/// cells. A cell is placed where it starts and spans the columns and rows it covers; consecutive rows holding a bordered
/// cell are one table, whose columns are the distinct edges its cells start and end at (a merge of B–J beside one of K–AM
/// is a two-cell label/value row, however many grid columns each covers); rows without a border are running text, one
/// paragraph a row. Cells under a merge other than its top-left one are never shown by Excel, so they are not read.
/// </summary>
internal static class SheetLayout
{
    /// <summary>An anchored form cell: where it starts and the last row and column it covers.</summary>
    private sealed record Anchor(int Row, int Column, int LastRow, int LastColumn, StyledText Text, bool Bordered);

    /// <summary>
    /// The blocks of a sheet: <paramref name="cells"/> are the shown cells (hidden rows and columns already left out, covered
    /// cells of merges included — their borders count for the merge), <paramref name="merges"/> the sheet's merged ranges.
    /// </summary>
    public static List<LayoutBlock> Blocks(IReadOnlyList<SheetCell> cells, IReadOnlyList<MergedRange> merges, IReadOnlyList<int> hiddenRows)
    {
        var hidden = hiddenRows.Order().ToArray();
        // Rows between two others that are all hidden leave no gap on the sheet as shown.
        bool Adjacent(int upper, int lower) => lower <= upper + 1 || CountBetween(hidden, upper + 1, lower - 1) == lower - upper - 1;
        var anchors = Anchors(cells, merges);
        var rows = anchors.GroupBy(a => a.Row).OrderBy(g => g.Key).Select(g => g.OrderBy(a => a.Column).ToArray()).ToArray();
        var blocks = new List<LayoutBlock>();
        var index = 0;
        while (index < rows.Length)
        {
            if (!rows[index].Any(a => a.Bordered))
            {
                var text = Paragraph(rows[index]);
                if (text.Text.Length > 0)
                    blocks.Add(new ParagraphBlock(text));
                index++;
                continue;
            }
            var start = index;
            // A table goes on while the next row with content holds a bordered cell and follows without an empty row between,
            // or is covered by a merge reaching down from the table.
            var lastRow = rows[index].Max(a => a.LastRow);
            while (index + 1 < rows.Length && rows[index + 1].Any(a => a.Bordered) && Adjacent(Math.Max(lastRow, rows[index][0].Row), rows[index + 1][0].Row))
            {
                index++;
                lastRow = Math.Max(lastRow, rows[index].Max(a => a.LastRow));
            }
            index++;
            blocks.AddRange(Table(rows[start..index]));
        }
        return blocks;
    }

    private static int CountBetween(int[] sorted, int first, int last)
    {
        if (last < first)
            return 0;
        var from = Array.BinarySearch(sorted, first);
        var to = Array.BinarySearch(sorted, last);
        from = from >= 0 ? from : ~from;
        to = to >= 0 ? to + 1 : ~to;
        return Math.Max(0, to - from);
    }

    private static List<Anchor> Anchors(IReadOnlyList<SheetCell> cells, IReadOnlyList<MergedRange> merges)
    {
        var sorted = merges.OrderBy(m => m.FirstRow).ThenBy(m => m.FirstColumn).ToArray();
        var mergeBordered = new bool[sorted.Length];
        var mergeTopLeft = new SheetCell?[sorted.Length];
        var loose = new List<SheetCell>();
        // A sweep down the rows keeps the merges that cover the current row, by first column, so each cell finds its merge
        // in logarithmic time however many merges the sheet has (merges of a valid sheet do not overlap).
        var active = new SortedList<int, int>();
        var next = 0;
        var sweptRow = 0;
        foreach (var cell in cells.OrderBy(c => c.Row).ThenBy(c => c.Column))
        {
            if (cell.Row != sweptRow)
            {
                // Merges above this row leave first, so one below them starting in the same column can take their place; a
                // merge over before this row holds no cell and is not entered at all.
                sweptRow = cell.Row;
                foreach (var ended in active.Where(p => sorted[p.Value].LastRow < cell.Row).Select(p => p.Key).ToArray())
                    active.Remove(ended);
                while (next < sorted.Length && sorted[next].FirstRow <= cell.Row)
                {
                    if (sorted[next].LastRow >= cell.Row)
                        active.TryAdd(sorted[next].FirstColumn, next);
                    next++;
                }
            }
            var merge = Covering(active, sorted, cell);
            if (merge < 0)
            {
                loose.Add(cell);
                continue;
            }
            mergeBordered[merge] |= cell.Bordered;
            if (cell.Row == sorted[merge].FirstRow && cell.Column == sorted[merge].FirstColumn)
                mergeTopLeft[merge] = cell;
        }
        var anchors = new List<Anchor>(loose.Count + sorted.Length);
        foreach (var cell in loose)
        {
            if (cell.Bordered || cell.Text.Text.Trim().Length > 0)
                anchors.Add(new Anchor(cell.Row, cell.Column, cell.Row, cell.Column, cell.Text, cell.Bordered));
        }
        for (var m = 0; m < sorted.Length; m++)
        {
            // A merge whose top-left cell is hidden, or was never written, shows nothing of its own.
            if (mergeTopLeft[m] is { } topLeft && (mergeBordered[m] || topLeft.Text.Text.Trim().Length > 0))
                anchors.Add(new Anchor(topLeft.Row, topLeft.Column, sorted[m].LastRow, sorted[m].LastColumn, topLeft.Text, mergeBordered[m]));
        }
        return anchors;
    }

    private static int Covering(SortedList<int, int> active, MergedRange[] merges, SheetCell cell)
    {
        var keys = active.Keys;
        int low = 0, high = keys.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (keys[middle] <= cell.Column)
            {
                found = middle;
                low = middle + 1;
            }
            else
                high = middle - 1;
        }
        if (found < 0)
            return -1;
        var merge = active.Values[found];
        return merges[merge].Contains(cell.Row, cell.Column) ? merge : -1;
    }

    /// <summary>A row outside any table: its cells' texts left to right, a space between.</summary>
    private static StyledText Paragraph(Anchor[] row)
    {
        var text = new StyledTextBuilder();
        foreach (var anchor in row.Where(a => a.Text.Text.Trim().Length > 0))
        {
            if (text.Length > 0)
                text.Append(" ");
            text.Append(anchor.Text);
        }
        return text.Build();
    }

    /// <summary>
    /// One table from consecutive rows; text standing outside the bordered columns (a note beside the form) follows it as
    /// running text.
    /// </summary>
    private static IEnumerable<LayoutBlock> Table(Anchor[][] rows)
    {
        var bordered = rows.SelectMany(r => r).Where(a => a.Bordered).ToArray();
        var left = bordered.Min(a => a.Column);
        var right = bordered.Max(a => a.LastColumn);
        var inside = rows.Select(r => r.Where(a => a.Column >= left && a.Column <= right).ToArray()).ToArray();
        var outside = rows.SelectMany(r => r).Where(a => a.Column < left || a.Column > right).ToArray();
        var tableRows = inside.Select(r => r.Length > 0 ? r[0].Row : -1).Where(r => r > 0).ToArray();

        // The table's own columns: every edge a cell starts or ends at.
        var edges = new SortedSet<int>();
        foreach (var anchor in inside.SelectMany(r => r))
        {
            edges.Add(anchor.Column);
            edges.Add(Math.Min(anchor.LastColumn, right) + 1);
        }
        var edgeList = edges.ToList();
        int Logical(int column) => edgeList.BinarySearch(column) is var i && i >= 0 ? i : ~i;

        var covered = new int[edgeList.Count]; // logical column → table rows still covered by a merge from above
        var result = new List<TableRow>();
        foreach (var row in inside.Where(r => r.Length > 0))
        {
            var cells = new List<TableCell>();
            var byStart = row.ToDictionary(a => Logical(a.Column));
            var column = 0;
            var gapStart = -1;
            while (column < edgeList.Count - 1)
            {
                if (covered[column] > 0 || byStart.ContainsKey(column))
                {
                    if (gapStart >= 0)
                    {
                        cells.Add(new TableCell(StyledText.Empty, column - gapStart));
                        gapStart = -1;
                    }
                }
                if (covered[column] > 0)
                {
                    covered[column]--;
                    column++;
                    continue;
                }
                if (byStart.TryGetValue(column, out var anchor))
                {
                    var span = Math.Max(1, Logical(Math.Min(anchor.LastColumn, right) + 1) - column);
                    var rowSpan = Math.Max(1, CountBetween(tableRows, anchor.Row, anchor.LastRow));
                    cells.Add(new TableCell(anchor.Text, span, rowSpan));
                    for (var c = column; c < column + span; c++)
                        covered[c] = rowSpan - 1;
                    column += span;
                    continue;
                }
                if (gapStart < 0)
                    gapStart = column;
                column++;
            }
            // A trailing gap is no cell: rows end where their last cell does, as in a Word table.
            if (cells.Count > 0)
                result.Add(new TableRow(cells));
        }
        // Rows covered entirely by merges from above hold no anchor and so are no row: nothing to uncover there.
        if (result.Count > 0)
            yield return new TableBlock(result);
        var note = Paragraph(outside.OrderBy(a => a.Row).ThenBy(a => a.Column).ToArray());
        if (note.Text.Length > 0)
            yield return new ParagraphBlock(note);
    }
}
