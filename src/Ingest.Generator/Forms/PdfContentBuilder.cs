using System.Globalization;
using System.Text;

namespace Ingest.Generator.Forms;

/// <summary>One page's content stream: text lines placed by their baseline start and stroked black lines, in drawing order.</summary>
internal sealed class PdfContentBuilder(PdfGlyphEncoder encoder)
{
    /// <summary>Stroke width of rules and underlines, in points (Word's ½ pt border).</summary>
    public const double RuleWidth = 0.5;

    private readonly StringBuilder _operators = new(FormattableString.Invariant($"0 G 0 g {RuleWidth} w 0 J 0 j\n"));

    /// <summary>True until something is drawn.</summary>
    public bool IsEmpty { get; private set; } = true;

    /// <summary>Outline stroke of bold text, in ems: the font has no bold face, so bold letters are filled and stroked.</summary>
    private const double BoldStroke = 0.03;

    /// <summary>
    /// Draws a line of text with its baseline starting at (<paramref name="x"/>, <paramref name="y"/>) in font resource
    /// <paramref name="font"/>; in the bold font the letters are also stroked (rendering mode 2), as word processors
    /// embolden a font without a bold face.
    /// </summary>
    public void Text(double x, double y, string font, double size, string text)
    {
        if (text.Length == 0)
            return;
        var bold = font == PdfFileAssembler.Bold;
        if (bold)
            _operators.Append("q ").Append(Number(BoldStroke * size)).Append(" w ");
        _operators.Append("BT /").Append(font).Append(' ').Append(Number(size)).Append(" Tf ").Append(bold ? "2 Tr " : string.Empty)
            .Append(Number(x)).Append(' ').Append(Number(y)).Append(" Td <").Append(encoder.Encode(text)).Append("> Tj ET").Append(bold ? " Q" : string.Empty).Append('\n');
        IsEmpty = false;
    }

    /// <summary>Strokes a straight line.</summary>
    public void Line(double x1, double y1, double x2, double y2)
    {
        _operators.Append(Number(x1)).Append(' ').Append(Number(y1)).Append(" m ")
            .Append(Number(x2)).Append(' ').Append(Number(y2)).Append(" l S\n");
        IsEmpty = false;
    }

    /// <summary>The content stream's bytes (ASCII).</summary>
    public byte[] ToBytes() => Encoding.ASCII.GetBytes(_operators.ToString());

    /// <summary>A number as PDF writes it: invariant, at most two decimals (a hundredth of a point is finer than any reader snaps).</summary>
    public static string Number(double value)
    {
        var rounded = Math.Round(value, 2);
        return (rounded == 0 ? 0 : rounded).ToString("0.##", CultureInfo.InvariantCulture);
    }
}
