using System.Globalization;
using System.Text;
using Ingest.Core.Layout;
using Ingest.Readers.Pdf;

namespace Ingest.Readers.Ocr;

/// <summary>A scanned page as the layout stages want it: letters with confidence and ruling segments, in points (y up), on a page of the given size.</summary>
internal sealed record RecognizedPage(Glyph[] Glyphs, List<Segment> Segments, double Width, double Height, int Dpi, double SkewDegrees, int Cells);

/// <summary>
/// Recognises one scanned page: the page image is deskewed, its ruling lines found, the tables they draw located with
/// the same lattice finder the PDF reader uses, and then each table cell is recognised on its own (Tesseract's
/// "uniform block" mode, or its vertical model for a tall narrow cell) and so is the text outside the tables (a form's
/// running text is one column; automatic page segmentation dropped whole blocks of it — the 根拠 and 担当部課 lines —
/// as pictures). Whole-page recognition of a form runs neighbouring cells together and loses labels;
/// a cell on its own is a small block Tesseract reads well. Cells of a page go to one Tesseract run as a list of
/// images, so the model is loaded once per page and mode.
/// </summary>
internal sealed class PageRecognizer(OcrOptions options, double snapTolerance)
{
    private const string TesseractPackage = "tesseract-ocr";

    /// <summary>White pixels around each image given to Tesseract: its line finder wants clear paper around the letters.</summary>
    private const int Margin = 12;

    /// <summary>
    /// Where an image's words go on the page: the image's top left corner in page pixels, and the span (in the image's
    /// own pixels) its letters must stay within — the cell's inside, so that no letter is laid over the next cell.
    /// </summary>
    private readonly record struct Placement(int Left, int Top, int MinX, int MaxX);

    /// <summary>One line of a cell (or, where lines touch, a block of them) as an image to recognise, with its place.</summary>
    private sealed record Band(GrayImage Image, Placement Placement);

    /// <summary>
    /// The lines of a horizontal cell or of the page outside its tables (black and white, with a white margin round it
    /// whose inside starts at page pixel <paramref name="left"/>, <paramref name="top"/>), each its own image with the margin around it.
    /// </summary>
    private static IEnumerable<Band> CellBands(GrayImage cell, int left, int top, int width, bool wholePage = false)
    {
        foreach (var (bandTop, bandHeight) in TextBands.Find(cell, skipLongColumns: wholePage))
        {
            var image = cell.Crop(0, bandTop, cell.Width, bandHeight, 0);
            var padded = new GrayImage(image.Width, image.Height + 2 * Margin);
            Array.Fill(padded.Pixels, (byte)255);
            Array.Copy(image.Pixels, 0, padded.Pixels, Margin * padded.Width, image.Pixels.Length);
            yield return new Band(padded, new Placement(left - Margin, top - Margin + bandTop - Margin, Margin, Margin + width));
        }
    }

    /// <summary>
    /// Recognises the bands of a page's cells and running text: single lines in Tesseract's line mode, bands much taller
    /// than a page's usual line (two lines with no clear row between them) in its block mode. Tesseract now and then reads
    /// nothing in a short line it reads at once another way (委託先 in a black-and-white scan): a band read as nothing is
    /// read again as a raw line (<c>--psm 13</c>), and what is still unread at half size.
    /// </summary>
    private IEnumerable<Glyph> RecognizeBands(List<Band> bands, string workFolder, double toPoints, double pageHeight)
    {
        if (bands.Count == 0)
            return [];
        var usual = bands.Select(b => b.Image.Height).Order().ElementAt(bands.Count / 2);
        var glyphs = new List<Glyph>();
        var unread = new List<Band>();
        foreach (var (mode, group) in new[] { ("7", bands.Where(b => b.Image.Height <= 1.8 * usual).ToList()), ("6", bands.Where(b => b.Image.Height > 1.8 * usual).ToList()) })
            unread.AddRange(Read(group, mode, 1, "cells-" + mode));
        unread = Read(unread, "13", 1, "raw");
        Read(unread, "7", 2, "retry");
        return glyphs;

        // Reads the bands (at 1/scale of their size), adds their letters, and gives back the bands read as nothing.
        List<Band> Read(List<Band> group, string mode, int scale, string name)
        {
            if (group.Count == 0)
                return [];
            var words = Tesseract(group.Select(b => scale == 2 ? b.Image.Half() : b.Image).ToList(), options.Language, mode, workFolder, name)
                .Select(w => scale == 1 ? w : w with { Left = scale * w.Left, Top = scale * w.Top, Width = scale * w.Width, Height = scale * w.Height, LineTop = scale * w.LineTop, LineHeight = scale * w.LineHeight })
                .Where(w => mode != "13" || OnInk(group[w.Image - 1].Image, w))
                .ToList();
            words = WithoutStrayInk(words);
            glyphs.AddRange(Glyphs(words, group.Select(b => b.Placement).ToList(), toPoints, pageHeight));
            var read = words.Select(w => w.Image).ToHashSet();
            return Enumerable.Range(1, group.Count).Where(i => !read.Contains(i)).Select(i => group[i - 1]).ToList();
        }
    }

    /// <summary>Below this confidence (0–1), a group of words far from the rest of its line is stray ink, not text.</summary>
    private const double StrayConfidence = 0.7;

    /// <summary>
    /// The words without those that stand apart on their line — after a gap of more than three line heights of blank
    /// paper — and that Tesseract is unsure of (every one below <see cref="StrayConfidence"/>): the arc of a seal or a
    /// tick in a cell's empty part, read as ーーへ or レジ/. Text set apart in a cell is read with high confidence and
    /// stays; a line that is nothing but such words stays too (it is marked for review by its low confidence).
    /// </summary>
    internal static List<OcrWord> WithoutStrayInk(List<OcrWord> words)
    {
        var stray = new HashSet<OcrWord>();
        foreach (var line in words.GroupBy(w => (w.Image, w.LineTop, w.LineHeight)))
        {
            var groups = new List<List<OcrWord>>();
            var right = int.MinValue;
            foreach (var word in line)
            {
                if (groups.Count == 0 || word.Left - right > 3 * line.Key.LineHeight)
                    groups.Add([]);
                groups[^1].Add(word);
                right = Math.Max(right, word.Left + word.Width);
            }
            if (groups.Count < 2)
                continue;
            var unsure = groups.Where(g => g.All(w => w.Confidence < StrayConfidence)).ToList();
            if (unsure.Count < groups.Count)
                stray.UnionWith(unsure.SelectMany(g => g));
        }
        return stray.Count == 0 ? words : words.Where(w => !stray.Contains(w)).ToList();
    }

    /// <summary>
    /// Whether a word's box holds ink at all in its (black and white) image. Tesseract's raw line mode now and then
    /// reports 。 over blank paper after a short line; a word over nothing is its invention, not the scan's.
    /// </summary>
    private static bool OnInk(GrayImage image, OcrWord word)
    {
        if (word.Image < 1)
            return false;
        var ink = 0;
        for (var y = Math.Max(0, word.Top); y < Math.Min(image.Height, word.Top + word.Height); y++)
        {
            for (var x = Math.Max(0, word.Left); x < Math.Min(image.Width, word.Left + word.Width); x++)
            {
                if (image[x, y] == 0 && ++ink >= 4)
                    return true;
            }
        }
        return false;
    }

    public RecognizedPage Recognize(GrayImage scan, int dpi, string workFolder)
    {
        var threshold = scan.InkThreshold();
        var skew = Deskew.Angle(scan, threshold);
        var page = skew == 0 ? scan : scan.Rotate(skew);
        var ink = page.CleanInk(threshold);
        var toPoints = 72.0 / dpi;
        var (width, height) = (page.Width * toPoints, page.Height * toPoints);
        var rules = RulingDetector.Find(ink, page.Width, page.Height, dpi);
        var segments = rules.Select(r => Segment.Of(r.X1 * toPoints, height - r.Y1 * toPoints, r.X2 * toPoints, height - r.Y2 * toPoints)).ToList();
        var tables = LatticeTableFinder.Find(segments, snapTolerance).Where(t => t.Regions.Count >= 2).ToList();
        var thickness = rules.Count == 0 ? 2 : rules.Select(r => r.Thickness).Order().ElementAt(rules.Count / 2);

        var bands = new List<Band>();
        var verticalCells = new List<(GrayImage Image, int Left, int Top, int Width, int Height)>();
        // Tesseract is given the page cleaned of specks and grain (letters and a pixel around them kept as scanned): on a
        // small noisy cell its own binarisation sometimes finds no text at all.
        var clean = page.KeepOnly(Grown(ink, page.Width, page.Height));
        var rest = new GrayImage(page.Width, page.Height, (byte[])clean.Pixels.Clone());
        foreach (var table in tables)
        {
            var bounds = PixelBox(table.Bounds, toPoints, height);
            rest.Clear(bounds.Left - thickness, bounds.Top - thickness, bounds.Width + 2 * thickness, bounds.Height + 2 * thickness);
            foreach (var region in table.Regions)
            {
                var box = PixelBox(region.Box, toPoints, height);
                // Just inside the rules (cells pad their text by a few points at most); what is left of a rule at the
                // crop's edge is cleared, since a rule's own ink read as a letter (|, 一) is the commonest cell error.
                var inset = (thickness + 1) / 2 + 1;
                var (left, top, w, h) = (box.Left + inset, box.Top + inset, box.Width - 2 * inset, box.Height - 2 * inset);
                if (w < 4 || h < 4 || !HasLetters(ink, page.Width, left + thickness, top + thickness, w - 2 * thickness, h - 2 * thickness, dpi))
                    continue;
                var cell = clean.Crop(left, top, w, h, Margin);
                ClearRuleRemnants(cell, threshold, Margin, thickness + 2);
                if (h > 2.5 * w && w < dpi * 0.6)
                    verticalCells.Add((cell, left - Margin, top - Margin, w, h));
                else
                    bands.AddRange(CellBands(cell.Binarised(threshold), left, top, w));
            }
        }

        // The text outside the tables is read line by line too: in block mode Tesseract dropped whole lines of a cover's
        // running text (条例の根拠, 【諮問】) as pictures and lost brackets.
        if (HasLetters(rest.Ink(threshold), rest.Width, 0, 0, rest.Width, rest.Height, dpi))
            bands.AddRange(CellBands(rest.Binarised(threshold).Crop(0, 0, rest.Width, rest.Height, Margin), 0, 0, rest.Width, wholePage: true));
        var glyphs = RecognizeBands(bands, workFolder, toPoints, height).ToList();
        if (verticalCells.Count > 0)
        {
            var words = Tesseract(verticalCells.Select(c => c.Image).ToList(), options.VerticalLanguage, "5", workFolder, "vertical");
            glyphs.AddRange(VerticalGlyphs(words, verticalCells.Select(c => (c.Left + Margin, c.Top + Margin, c.Width, c.Height)).ToList(), toPoints, height));
        }
        return new RecognizedPage(glyphs.ToArray(), segments, width, height, dpi, skew, bands.Count + verticalCells.Count);
    }

    /// <summary>Whitens rows and columns along the crop's edges (inside its white margin) that are mostly ink: the rims of the cell's rules.</summary>
    private static void ClearRuleRemnants(GrayImage cell, byte threshold, int margin, int depth)
    {
        int innerWidth = cell.Width - 2 * margin, innerHeight = cell.Height - 2 * margin;
        bool MostlyInk(int from, int count, Func<int, byte> pixel)
        {
            var ink = 0;
            for (var i = from; i < from + count; i++)
                ink += pixel(i) <= threshold ? 1 : 0;
            return ink >= 0.6 * count;
        }
        for (var d = 0; d < Math.Min(depth, innerHeight / 3); d++)
        {
            foreach (var y in new[] { margin + d, cell.Height - margin - 1 - d })
            {
                if (MostlyInk(margin, innerWidth, x => cell[x, y]))
                    cell.Clear(margin, y, innerWidth, 1);
            }
        }
        for (var d = 0; d < Math.Min(depth, innerWidth / 3); d++)
        {
            foreach (var x in new[] { margin + d, cell.Width - margin - 1 - d })
            {
                if (MostlyInk(margin, innerHeight, y => cell[x, y]))
                    cell.Clear(x, margin, 1, innerHeight);
            }
        }
    }

    /// <summary>The ink mask grown by one pixel each way, so a letter's soft edge is kept with it.</summary>
    private static bool[] Grown(bool[] ink, int width, int height)
    {
        var grown = (bool[])ink.Clone();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (!ink[y * width + x])
                    continue;
                for (var dy = Math.Max(0, y - 1); dy <= Math.Min(height - 1, y + 1); dy++)
                {
                    for (var dx = Math.Max(0, x - 1); dx <= Math.Min(width - 1, x + 1); dx++)
                        grown[dy * width + dx] = true;
                }
            }
        }
        return grown;
    }

    /// <summary>A box in points (y up) as pixels (y down).</summary>
    private static (int Left, int Top, int Width, int Height) PixelBox(Box box, double toPoints, double pageHeight)
    {
        var left = (int)Math.Round(box.Left / toPoints);
        var top = (int)Math.Round((pageHeight - box.Top) / toPoints);
        return (left, top, (int)Math.Round(box.Width / toPoints), (int)Math.Round(box.Height / toPoints));
    }

    /// <summary>
    /// Whether a rectangle holds something letter-sized: ink in at least a letter stroke's worth of pixels. Specks of scan
    /// noise alone are not sent to Tesseract, which would read them as punctuation.
    /// </summary>
    private static bool HasLetters(bool[] ink, int imageWidth, int left, int top, int width, int height, int dpi)
    {
        var needed = Math.Max(12, dpi * dpi / 900); // a short stroke: 100 pixels at 300 dpi
        var count = 0;
        var bottom = Math.Min(top + height, ink.Length / imageWidth);
        var right = Math.Min(left + width, imageWidth);
        for (var y = Math.Max(0, top); y < bottom; y++)
        {
            var row = y * imageWidth;
            for (var x = Math.Max(0, left); x < right; x++)
            {
                if (ink[row + x] && ++count >= needed)
                    return true;
            }
        }
        return false;
    }

    /// <summary>Recognises a list of images in one Tesseract run; each word names its image (1-based).</summary>
    private List<OcrWord> Tesseract(List<GrayImage> images, string language, string mode, string workFolder, string name)
    {
        var paths = new List<string>();
        for (var i = 0; i < images.Count; i++)
        {
            var path = Path.Combine(workFolder, $"{name}-{i + 1:D4}.pgm");
            File.WriteAllBytes(path, images[i].ToPgm());
            paths.Add(path);
        }
        var list = Path.Combine(workFolder, $"{name}.txt");
        File.WriteAllText(list, string.Join('\n', paths) + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)); // Tesseract takes a byte-order mark for part of the first path
        var output = Path.Combine(workFolder, $"{name}-out");
        var outcome = ToolRunner.Run(options.Tesseract, [list, output, "-l", language, "--psm", mode, "tsv", "txt"], options.ToolTimeout, TesseractPackage, addressSpace: options.ToolAddressSpace);
        foreach (var path in paths)
            File.Delete(path);
        if (outcome.ExitCode != 0 || !File.Exists(output + ".tsv"))
            throw new OcrUnavailableException(TesseractFailure(outcome, language));
        var tsv = File.ReadAllText(output + ".tsv");
        var text = File.Exists(output + ".txt") ? File.ReadAllText(output + ".txt") : string.Empty;
        File.Delete(output + ".tsv");
        File.Delete(output + ".txt");
        return TesseractTsv.Words(tsv, text).Where(w => !IsSpeck(w)).ToList();
    }

    private bool IsSpeck(OcrWord word) =>
        word.Confidence < options.MinWordConfidence && word.Text.Length == 1 && !char.IsLetterOrDigit(word.Text[0]);

    internal static string TesseractFailure(ToolRunner.Outcome outcome, string language)
    {
        var error = outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (outcome.Error.Contains("Failed loading language", StringComparison.Ordinal))
            return $"tesseract has no '{language}' model (Debian package tesseract-ocr-{language.Replace('_', '-')})";
        return $"tesseract failed (exit code {outcome.ExitCode}: {error.LastOrDefault() ?? "no message"})";
    }

    /// <summary>
    /// Words as letters in points: each word's box shared evenly by its letters, on its line's baseline, its line's height
    /// as size. Tesseract's Japanese model splits a line into many short "words" with gaps the layout stages would read
    /// as spaces; the words are laid out again one after another, apart only where Tesseract's text has a space. Its
    /// word boxes overlap and some span the next words, so a word ends where its own box ends (not one box width after
    /// the previous word: that drift carried the end of a label's line into the value's cell), and a line that still
    /// runs past its image's span is pressed back into it.
    /// </summary>
    private static IEnumerable<Glyph> Glyphs(List<OcrWord> words, IReadOnlyList<Placement> places, double toPoints, double pageHeight)
    {
        foreach (var line in words.GroupBy(w => (w.Image, w.LineTop, w.LineHeight)))
        {
            if (line.Key.Image < 1 || line.Key.Image > places.Count)
                continue;
            var place = places[line.Key.Image - 1];
            // Tesseract's order, not the boxes': its Japanese word boxes overlap, and sorting them would swap letters.
            var ordered = line.ToList();
            var laid = new List<(string Letter, double Left, double Right, double Confidence)>();
            var previousRight = double.MinValue;
            for (var k = 0; k < ordered.Count; k++)
            {
                var word = ordered[k];
                var letters = Letters(word.Text);
                // Where Tesseract's text has no space the gap is closed; where it has one, it is at least half a letter.
                // Between two Japanese letters Tesseract's spaces are its own, not the document's: those are closed too.
                var spaced = k > 0 && word.SpaceBefore && !(Script.IsCjk(ordered[k - 1].Text[^1]) && Script.IsCjk(word.Text[0]));
                var start = k == 0 ? Math.Max(word.Left, place.MinX)
                    : spaced ? Math.Max(word.Left, previousRight + 0.5 * line.Key.LineHeight)
                    : previousRight;
                var right = Math.Max(word.Left + word.Width, start + letters.Count);
                previousRight = right;
                var step = (right - start) / letters.Count;
                for (var i = 0; i < letters.Count; i++)
                    laid.Add((letters[i], start + i * step, start + (i + 1) * step, word.Confidence));
            }
            if (laid.Count == 0)
                continue;
            var (from, to) = (laid[0].Left, laid[^1].Right);
            var squeeze = to > place.MaxX && to > from ? Math.Max(0, place.MaxX - from) / (to - from) : 1.0;
            var baseline = pageHeight - (place.Top + line.Key.LineTop + line.Key.LineHeight) * toPoints;
            var size = Math.Max(line.Key.LineHeight, 1) * toPoints;
            foreach (var (letter, left, right, confidence) in laid)
            {
                var x1 = (place.Left + from + (left - from) * squeeze) * toPoints;
                var x2 = (place.Left + from + (right - from) * squeeze) * toPoints;
                yield return new Glyph(letter, x1, Math.Max(x2, x1 + 0.01), baseline, size, TextStyle.None, confidence);
            }
        }
    }

    /// <summary>
    /// Vertical text (top to bottom, columns right to left) as one line of letters across its cell: the layout stages
    /// read lines left to right, and a vertical label in a form is a short word.
    /// </summary>
    private static IEnumerable<Glyph> VerticalGlyphs(List<OcrWord> words, IReadOnlyList<(int Left, int Top, int Width, int Height)> cells, double toPoints, double pageHeight)
    {
        foreach (var group in words.GroupBy(w => w.Image))
        {
            if (group.Key < 1 || group.Key > cells.Count)
                continue;
            var cell = cells[group.Key - 1];
            var ordered = group.OrderByDescending(w => w.Left).ThenBy(w => w.Top).ToList();
            var letters = ordered.SelectMany(w => Letters(w.Text).Select(l => (Letter: l, w.Confidence))).ToList();
            var step = (double)cell.Width / letters.Count;
            var size = Math.Min(cell.Width, step * 1.0) * toPoints;
            var baseline = pageHeight - (cell.Top + cell.Height / 2.0) * toPoints;
            for (var i = 0; i < letters.Count; i++)
            {
                var left = (cell.Left + i * step) * toPoints;
                yield return new Glyph(letters[i].Letter, left, left + step * toPoints, baseline, Math.Max(size, 1), TextStyle.None, letters[i].Confidence);
            }
        }
    }

    private static List<string> Letters(string text)
    {
        var letters = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
            letters.Add((string)e.Current);
        return letters;
    }
}
