using Ingest.Core.Layout;

namespace Ingest.Readers.Pdf;

/// <summary>
/// Tables drawn without rules, recovered from word positions in the manner of Camelot's "stream" method: lines split
/// into chunks at wide gaps, consecutive lines whose chunks start at the same x positions form rows, and a line with a
/// single chunk that starts under a later column continues that column's cell (a wrapped or continued value).
/// </summary>
internal static class StreamTableFinder
{
    /// <summary>A table starting at <paramref name="start"/>, or null; <paramref name="used"/> is how many lines it took.</summary>
    public static TableBlock? TryTable(List<TextLine> lines, int start, double gapInEm, out int used)
    {
        used = 0;
        var first = lines[start].Chunks(gapInEm);
        if (first.Count < 2)
            return null;
        var columns = first.Select(c => c.Left).ToList();
        var rows = new List<List<List<TextLine>>>();
        var multiRows = 0;
        var i = start;
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            var tolerance = 1.5 * line.Size;
            if (i > start && line.Top < lines[i - 1].Bottom - 1.0 * line.Size)
                break; // a blank gap ends the table
            var chunks = i == start ? first : line.Chunks(gapInEm);
            if (chunks.Count >= 2)
            {
                var slots = chunks.Select(c => columns.FindIndex(x => Math.Abs(x - c.Left) <= tolerance)).ToArray();
                if (slots.Any(s => s < 0) || slots.Distinct().Count() != slots.Length)
                    break;
                var row = columns.Select(_ => new List<TextLine>()).ToList();
                for (var k = 0; k < chunks.Count; k++)
                    row[slots[k]].Add(chunks[k]);
                rows.Add(row);
                multiRows++;
                continue;
            }
            var slot = columns.FindIndex(x => Math.Abs(x - line.Left) <= tolerance);
            if (slot < 1 || rows.Count == 0)
                break;
            rows[^1][slot].Add(line);
        }
        if (multiRows < 2)
            return null;
        used = i - start;
        var rights = columns.Select((_, c) => rows.SelectMany(r => r[c]).Select(l => l.Right).DefaultIfEmpty(0).Max()).ToArray();
        return new TableBlock(rows.Select(r => new TableRow(
            r.Select((cellLines, c) => new TableCell(cellLines.Count == 0 ? StyledText.Empty : TextLine.Join(cellLines, rights[c])) { Confidence = PageLayoutBuilder.MeanConfidence(cellLines.SelectMany(l => l.Glyphs)) }).ToArray())).ToArray());
    }
}
