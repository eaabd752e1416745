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

        var horizontalCells = new List<(GrayImage Image, int Left, int Top)>();
        var verticalCells = new List<(GrayImage Image, int Left, int Top, int Width, int Height)>();
        // Tesseract is given the page cleaned of specks and grain (letters and a pixel around them kept as scanned): on a
        // small noisy cell its own binarisation sometimes finds no text at all.
        var clean = page.KeepOnly(Grown(ink, page.Width, page.Height));
        var rest = new GrayImage(page.Width, page.Height, (byte[])clean.Pixels.Clone());
        const int margin = 12;
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
                var cell = clean.Crop(left, top, w, h, margin);
                ClearRuleRemnants(cell, threshold, margin, thickness + 2);
                if (h > 2.5 * w && w < dpi * 0.6)
                    verticalCells.Add((cell, left - margin, top - margin, w, h));
                else
                    horizontalCells.Add((cell, left - margin, top - margin));
            }
        }

        var glyphs = new List<Glyph>();
        if (HasLetters(rest.Ink(threshold), rest.Width, 0, 0, rest.Width, rest.Height, dpi))
            glyphs.AddRange(Glyphs(Tesseract([rest], options.Language, "6", workFolder, "free"), [(0, 0)], toPoints, height));
        if (horizontalCells.Count > 0)
        {
            var words = Tesseract(horizontalCells.Select(c => c.Image).ToList(), options.Language, "6", workFolder, "cells");
            glyphs.AddRange(Glyphs(words, horizontalCells.Select(c => (c.Left, c.Top)).ToList(), toPoints, height));
            // Tesseract now and then reads nothing in a short one-line cell it reads at once at another size (委託先 at
            // 300 dpi); the cells it left empty are read again as single lines at half size.
            var read = words.Select(w => w.Image).ToHashSet();
            var empty = Enumerable.Range(1, horizontalCells.Count).Where(i => !read.Contains(i)).Select(i => horizontalCells[i - 1]).ToList();
            if (empty.Count > 0)
            {
                var again = Tesseract(empty.Select(c => c.Image.Half()).ToList(), options.Language, "7", workFolder, "retry")
                    .Select(w => w with { Left = 2 * w.Left, Top = 2 * w.Top, Width = 2 * w.Width, Height = 2 * w.Height, LineTop = 2 * w.LineTop, LineHeight = 2 * w.LineHeight })
                    .ToList();
                glyphs.AddRange(Glyphs(again, empty.Select(c => (c.Left, c.Top)).ToList(), toPoints, height));
            }
        }
        if (verticalCells.Count > 0)
        {
            var words = Tesseract(verticalCells.Select(c => c.Image).ToList(), options.VerticalLanguage, "5", workFolder, "vertical");
            glyphs.AddRange(VerticalGlyphs(words, verticalCells.Select(c => (c.Left + margin, c.Top + margin, c.Width, c.Height)).ToList(), toPoints, height));
        }
        return new RecognizedPage(glyphs.ToArray(), segments, width, height, dpi, skew, horizontalCells.Count + verticalCells.Count);
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
        var outcome = ToolRunner.Run(options.Tesseract, [list, output, "-l", language, "--psm", mode, "tsv", "txt"], options.ToolTimeout, TesseractPackage);
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
    /// as spaces; the words are laid out again one after another, apart only where Tesseract's text has a space.
    /// </summary>
    private static IEnumerable<Glyph> Glyphs(List<OcrWord> words, IReadOnlyList<(int Left, int Top)> offsets, double toPoints, double pageHeight)
    {
        foreach (var line in words.GroupBy(w => (w.Image, w.LineTop, w.LineHeight)))
        {
            if (line.Key.Image < 1 || line.Key.Image > offsets.Count)
                continue;
            var (dx, dy) = offsets[line.Key.Image - 1];
            // Tesseract's order, not the boxes': its Japanese word boxes overlap, and sorting them would swap letters.
            var ordered = line.ToList();
            var previousRight = double.MinValue;
            var baseline = pageHeight - (dy + line.Key.LineTop + line.Key.LineHeight) * toPoints;
            var size = Math.Max(line.Key.LineHeight, 1) * toPoints;
            for (var k = 0; k < ordered.Count; k++)
            {
                var word = ordered[k];
                var letters = Letters(word.Text);
                // Where Tesseract's text has no space the gap is closed; where it has one, it is at least half a letter.
                // Between two Japanese letters Tesseract's spaces are its own, not the document's: those are closed too.
                var spaced = k > 0 && word.SpaceBefore && !(Script.IsCjk(ordered[k - 1].Text[^1]) && Script.IsCjk(word.Text[0]));
                var start = k == 0 ? word.Left
                    : spaced ? Math.Max(word.Left, previousRight + 0.5 * line.Key.LineHeight)
                    : previousRight;
                var right = Math.Max(start + word.Width, start + letters.Count);
                previousRight = right;
                var step = (right - start) / letters.Count;
                for (var i = 0; i < letters.Count; i++)
                {
                    var left = (dx + start + i * step) * toPoints;
                    yield return new Glyph(letters[i], left, left + step * toPoints, baseline, size, TextStyle.None, word.Confidence);
                }
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
