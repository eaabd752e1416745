namespace Ingest.Generator.Forms;

/// <summary>
/// Writes fixture blocks as a PDF of our own making (no PDF library): A4 pages with 20 mm margins, 10.5 pt text in a
/// subset of IPAex Gothic embedded in the file, headings larger and bold, and tables ruled cell by cell as Word and LibreOffice export them
/// — the table outdented by the cell padding so cell text lines up with the margin, text wrapped inside each cell,
/// a merged party cell drawn without the rules it covers, a row that does not fit moved to the next page (the table
/// closed at the break and reopened), and changed fields in the bold font, underlined line by line. The output depends
/// only on the blocks: the same blocks give the same bytes. Paragraphs may switch to landscape pages (a sheet printed
/// across), which the file shows in one of the ways producers do (<see cref="LandscapePages"/>).
/// </summary>
public static class PdfFixtureWriter
{
    /// <summary>A4 in points, portrait.</summary>
    private const double PageWidth = 595, PageHeight = 842;

    /// <summary>20 mm on every side, as the Word forms have.</summary>
    private const double Margin = 20 / 25.4 * 72;
    private const double BodySize = 10.5, HeadingSize = 12;

    /// <summary>Line pitch as a multiple of the font size.</summary>
    private const double LineSpacing = 1.3;

    private const double BodyPitch = LineSpacing * BodySize;

    /// <summary>Ascent of the font above the baseline, in ems (IPAex Gothic's is 0.88).</summary>
    private const double Ascent = 0.88;

    /// <summary>Space before and after a heading (Word's heading style: 6 pt and 3 pt).</summary>
    private const double HeadingBefore = 6, HeadingAfter = 3;

    /// <summary>Cell padding: Word's default 0.19 cm left and right, a little above and below.</summary>
    private const double CellPadding = 5.4, CellPaddingVertical = 1.5;

    /// <summary>An underline sits this far under the baseline, in ems.</summary>
    private const double UnderlineDrop = 0.1;

    /// <summary>Writes the blocks to <paramref name="path"/> as a PDF.</summary>
    public static void Write(string path, IReadOnlyList<FixtureBlock> blocks, LandscapePages landscape = LandscapePages.MediaBox) =>
        File.WriteAllBytes(path, Render(blocks, landscape));

    /// <summary>The PDF file for the blocks, as bytes.</summary>
    public static byte[] Render(IReadOnlyList<FixtureBlock> blocks, LandscapePages landscape = LandscapePages.MediaBox)
    {
        var encoder = new PdfGlyphEncoder();
        var layout = new Layout(encoder);
        foreach (var block in blocks)
        {
            switch (block)
            {
                case FixtureParagraph p:
                    layout.Paragraph(p);
                    break;
                case FixtureTable t:
                    layout.Table(t);
                    break;
            }
        }
        return PdfFileAssembler.Assemble(layout.Finish(), encoder, PageWidth, PageHeight, landscape);
    }

    /// <summary>Lines of a text: line feeds end lines, and each paragraph between them is wrapped to the width.</summary>
    private static List<string> Lines(string text, double width, double size)
    {
        var lines = new List<string>();
        foreach (var paragraph in Clean(text).Split('\n'))
            lines.AddRange(PdfLineBreaker.Break(paragraph, width, size));
        return lines;
    }

    /// <summary>Line ends made '\n', tabs made spaces, other control characters dropped: they have no glyph.</summary>
    private static string Clean(string text)
    {
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\t', ' ');
        return normalised.Any(c => char.IsControl(c) && c != '\n') ? new string(normalised.Where(c => !char.IsControl(c) || c == '\n').ToArray()) : normalised;
    }

    /// <summary>Baseline of a line below the top of its line box: half the leading, then the ascent.</summary>
    private static double BaselineOffset(double size) => (LineSpacing - 1) * size / 2 + Ascent * size;

    /// <summary>The layout state: finished pages, the page being filled and how far down it is filled.</summary>
    private sealed class Layout(PdfGlyphEncoder encoder)
    {
        private readonly List<(byte[] Content, bool Landscape)> _pages = [];
        private PdfContentBuilder _page = new(encoder);
        private bool _landscape;

        /// <summary>Top of the free space on the page.</summary>
        private double _y = PageHeight - Margin;

        private double Height => _landscape ? PageWidth : PageHeight;

        private double TextWidth => (_landscape ? PageHeight : PageWidth) - 2 * Margin;

        /// <summary>Nothing is placed on the page yet: a page break here would only make an empty page.</summary>
        private bool Fresh => _y >= Height - Margin;

        /// <summary>Every page's content stream and orientation, the last page included.</summary>
        public List<(byte[] Content, bool Landscape)> Finish()
        {
            if (!_page.IsEmpty || _pages.Count == 0)
                _pages.Add((_page.ToBytes(), _landscape));
            return _pages;
        }

        private void NewPage(bool? landscape = null)
        {
            _pages.Add((_page.ToBytes(), _landscape));
            _page = new PdfContentBuilder(encoder);
            _landscape = landscape ?? _landscape;
            _y = Height - Margin;
        }

        /// <summary>True when something this tall still fits above the bottom margin.</summary>
        private bool Fits(double height) => _y - height >= Margin - 1e-6;

        public void Paragraph(FixtureParagraph paragraph)
        {
            if (paragraph.Landscape is { } landscape && landscape != _landscape)
            {
                if (Fresh)
                    (_landscape, _y) = (landscape, (landscape ? PageWidth : PageHeight) - Margin);
                else
                    NewPage(landscape);
            }
            else if (paragraph.PageBreakBefore && !Fresh)
                NewPage();
            var size = paragraph.Heading ? HeadingSize : BodySize;
            var font = paragraph.Heading ? PdfFileAssembler.Bold : PdfFileAssembler.Regular;
            var pitch = LineSpacing * size;
            if (paragraph.Heading && !Fresh)
                _y -= HeadingBefore;
            foreach (var line in Lines(paragraph.Text, TextWidth, size))
            {
                if (!Fits(pitch))
                    NewPage();
                var width = PdfTextMetrics.Width(line.TrimEnd(' '), size);
                _page.Text(paragraph.Right ? Margin + TextWidth - width : Margin, _y - BaselineOffset(size), font, size, line);
                _y -= pitch;
            }
            if (paragraph.Heading)
                _y -= HeadingAfter;
        }

        /// <summary>
        /// A table, row by row. A row that does not fit goes to the next page, where the table is reopened with a top
        /// rule; a row taller than a whole page is split by lines. The empty paragraph Word keeps after a table follows it.
        /// </summary>
        public void Table(FixtureTable table)
        {
            var grid = TableGrid.Measure(table, TextWidth);
            var open = false; // rows of this table are on this page
            var textBottom = double.PositiveInfinity; // lowest point the text on this page reaches, padding included
            void Break()
            {
                if (open)
                    Close(grid.Xs, textBottom);
                NewPage();
                open = false;
                textBottom = double.PositiveInfinity;
            }
            for (var r = 0; r < grid.Heights.Length; r++)
            {
                var drawn = new int[grid.Columns]; // lines of each cell already drawn (a split row)
                var height = grid.Heights[r];
                while (true)
                {
                    // Every cell starting here must show its remaining lines on this page, a merged one included.
                    var need = Enumerable.Range(0, grid.Columns).Where(c => grid.CellLines[r, c] is not null)
                        .Select(c => TableGrid.Height(grid.CellLines[r, c]!.Count - drawn[c])).DefaultIfEmpty(0).Max();
                    if (Fits(Math.Max(height, need)))
                    {
                        textBottom = Math.Min(textBottom, Row(grid, r, drawn, int.MaxValue, height, first: !open));
                        open = true;
                        _y -= height;
                        break;
                    }
                    if (!Fresh)
                    {
                        Break();
                        continue;
                    }
                    // Taller than a page: draw the lines that fit, fill the page, go on with the rest on the next.
                    var room = _y - Margin;
                    var count = Math.Max(1, (int)Math.Floor((room - 2 * CellPaddingVertical) / BodyPitch));
                    Row(grid, r, drawn, count, room, first: true);
                    for (var c = 0; c < grid.Columns; c++)
                    {
                        if (grid.CellLines[r, c] is { } cellLines)
                            drawn[c] = Math.Min(cellLines.Count, drawn[c] + count);
                    }
                    open = true;
                    _y -= room;
                    Break();
                    height = Math.Max(height - room, TableGrid.Height(1));
                }
            }
            if (open)
                Close(grid.Xs, textBottom);
            _y -= BodyPitch;
        }

        /// <summary>
        /// Draws row <paramref name="r"/> (or the part of a split row) at the top of the free space: its top rule, except
        /// over a column whose merged cell goes on from the row above on the same page; its vertical rules; and up to
        /// <paramref name="count"/> more lines of each cell that starts in it, those of a marked cell bold and underlined.
        /// Returns how low the text reaches, with the cell padding (a merged cell's text runs on into the rows it covers).
        /// </summary>
        private double Row(TableGrid grid, int r, int[] drawn, int count, double height, bool first)
        {
            var top = _y;
            var xs = grid.Xs;
            var half = PdfContentBuilder.RuleWidth / 2;
            var cells = grid.Table.Rows[r];
            for (var c = 0; c < grid.Columns; c++)
            {
                if (first || !(c < cells.Count && cells[c].Covered))
                    _page.Line(xs[c] - (c == 0 ? half : 0), top, xs[c + 1] + (c == grid.Columns - 1 ? half : 0), top);
            }
            foreach (var x in xs)
                _page.Line(x, top + half, x, top - height - half);
            var bottom = double.PositiveInfinity;
            for (var c = 0; c < grid.Columns; c++)
            {
                if (grid.CellLines[r, c] is not { } cellLines)
                    continue;
                var marked = cells[c].Marked;
                var x = xs[c] + CellPadding;
                var y = top - CellPaddingVertical - BaselineOffset(BodySize);
                for (var k = drawn[c]; k < cellLines.Count && k - drawn[c] < count; k++)
                {
                    _page.Text(x, y, marked ? PdfFileAssembler.Bold : PdfFileAssembler.Regular, BodySize, cellLines[k]);
                    var width = PdfTextMetrics.Width(cellLines[k].TrimEnd(' '), BodySize);
                    if (marked && width > 0)
                        _page.Line(x, y - UnderlineDrop * BodySize, x + width, y - UnderlineDrop * BodySize);
                    y -= BodyPitch;
                }
                bottom = Math.Min(bottom, y + BaselineOffset(BodySize) - CellPaddingVertical);
            }
            return bottom;
        }

        /// <summary>
        /// The bottom rule where the table ends or breaks off at the page end. A merged cell whose text runs below the
        /// rows kept on this page (the next row went to the next page) first has the last row drawn longer to hold it.
        /// </summary>
        private void Close(double[] xs, double textBottom)
        {
            var half = PdfContentBuilder.RuleWidth / 2;
            if (textBottom < _y - 0.01)
            {
                foreach (var x in xs)
                    _page.Line(x, _y + half, x, textBottom - half);
                _y = textBottom;
            }
            _page.Line(xs[0] - half, _y, xs[^1] + half, _y);
        }
    }

    /// <summary>
    /// A table measured for drawing: its column edges (outdented by the cell padding so cell text lines up with the
    /// margin), every drawn cell's wrapped lines (covered cells have none), and row heights from the tallest cell in
    /// each row — a merged cell taller than the rows it spans makes its last row taller, as Word does.
    /// </summary>
    private sealed record TableGrid(FixtureTable Table, double[] Xs, List<string>?[,] CellLines, double[] Heights)
    {
        public int Columns => Xs.Length - 1;

        /// <summary>Height of a cell holding this many lines (an empty cell holds one), padding included.</summary>
        public static double Height(int lineCount) => Math.Max(1, lineCount) * BodyPitch + 2 * CellPaddingVertical;

        public static TableGrid Measure(FixtureTable table, double textWidth)
        {
            var columns = table.Widths.Count;
            if (table.Rows.Any(r => r.Count > columns))
                throw new ArgumentException($"a table row has more cells than the table's {columns} column widths");
            var total = table.Widths.Sum();
            var xs = new double[columns + 1];
            xs[0] = Margin - CellPadding;
            for (var c = 0; c < columns; c++)
                xs[c + 1] = xs[c] + table.Widths[c] / total * textWidth;

            var rows = table.Rows.Count;
            var lines = new List<string>?[rows, columns];
            var spans = new int[rows, columns];
            var heights = new double[rows];
            for (var r = 0; r < rows; r++)
            {
                heights[r] = Height(1);
                for (var c = 0; c < table.Rows[r].Count; c++)
                {
                    var cell = table.Rows[r][c];
                    if (cell.Covered)
                        continue;
                    lines[r, c] = Lines(cell.Text, xs[c + 1] - xs[c] - 2 * CellPadding, BodySize);
                    spans[r, c] = Math.Clamp(cell.RowSpan, 1, rows - r);
                    if (spans[r, c] == 1)
                        heights[r] = Math.Max(heights[r], Height(lines[r, c]!.Count));
                }
            }
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    if (spans[r, c] <= 1)
                        continue;
                    var spanned = Enumerable.Range(r, spans[r, c]).Sum(k => heights[k]);
                    heights[r + spans[r, c] - 1] += Math.Max(0, Height(lines[r, c]!.Count) - spanned);
                }
            }
            return new TableGrid(table, xs, lines, heights);
        }
    }
}

/// <summary>How a PDF shows a landscape page inside a portrait document; producers do all three.</summary>
public enum LandscapePages
{
    /// <summary>A media box wider than tall (LibreOffice, browsers).</summary>
    MediaBox,

    /// <summary>A portrait media box with <c>/Rotate 90</c>, the content drawn turned a quarter left so the viewer shows it upright.</summary>
    Rotate,

    /// <summary>A portrait page with the content drawn turned a quarter right and no <c>/Rotate</c>: the reader turns the paper.</summary>
    Sideways,
}
