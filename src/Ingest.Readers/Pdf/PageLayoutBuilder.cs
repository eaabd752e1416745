using Ingest.Core.Layout;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Ingest.Readers.Pdf;

/// <summary>A block placed on its page: its top edge (for reading order) and, for ruled tables, their grid.</summary>
internal sealed record PlacedBlock(double Top, LayoutBlock Block, TableShape? Shape = null);

/// <summary>
/// A ruled table's grid as the page showed it: column edges, the number of grid rows, and for each cell (in the order
/// the table's rows list them) its grid position and whether its last line ran to the right edge (its text may go on).
/// </summary>
internal sealed record TableShape(double[] ColumnEdges, int GridRows, IReadOnlyList<(GridRegion Region, bool Open)> Cells)
{
    /// <summary>Top and bottom edge on the page, as shares of the page height from the bottom (0 = page bottom, 1 = page top).</summary>
    public (double Top, double Bottom) Extent { get; init; }
}

/// <summary>A page after layout analysis, before furniture is decided across pages.</summary>
internal sealed record PageDraft(int Number, List<PlacedBlock> Blocks, List<TextLine> BandLines, bool ImageOnly, int Cells, bool RulesSkipped);

/// <summary>
/// Layout analysis of one page, as a chain of stages: letters → (overprint and underline marking) → ruling segments →
/// lattice tables → letters assigned to cells → lines → cell text; letters outside tables → lines → furniture
/// candidates, tables without rules (stream), and paragraphs; finally blocks in reading order (top to bottom).
/// </summary>
internal static class PageLayoutBuilder
{
    public static PageDraft Build(Page page, PdfReaderOptions options, JapaneseGlyphForms? glyphForms = null)
    {
        var frame = PageFrame.Of(page);
        var glyphs = Glyphs(page, options.MaxLettersPerPage, glyphForms, frame);
        var clip = ContentClip.Find(page, glyphs, frame);
        if (clip is { } shown)
            glyphs = glyphs.Where(g => ContentClip.Holds(shown, g)).ToArray();
        var visible = glyphs.Count(g => !g.IsSpace);
        var imageOnly = visible < options.ImageOnlyMaxLetters && page.NumberOfImages > 0;
        if (visible == 0)
            return new PageDraft(page.Number, [], [], imageOnly, 0, false);

        var segments = RulingExtractor.Segments(page, options.MaxSegmentsPerPage);
        if (segments is not null && frame.IsTurned)
            segments = segments.Select(frame.Apply).ToList();
        if (segments is not null && clip is { } box)
            segments = segments.Select(s => ContentClip.Cut(box, s)).OfType<Segment>().ToList();
        return Layout(page.Number, frame.Width, frame.Height, glyphs, segments, options) with { ImageOnly = imageOnly };
    }

    /// <summary>
    /// The format-neutral stages: letters and ruling segments (PDF user space, y up) of a page of the given size → tables,
    /// lines, paragraphs and furniture candidates. The PDF reader feeds it what the content stream drew; the OCR reader
    /// what it recognised and the rules it found in the image. <paramref name="segments"/> null: too many to use.
    /// </summary>
    public static PageDraft Layout(int number, double width, double height, Glyph[] glyphs, List<Segment>? segments, PdfReaderOptions options)
    {
        var frame = (Width: width, Height: height);
        var rules = segments is null ? [] : RulingExtractor.TakeUnderlines(segments, glyphs, options.SnapTolerance);
        var tables = LatticeTableFinder.Find(rules, options.SnapTolerance).Where(t => t.Regions.Count >= 2).ToList();

        var perRegion = tables.Select(t => t.Regions.Select(_ => new List<Glyph>()).ToArray()).ToArray();
        var free = new List<Glyph>();
        foreach (var glyph in glyphs)
        {
            var placed = false;
            for (var t = 0; t < tables.Count && !placed; t++)
            {
                var region = tables[t].RegionAt(glyph.CenterX, glyph.CenterY);
                if (region >= 0)
                {
                    perRegion[t][region].Add(glyph);
                    placed = true;
                }
            }
            if (!placed)
                free.Add(glyph);
        }

        var blocks = new List<PlacedBlock>();
        var cells = 0;
        for (var t = 0; t < tables.Count; t++)
        {
            var (table, shape) = TableFrom(tables[t], perRegion[t]);
            var bounds = tables[t].Bounds;
            blocks.Add(new PlacedBlock(bounds.Top, table, shape with { Extent = (bounds.Top / frame.Height, bounds.Bottom / frame.Height) }));
            cells += tables[t].Regions.Count;
        }

        var lines = TextLine.Group(free);
        var bandTop = frame.Height * (1 - options.FurnitureBand);
        var bandBottom = frame.Height * options.FurnitureBand;
        var band = lines.Where(l => l.Baseline >= bandTop || l.Baseline <= bandBottom).ToList();
        var body = lines.Where(l => !(l.Baseline >= bandTop || l.Baseline <= bandBottom)).ToList();
        blocks.AddRange(FreeText(body, ColumnRight(lines, tables, frame.Width), tables, options));
        blocks.Sort((a, b) => b.Top.CompareTo(a.Top));
        return new PageDraft(number, blocks, band, false, cells, segments is null);
    }

    /// <summary>
    /// Letters as glyphs. A letter printed twice at (almost) the same place is a producer's fake bold: the copy is
    /// dropped and the letter marked bold. Bold also comes from the font (name or weight) or from fill-and-stroke
    /// rendering, which is how LibreOffice emboldens a font that has no bold face. Radicals a font drew for ordinary
    /// kanji become those kanji (<see cref="JapaneseGlyphForms"/>).
    /// </summary>
    internal static Glyph[] Glyphs(Page page, int limit, JapaneseGlyphForms? glyphForms = null, PageFrame frame = default)
    {
        var result = new List<Glyph>();
        foreach (var letter in page.Letters)
        {
            if (result.Count >= limit)
                break;
            if (string.IsNullOrEmpty(letter.Value))
                continue;
            var size = letter.PointSize > 0 ? letter.PointSize : letter.FontSize > 0 ? letter.FontSize : Math.Max(1, letter.BoundingBox.Height);
            var (start, end) = (frame.Apply(letter.StartBaseLine), frame.Apply(letter.EndBaseLine));
            var left = Math.Min(start.X, end.X);
            var right = Math.Max(start.X, end.X);
            if (right - left < 0.05 * size)
            {
                var box = frame.Apply(letter.BoundingBox);
                left = box.Left;
                right = Math.Max(box.Right, left + 0.3 * size);
            }
            var bold = letter.FontDetails?.IsBold == true || (letter.FontDetails?.Weight ?? 400) >= 600
                       || IsBoldName(letter.FontName)
                       || letter.RenderingMode is TextRenderingMode.FillThenStroke or TextRenderingMode.FillThenStrokeClip;
            var value = glyphForms?.Resolve(letter.Value, letter.FontName, page) ?? letter.Value;
            result.Add(new Glyph(value, left, right, start.Y, size, bold ? TextStyle.Bold : TextStyle.None));
        }

        result.Sort((a, b) => a.Baseline != b.Baseline ? b.Baseline.CompareTo(a.Baseline) : a.Left.CompareTo(b.Left));
        var kept = new List<Glyph>(result.Count);
        foreach (var glyph in result)
        {
            var duplicate = false;
            for (var k = kept.Count - 1; k >= 0 && k >= kept.Count - 4; k--)
            {
                var other = kept[k];
                if (other.Text == glyph.Text && !glyph.IsSpace && Math.Abs(other.Left - glyph.Left) < 0.15 * glyph.Size
                    && Math.Abs(other.Baseline - glyph.Baseline) < 0.15 * glyph.Size)
                {
                    kept[k] = other with { Style = other.Style | TextStyle.Bold };
                    duplicate = true;
                    break;
                }
            }
            if (!duplicate)
                kept.Add(glyph);
        }
        return kept.ToArray();
    }

    private static bool IsBoldName(string? name) =>
        name is not null && (name.Contains("Bold", StringComparison.OrdinalIgnoreCase) || name.Contains("Black", StringComparison.OrdinalIgnoreCase)
                             || name.Contains("Heavy", StringComparison.OrdinalIgnoreCase) || name.Contains("Demi", StringComparison.OrdinalIgnoreCase));

    private static (TableBlock Table, TableShape Shape) TableFrom(LatticeTable table, List<Glyph>[] regionGlyphs)
    {
        var rows = new List<List<TableCell>>();
        for (var r = 0; r < table.Ys.Length - 1; r++)
            rows.Add([]);
        var cells = new List<(GridRegion, bool)>();
        // Regions come sorted by first row, then column: the order the rows list them.
        for (var i = 0; i < table.Regions.Count; i++)
        {
            var region = table.Regions[i];
            var text = CellText(region.Box, regionGlyphs[i], out var open);
            rows[region.Row].Add(new TableCell(text, region.ColumnSpan, region.RowSpan) { Confidence = MeanConfidence(regionGlyphs[i]) });
            cells.Add((region, open));
        }
        return (new TableBlock(rows.Select(r => new TableRow(r)).ToArray()), new TableShape(table.Xs, rows.Count, cells));
    }

    /// <summary>Mean recogniser confidence of the letters that have one (OCR); null when none has.</summary>
    internal static double? MeanConfidence(IEnumerable<Glyph> glyphs)
    {
        double sum = 0;
        var count = 0;
        foreach (var glyph in glyphs)
        {
            if (glyph.Confidence is { } c && !glyph.IsSpace)
                (sum, count) = (sum + c, count + 1);
        }
        return count == 0 ? null : sum / count;
    }

    /// <summary>A cell's text: its lines top to bottom, wrapped lines joined against the cell's right edge less its padding.</summary>
    private static StyledText CellText(Box box, List<Glyph> glyphs, out bool open)
    {
        open = false;
        if (glyphs.Count == 0)
            return StyledText.Empty;
        var lines = TextLine.Group(glyphs);
        if (lines.Count == 0)
            return StyledText.Empty;
        // Cell padding is symmetric in every producer met: the left inset of the leftmost line mirrors the right one.
        var padding = Math.Clamp(lines.Min(l => l.Left) - box.Left, 0, box.Width * 0.3);
        return TextLine.Join(lines, box.Right - padding, out open);
    }

    /// <summary>
    /// The right edge of the page's text column, against which a line counts as full (wrapped): the furthest any line
    /// reaches, running headers and right-aligned document numbers included, a ruled table's right border, or the left
    /// margin mirrored (forms are printed with equal side margins, or a wider binding margin on the left, which this
    /// never oversteps). Taking the paragraph lines alone is not enough: on a cover page whose longest paragraph is one
    /// unwrapped line (◇第17条…（…）), that line would look full and the next line — （担当部課：…） — would be read as
    /// its continuation.
    /// </summary>
    private static double ColumnRight(List<TextLine> lines, List<LatticeTable> tables, double pageWidth)
    {
        double right = 0, left = pageWidth;
        foreach (var line in lines)
            (right, left) = (Math.Max(right, line.Right), Math.Min(left, line.Left));
        foreach (var table in tables)
            (right, left) = (Math.Max(right, table.Bounds.Right), Math.Min(left, table.Bounds.Left));
        return left < right ? Math.Max(right, pageWidth - left) : right;
    }

    /// <summary>Letters outside ruled tables: tables drawn without rules (stream) and paragraphs, split wherever a ruled table comes between.</summary>
    private static IEnumerable<PlacedBlock> FreeText(List<TextLine> lines, double rightLimit, List<LatticeTable> tables, PdfReaderOptions options)
    {
        if (lines.Count == 0)
            yield break;
        var run = new List<TextLine>();
        foreach (var line in lines)
        {
            if (run.Count > 0 && tables.Any(t => t.Bounds.Top < run[^1].Baseline && t.Bounds.Top > line.Baseline))
            {
                foreach (var block in Run(run, rightLimit, options))
                    yield return block;
                run.Clear();
            }
            run.Add(line);
        }
        foreach (var block in Run(run, rightLimit, options))
            yield return block;
    }

    private static IEnumerable<PlacedBlock> Run(List<TextLine> lines, double rightLimit, PdfReaderOptions options)
    {
        var i = 0;
        while (i < lines.Count)
        {
            var stream = StreamTableFinder.TryTable(lines, i, options.StreamColumnGap, out var used);
            if (stream is not null)
            {
                yield return new PlacedBlock(lines[i].Top, stream);
                i += used;
                continue;
            }
            // A paragraph: lines up to the next stream table or a blank gap.
            var start = i;
            i++;
            while (i < lines.Count && lines[i].Top > lines[i - 1].Bottom - 1.0 * lines[i].Size
                   && StreamTableFinder.TryTable(lines, i, options.StreamColumnGap, out _) is null)
                i++;
            var paragraph = lines.GetRange(start, i - start);
            yield return new PlacedBlock(lines[start].Top, new ParagraphBlock(TextLine.Join(paragraph, rightLimit))
            {
                Confidence = MeanConfidence(paragraph.SelectMany(l => l.Glyphs)),
            });
        }
    }
}
