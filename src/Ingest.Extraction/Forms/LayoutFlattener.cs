using Ingest.Core.Layout;
using Ingest.Core.Normalisation;

namespace Ingest.Extraction.Forms;

/// <summary>
/// Turns a layout into the flat sequence of rows and lines the segmenter reads, cleaning every text once.
/// Vertically merged cells are spread over the rows they cover (as empty cells after the first) so a row's
/// columns stay aligned; nested tables are read into their cell's text.
/// </summary>
public static class LayoutFlattener
{
    public static IReadOnlyList<FormItem> Flatten(LayoutDocument layout)
    {
        var items = new List<FormItem>();
        foreach (var block in layout.Blocks)
        {
            switch (block)
            {
                case ParagraphBlock paragraph:
                    foreach (var line in Split(paragraph.Text))
                        items.Add(new LineItem(line with { Confidence = paragraph.Confidence }, paragraph.HeadingLevel));
                    break;
                case TableBlock table:
                    items.AddRange(FlattenTable(table));
                    break;
            }
        }
        return items;
    }

    private static IEnumerable<FormText> Split(StyledText text)
    {
        var cleaned = Clean(text);
        foreach (var line in cleaned.Text.Split('\n'))
        {
            if (line.Trim().Length > 0)
                yield return new FormText(line.Trim(), cleaned.Marked);
        }
    }

    private static IEnumerable<RowItem> FlattenTable(TableBlock table)
    {
        var pending = new Dictionary<int, int>(); // column → rows still covered by a merged cell above
        foreach (var row in table.Rows)
        {
            var cells = new List<FormText>();
            var column = 0;
            foreach (var cell in row.Cells)
            {
                while (pending.TryGetValue(column, out var left) && left > 0)
                {
                    cells.Add(FormText.Empty);
                    pending[column] = left - 1;
                    column++;
                }
                cells.Add(CellText(cell));
                if (cell.RowSpan > 1)
                    pending[column] = cell.RowSpan - 1;
                column += Math.Max(1, cell.ColumnSpan);
            }
            while (pending.TryGetValue(column, out var rest) && rest > 0)
            {
                cells.Add(FormText.Empty);
                pending[column] = rest - 1;
                column++;
            }
            yield return new RowItem(cells);
        }
    }

    private static FormText CellText(TableCell cell)
    {
        var own = Clean(cell.Text) with { Confidence = cell.Confidence };
        if (cell.Nested.Count == 0)
            return own with { Text = Paragraphs(own.Text) };
        var nested = cell.Nested.SelectMany(t => t.Rows).SelectMany(r => r.Cells).Select(CellText).ToArray();
        return new FormText(
            string.Join(' ', new[] { Paragraphs(own.Text) }.Concat(nested.Select(n => n.Text)).Where(t => t.Length > 0)),
            own.Marked || nested.Any(n => n.Marked))
        {
            Confidence = FormText.MeanConfidence(nested.Select(n => (n.Text, n.Confidence)).Prepend((own.Text, own.Confidence))),
        };
    }

    /// <summary>A line break inside a cell starts a new paragraph (readers join wrapped lines themselves): it reads as a space.</summary>
    private static string Paragraphs(string text) =>
        string.Join(' ', text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    private static FormText Clean(StyledText text) =>
        new(TextNormaliser.Clean(text.Text), IsMarked(text));

    /// <summary>
    /// Bold or underline marks a change — except on bracketed sub-headings (【運用上の対策】), which forms set in bold
    /// as a matter of layout.
    /// </summary>
    private static bool IsMarked(StyledText text)
    {
        foreach (var span in text.Spans)
        {
            if (span.Style == TextStyle.None || span.Start >= text.Text.Length)
                continue;
            var part = text.Text.Substring(span.Start, Math.Min(span.Length, text.Text.Length - span.Start)).Trim();
            if (part.Length == 0)
                continue;
            if (part.StartsWith('【') && part.EndsWith('】') && part.IndexOf('】') == part.Length - 1)
                continue;
            return true;
        }
        return false;
    }
}
