using Ingest.Core.Layout;
using Ingest.Readers.Sniffing;

namespace Ingest.Readers.Pdf;

/// <summary>
/// Joins a ruled table that goes on across a page break. When a row itself was split by the break (word processors let
/// a tall row run over the page), the next page's first row holds the rest of its cells: every non-empty cell there
/// continues a cell whose last line ran to the edge, and the other cells are empty. Such a row is folded back into the
/// row above instead of becoming a row of its own.
/// </summary>
internal static class TableJoiner
{
    public static (TableBlock Table, TableShape Shape) Join(TableBlock upper, TableShape upperShape, TableBlock lower, TableShape lowerShape)
    {
        var upperCells = upper.Rows.SelectMany(r => r.Cells).ToList();
        var lowerCells = lower.Rows.SelectMany(r => r.Cells).ToList();
        if (upperCells.Count != upperShape.Cells.Count || lowerCells.Count != lowerShape.Cells.Count)
            return Append(upper, upperShape, lower, lowerShape);

        var lastRow = upperShape.GridRows - 1;
        var firstRow = Enumerable.Range(0, lowerCells.Count).Where(i => lowerShape.Cells[i].Region.Row == 0).ToArray();
        var targets = new Dictionary<int, int>(); // lower cell index → upper cell index
        var split = firstRow.Length > 0;
        foreach (var i in firstRow)
        {
            if (!split)
                break;
            var l = lowerShape.Cells[i].Region;
            var u = Enumerable.Range(0, upperCells.Count).FirstOrDefault(k =>
            {
                var r = upperShape.Cells[k].Region;
                return r.Row <= lastRow && r.Row + r.RowSpan - 1 >= lastRow && r.Column == l.Column && r.ColumnSpan == l.ColumnSpan;
            }, -1);
            if (u < 0 || (lowerCells[i].Text.Text.Length > 0 && !upperShape.Cells[u].Open))
                split = false;
            else
                targets[i] = u;
        }
        split &= firstRow.Any(i => lowerCells[i].Text.Text.Length == 0) && firstRow.Any(i => lowerCells[i].Text.Text.Length > 0);
        if (!split)
            return Append(upper, upperShape, lower, lowerShape);

        // The folded row's cells extend the cells above them: text appended, and a merged cell that went on down the
        // next page keeps covering the rows it covered there.
        var replaced = new Dictionary<int, (TableCell Cell, GridRegion Region, bool Open)>();
        foreach (var (i, u) in targets)
        {
            var extra = lowerShape.Cells[i].Region.RowSpan - 1;
            var before = upperCells[u].Text;
            var after = lowerCells[i].Text;
            var text = new StyledTextBuilder().Append(before);
            if (before.Text.Length > 0 && after.Text.Length > 0 && !Script.IsCjk(before.Text[^1]) && !Script.IsCjk(after.Text[0]))
                text.Append(" ");
            text.Append(after);
            var region = upperShape.Cells[u].Region;
            replaced[u] = (upperCells[u] with { Text = text.Build(), RowSpan = upperCells[u].RowSpan + extra },
                region with { RowSpan = region.RowSpan + extra },
                after.Text.Length > 0 ? lowerShape.Cells[i].Open : upperShape.Cells[u].Open);
        }
        var newUpperRows = new List<TableRow>();
        var index = 0;
        var newUpperShapeCells = new List<(GridRegion, bool)>();
        foreach (var row in upper.Rows)
        {
            var cells = new List<TableCell>();
            foreach (var cell in row.Cells)
            {
                if (replaced.TryGetValue(index, out var r))
                {
                    cells.Add(r.Cell);
                    newUpperShapeCells.Add((r.Region, r.Open));
                }
                else
                {
                    cells.Add(cell);
                    newUpperShapeCells.Add(upperShape.Cells[index]);
                }
                index++;
            }
            newUpperRows.Add(new TableRow(cells));
        }
        var trimmedLower = new TableBlock(lower.Rows.Skip(1).ToArray());
        var trimmedShape = new TableShape(lowerShape.ColumnEdges, lowerShape.GridRows - 1,
            lowerShape.Cells.Where(c => c.Region.Row > 0).Select(c => (c.Region with { Row = c.Region.Row - 1 }, c.Open)).ToArray());
        return Append(new TableBlock(newUpperRows), upperShape with { Cells = newUpperShapeCells }, trimmedLower, trimmedShape);
    }

    private static (TableBlock, TableShape) Append(TableBlock upper, TableShape upperShape, TableBlock lower, TableShape lowerShape)
    {
        var cells = upperShape.Cells.Concat(lowerShape.Cells.Select(c => (c.Region with { Row = c.Region.Row + upperShape.GridRows }, c.Open))).ToArray();
        return (new TableBlock(upper.Rows.Concat(lower.Rows).ToArray()),
            new TableShape(upperShape.ColumnEdges, upperShape.GridRows + lowerShape.GridRows, cells) { Extent = lowerShape.Extent });
    }
}
