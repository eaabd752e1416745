using DocumentFormat.OpenXml.Wordprocessing;
using Ingest.Core.Layout;

namespace Ingest.Readers.Docx;

/// <summary>
/// Resolves whether a run is bold or underlined: direct run properties first, then the run's character style, then the
/// paragraph style, then the document defaults, each style followed up its basedOn chain (ECMA-376 part 1, 17.7.2).
/// <c>w:b w:val="0"</c> and <c>w:u w:val="none"</c> switch the property off at whatever level they appear.
/// </summary>
internal sealed class DocxStyleResolver
{
    private readonly Dictionary<string, Style> _styles;
    private readonly RunPropertiesBaseStyle? _defaults;
    private readonly string? _defaultParagraphStyle;
    private readonly int _maxChain;

    public DocxStyleResolver(Styles? styles, int maxChain)
    {
        _maxChain = maxChain;
        _styles = new Dictionary<string, Style>(StringComparer.Ordinal);
        if (styles is null)
            return;
        foreach (var style in styles.Elements<Style>())
        {
            if (style.StyleId?.Value is { } id)
                _styles.TryAdd(id, style);
        }
        _defaults = styles.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle;
        _defaultParagraphStyle = _styles.Values.FirstOrDefault(s => s.Type?.Value == StyleValues.Paragraph && s.Default?.Value == true)?.StyleId?.Value;
    }

    /// <summary>The heading level (1–6) a paragraph style or outline level gives, 0 when none.</summary>
    public int HeadingLevel(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        if (properties?.OutlineLevel?.Val?.Value is int direct && direct < 9)
            return Math.Min(6, direct + 1);
        foreach (var style in Chain(properties?.ParagraphStyleId?.Val?.Value))
        {
            if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is int level && level < 9)
                return Math.Min(6, level + 1);
            var name = style.StyleName?.Val?.Value ?? string.Empty;
            if (name.StartsWith("heading ", StringComparison.OrdinalIgnoreCase) && int.TryParse(name.AsSpan(8), out var n) && n is >= 1 and <= 9)
                return Math.Min(6, n);
        }
        return 0;
    }

    public TextStyle Resolve(Run run, Paragraph? paragraph)
    {
        var direct = run.RunProperties;
        var bold = OnOff(direct?.Bold);
        var underline = Underlined(direct?.Underline);
        // A paragraph that names no style has the default paragraph style.
        var paragraphStyle = paragraph?.ParagraphProperties?.ParagraphStyleId is { } named ? named.Val?.Value : _defaultParagraphStyle;
        foreach (var style in Chain(direct?.RunStyle?.Val?.Value).Concat(Chain(paragraphStyle)))
        {
            bold ??= OnOff(style.StyleRunProperties?.Bold);
            underline ??= Underlined(style.StyleRunProperties?.Underline);
        }
        bold ??= OnOff(_defaults?.Bold);
        underline ??= Underlined(_defaults?.Underline);
        return (bold == true ? TextStyle.Bold : TextStyle.None) | (underline == true ? TextStyle.Underline : TextStyle.None);
    }

    private IEnumerable<Style> Chain(string? styleId)
    {
        for (var depth = 0; styleId is not null && depth < _maxChain; depth++)
        {
            if (!_styles.TryGetValue(styleId, out var style))
                yield break;
            yield return style;
            styleId = style.BasedOn?.Val?.Value;
        }
    }

    private static bool? OnOff(OnOffType? value) => value is null ? null : value.Val?.Value ?? true;

    private static bool? Underlined(Underline? underline) =>
        underline is null ? null : underline.Val is null || underline.Val.Value != UnderlineValues.None;
}
