using System.Text.RegularExpressions;
using Ingest.Core.Layout;
using Ingest.Readers.Sniffing;

namespace Ingest.Readers.Pdf;

/// <summary>Letters that share a baseline, left to right.</summary>
internal sealed partial class TextLine
{
    /// <summary>
    /// A gap wider than this share of the font size between two letters is a word space. Space glyphs themselves are not
    /// trusted inside a line: LibreOffice emits stray zero-advance spaces over synthetic-bold text, and Word's
    /// "autospace" (about 0.2 em between Japanese and Latin or digits) is layout, not text.
    /// </summary>
    private const double SpaceGap = 0.24;

    /// <summary>
    /// Deepest first-line indent, in font sizes, of a paragraph whose next line starts at its left edge (Japanese
    /// paragraphs indent one letter, some two). A line starting further right is right-aligned or centred — a
    /// document number, a date, a title — and ends its paragraph however far right it reaches.
    /// </summary>
    private const double MaxFirstLineIndent = 3.0;

    public TextLine(IReadOnlyList<Glyph> glyphs)
    {
        Glyphs = glyphs;
        var visible = glyphs.Where(g => !g.IsSpace).ToArray();
        var body = visible.Length > 0 ? visible : glyphs.ToArray();
        Left = body.Min(g => g.Left);
        Right = body.Max(g => g.Right);
        Baseline = body.Average(g => g.Baseline);
        Size = body.Max(g => g.Size);
        Text = Render(body);
        // A space drawn after the last letter (not over it) is the source's own space at a wrap point.
        var last = glyphs[^1];
        EndsWithSpace = last.IsSpace && last.Left >= Right - 0.1 * last.Size;
    }

    public IReadOnlyList<Glyph> Glyphs { get; }
    public double Left { get; }
    public double Right { get; }
    public double Baseline { get; }
    public double Size { get; }
    public double Top => Baseline + 0.85 * Size;
    public double Bottom => Baseline - 0.2 * Size;
    public StyledText Text { get; }

    /// <summary>True when the producer drew a space after the line's last letter (the source had a space where the line wrapped).</summary>
    public bool EndsWithSpace { get; }

    /// <summary>
    /// Width of the line's first unit that a line may not be broken inside: one letter for Japanese, a word for Latin, and
    /// with them what may not be parted from them by the line-breaking rules (JIS X 4051 kinsoku) — closing brackets and
    /// punctuation after them (人。), a Latin word glued to a Japanese letter by such a mark (生:2,300).
    /// </summary>
    public double FirstWordWidth
    {
        get
        {
            var first = Glyphs.FirstOrDefault(g => !g.IsSpace);
            if (first.Text is null)
                return 0;
            var end = first.Right;
            var previous = first.Text;
            foreach (var g in Glyphs.SkipWhile(g => g.IsSpace).Skip(1))
            {
                if (g.IsSpace || g.Left - end > SpaceGap * g.Size || MayBreakBetween(previous, g.Text))
                    break;
                end = g.Right;
                previous = g.Text;
            }
            return end - first.Left;
        }
    }

    /// <summary>Letters that may not start a line: closing brackets, punctuation, iteration marks, the long vowel mark.</summary>
    private const string NoLineStart = "!),.:;?]}、。，．・：；？！）」』】〕〉》］｝々ゝゞヽヾー゛゜℃％｡｣､･ﾞﾟ";

    /// <summary>Letters that may not end a line: opening brackets.</summary>
    private const string NoLineEnd = "([{（「『【〔〈《［｛｢";

    /// <summary>Whether a line may break between two letters: beside a Japanese letter, unless kinsoku forbids; never inside a Latin word.</summary>
    private static bool MayBreakBetween(string before, string after)
    {
        if (before.Length == 0 || after.Length == 0)
            return true;
        if (NoLineStart.Contains(after[0], StringComparison.Ordinal) || NoLineEnd.Contains(before[^1], StringComparison.Ordinal))
            return false;
        return Script.IsCjk(before[^1]) || Script.IsCjk(after[0]);
    }

    /// <summary>Groups letters into lines by baseline (within a third of the font size), top to bottom.</summary>
    public static List<TextLine> Group(IEnumerable<Glyph> glyphs)
    {
        var lines = new List<TextLine>();
        var current = new List<Glyph>();
        double reference = double.NaN, size = 0;
        foreach (var glyph in glyphs.OrderByDescending(g => g.Baseline).ThenBy(g => g.Left))
        {
            if (current.Count > 0 && Math.Abs(glyph.Baseline - reference) > 0.35 * Math.Max(size, glyph.Size))
            {
                AddLine(lines, current);
                current = [];
            }
            if (current.Count == 0)
            {
                reference = glyph.Baseline;
                size = glyph.Size;
            }
            current.Add(glyph);
        }
        AddLine(lines, current);
        return lines;
    }

    private static void AddLine(List<TextLine> lines, List<Glyph> glyphs)
    {
        if (glyphs.Count > 0 && glyphs.Any(g => !g.IsSpace))
            lines.Add(new TextLine(glyphs.OrderBy(g => g.Left).ToArray()));
    }

    /// <summary>Splits the line where letters are further apart than <paramref name="gapInEm"/> font sizes (columns of a table without rules).</summary>
    public List<TextLine> Chunks(double gapInEm)
    {
        var chunks = new List<TextLine>();
        var current = new List<Glyph>();
        double? lastRight = null;
        foreach (var g in Glyphs)
        {
            if (g.IsSpace)
            {
                current.Add(g);
                continue;
            }
            if (lastRight is { } r && g.Left - r > gapInEm * g.Size)
            {
                AddLine(chunks, current);
                current = [];
            }
            current.Add(g);
            lastRight = g.Right;
        }
        AddLine(chunks, current);
        return chunks;
    }

    private static StyledText Render(IReadOnlyList<Glyph> glyphs)
    {
        var text = new StyledTextBuilder();
        double? lastRight = null;
        var lastStyle = TextStyle.None;
        foreach (var g in glyphs)
        {
            if (g.IsSpace)
                continue;
            // A space inside a marked run stays marked ("J-LIS 専用サイト" underlined is one span); at a run's edge it is not.
            if (lastRight is { } r && g.Left - r > SpaceGap * g.Size && text.Length > 0)
                text.Append(" ", lastStyle & g.Style);
            text.Append(g.Text, g.Style);
            lastRight = g.Right;
            lastStyle = g.Style;
        }
        return text.Build();
    }

    /// <summary>
    /// Joins lines into text: a line that ends short of <paramref name="rightLimit"/> ends a paragraph ('\n'); a line the
    /// next line's first word would not have fitted on was wrapped by the width, and is joined — without a space between
    /// Japanese letters, with one between Latin words. Japanese line-breaking rules (kinsoku) may pull one letter to the
    /// next line, so one em of slack is allowed. A line opening with a list marker always starts a paragraph, and so does
    /// the line after one that starts well right of it (<see cref="MaxFirstLineIndent"/>): a right-aligned "資料12" is
    /// not wrapped into the heading under it merely because it reaches the right edge.
    /// </summary>
    public static StyledText Join(IReadOnlyList<TextLine> lines, double rightLimit) => Join(lines, rightLimit, out _);

    /// <summary>As <see cref="Join(IReadOnlyList{TextLine}, double)"/>; <paramref name="open"/> tells whether the last line reaches the limit (the text may go on elsewhere, e.g. on the next page).</summary>
    public static StyledText Join(IReadOnlyList<TextLine> lines, double rightLimit, out bool open)
    {
        open = lines.Count > 0 && lines[^1].Right >= rightLimit - 2.1 * lines[^1].Size;
        var text = new StyledTextBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (i > 0)
            {
                var previous = lines[i - 1];
                var wrapped = previous.Right + line.FirstWordWidth >= rightLimit - 1.1 * line.Size
                              && line.Top > previous.Bottom - 1.2 * line.Size
                              && previous.Left <= line.Left + MaxFirstLineIndent * line.Size
                              && !ListMarker().IsMatch(line.Text.Text);
                if (!wrapped)
                    text.Append("\n");
                else if (previous.EndsWithSpace || NeedsSpace(previous.Text.Text, line.Text.Text) || TrailingItemNumber().IsMatch(previous.Text.Text))
                    text.Append(" ", line.Glyphs[0].Style & previous.Glyphs[^1].Style);
            }
            text.Append(line.Text);
        }
        return text.Build();
    }

    private static bool NeedsSpace(string before, string after) =>
        before.Length > 0 && after.Length > 0 && !Script.IsCjk(before[^1]) && !Script.IsCjk(after[0])
        && before[^1] != '-' && before[^1] != ' ';

    /// <summary>
    /// A line that ends with an item number ("…させる。 3") was wrapped right after it; forms always put a space between
    /// an item number and its text, and producers do not draw a space that hangs past the margin.
    /// </summary>
    [GeneratedRegex(@"(^|[\s。．])[0-9０-９]{1,2}$", RegexOptions.NonBacktracking)]
    private static partial Regex TrailingItemNumber();

    /// <summary>Openings that start an item: ※, bullets, ①, (1), 1., １　, 【heading】.</summary>
    [GeneratedRegex(@"^\s*([※・●○◯◇◆■□▪\-–【]|[①-⑳]|[（(]\s*[0-9０-９一二三四五六七八九十]+\s*[)）]|[0-9０-９]+\s*[.．、)]|[0-9０-９]+[ 　])", RegexOptions.NonBacktracking)]
    private static partial Regex ListMarker();
}
