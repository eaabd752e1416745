using DocumentFormat.OpenXml.Spreadsheet;
using Ingest.Core.Layout;

namespace Ingest.Readers.Xlsx;

/// <summary>What a cell's style index (<c>s</c>, into <c>cellXfs</c>) says about its text: bold/underline, a border, the number format.</summary>
internal sealed record CellLook(TextStyle Style, bool Bordered, string NumberFormat)
{
    public static readonly CellLook Plain = new(TextStyle.None, false, "General");
}

/// <summary>The workbook's cell formats resolved once: fonts, borders and number formats by style index.</summary>
internal sealed class XlsxStyles
{
    private readonly CellLook[] _looks;

    public XlsxStyles(Stylesheet? stylesheet)
    {
        if (stylesheet?.CellFormats is not { } formats)
        {
            _looks = [];
            return;
        }
        var fonts = stylesheet.Fonts?.Elements<Font>().Select(FontStyle).ToArray() ?? [];
        var borders = stylesheet.Borders?.Elements<Border>().Select(HasBorder).ToArray() ?? [];
        var custom = new Dictionary<uint, string>();
        foreach (var format in stylesheet.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && format.FormatCode?.Value is { } code)
                custom[id] = code;
        }
        _looks = formats.Elements<CellFormat>().Select(f =>
        {
            var font = f.FontId?.Value is { } fontId && fontId < fonts.Length ? fonts[fontId] : TextStyle.None;
            var border = f.BorderId?.Value is { } borderId && borderId < borders.Length && borders[borderId];
            var numberId = f.NumberFormatId?.Value ?? 0;
            var code = custom.TryGetValue(numberId, out var own) ? own : CellNumberFormat.BuiltInCode(numberId);
            return new CellLook(font, border, code);
        }).ToArray();
    }

    /// <summary>The look of style index <paramref name="index"/>; the plain look for a missing or unknown one.</summary>
    public CellLook Look(uint? index) => (index ?? 0) is var i && i < _looks.Length ? _looks[i] : CellLook.Plain;

    public static TextStyle FontStyle(Font font) =>
        (OnOff(font.Bold) ? TextStyle.Bold : TextStyle.None) | (Underlined(font.Underline) ? TextStyle.Underline : TextStyle.None);

    /// <summary>The style a rich-text run's properties give; a run without properties has the cell's font.</summary>
    public static TextStyle RunStyle(RunProperties? properties, TextStyle cellStyle)
    {
        if (properties is null)
            return cellStyle;
        var bold = properties.GetFirstChild<Bold>();
        var underline = properties.GetFirstChild<Underline>();
        return (OnOff(bold) ? TextStyle.Bold : TextStyle.None) | (Underlined(underline) ? TextStyle.Underline : TextStyle.None);
    }

    private static bool OnOff(Bold? bold) => bold is not null && (bold.Val?.Value ?? true);

    private static bool Underlined(Underline? underline) =>
        underline is not null && (underline.Val is null || underline.Val.Value != UnderlineValues.None);

    /// <summary>A border is drawn when any side has a line style other than none (diagonals do not edge a table).</summary>
    private static bool HasBorder(Border border) =>
        Drawn(border.LeftBorder) || Drawn(border.RightBorder) || Drawn(border.TopBorder) || Drawn(border.BottomBorder);

    private static bool Drawn(BorderPropertiesType? side) =>
        side?.Style?.Value is { } style && style != BorderStyleValues.None;
}
