using System.Text;
using Ingest.Core.Normalisation;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;
using UglyToad.PdfPig.Fonts.TrueType.Tables;
using UglyToad.PdfPig.Tokens;

namespace Ingest.Readers.Pdf;

/// <summary>
/// Turns radical code points in a PDF's text (⼾籍, 住⺠: a browser's PDF writer names the lowest code point a font maps
/// to a glyph, and Japanese fonts map the Kangxi radicals to the glyphs of ordinary kanji) back into the ideograph the
/// page shows. The answer comes from the embedded font's own cmap when it has one — the unified ideograph it maps to the
/// same glyph as the radical — and otherwise from <see cref="RadicalForms.JapaneseForm"/> (Unicode's equivalent, with the
/// documented Japanese preferences: ⼾ → 戸, not NFKC's 戶). One instance per document; not thread-safe.
/// </summary>
internal sealed class JapaneseGlyphForms(Structure structure)
{
    /// <summary>Embedded font programs larger than this are not parsed for their cmap (CJK fonts are a few megabytes whole).</summary>
    private const int MaxFontProgramBytes = 32 * 1024 * 1024;

    /// <summary>Parent /Pages nodes climbed for inherited resources, and form XObjects opened for theirs (one level).</summary>
    private const int MaxResourceDepth = 16;

    /// <summary>Unified ideograph ranges searched for the glyph a radical shares: CJK Unified Ideographs and Extension A.</summary>
    private static readonly (int First, int Last)[] IdeographRanges = [(0x4E00, 0x9FFF), (0x3400, 0x4DBF)];

    private readonly Dictionary<string, CMapTable?> _cmaps = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Font, int Radical), int?> _answers = new();

    /// <summary>
    /// <paramref name="value"/> with each radical replaced by the ideograph the font <paramref name="fontName"/> draws for
    /// it; <paramref name="value"/> itself when it holds no radical (the common case, answered without any lookup).
    /// </summary>
    public string Resolve(string value, string? fontName, Page page)
    {
        if (!RadicalForms.ContainsRadical(value))
            return value;
        var text = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            if (RadicalForms.IsRadical(rune.Value) && Ideograph(rune.Value, fontName ?? string.Empty, page) is { } ideograph)
                text.Append(char.ConvertFromUtf32(ideograph));
            else
                text.Append(rune.ToString());
        }
        return text.ToString();
    }

    private int? Ideograph(int radical, string fontName, Page page)
    {
        if (_answers.TryGetValue((fontName, radical), out var known))
            return known;
        var answer = FromFontCmap(radical, GlyphLookup(FontCmap(fontName, page))) ?? RadicalForms.JapaneseForm(radical);
        _answers[(fontName, radical)] = answer;
        return answer;
    }

    /// <summary>
    /// The unified ideograph the font maps to the radical's glyph: the preferred candidates first, then any;
    /// <paramref name="glyphOf"/> is the font's cmap (code point → glyph index, 0 for none); null when the font has none.
    /// </summary>
    internal static int? FromFontCmap(int radical, Func<int, int>? glyphOf)
    {
        if (glyphOf is null || glyphOf(radical) is var glyph && glyph == 0)
            return null;
        foreach (var candidate in RadicalForms.Candidates(radical))
        {
            if (glyphOf(candidate) == glyph)
                return candidate;
        }
        foreach (var (first, last) in IdeographRanges)
        {
            for (var c = first; c <= last; c++)
            {
                if (glyphOf(c) == glyph)
                    return c;
            }
        }
        return null;
    }

    private static Func<int, int>? GlyphLookup(CMapTable? cmap) =>
        cmap is null ? null : c => cmap.TryGetGlyphIndex(c, out var g) ? g : 0;

    /// <summary>The cmap of the embedded program of the font named <paramref name="fontName"/> on <paramref name="page"/>; null when it has none.</summary>
    internal CMapTable? FontCmap(string fontName, Page page)
    {
        if (_cmaps.TryGetValue(fontName, out var cached))
            return cached;
        CMapTable? cmap = null;
        try
        {
            if (FindFont(fontName, page) is { } font && EmbeddedProgram(font) is { } program)
                cmap = TrueTypeFontParser.Parse(new TrueTypeDataBytes(program)).TableRegister.CMapTable;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            cmap = null; // a damaged or unsupported font program: the documented table answers instead
        }
        _cmaps[fontName] = cmap;
        return cmap;
    }

    /// <summary>The font dictionary named <paramref name="baseFont"/> in the page's resources (inherited ones and those of its form XObjects included).</summary>
    private DictionaryToken? FindFont(string baseFont, Page page)
    {
        var node = page.Dictionary;
        for (var depth = 0; node is not null && depth < MaxResourceDepth; depth++)
        {
            if (Resolve<DictionaryToken>(node, NameToken.Resources) is { } resources)
            {
                if (FontIn(resources, baseFont) is { } font)
                    return font;
                if (Resolve<DictionaryToken>(resources, NameToken.Xobject) is { } xobjects)
                {
                    foreach (var entry in xobjects.Data.Values.Take(MaxResourceDepth * 16))
                    {
                        if (Resolve(entry) is StreamToken form && Resolve<DictionaryToken>(form.StreamDictionary, NameToken.Resources) is { } inner
                            && FontIn(inner, baseFont) is { } innerFont)
                            return innerFont;
                    }
                }
            }
            node = Resolve<DictionaryToken>(node, NameToken.Parent);
        }
        return null;
    }

    private DictionaryToken? FontIn(DictionaryToken resources, string baseFont)
    {
        if (Resolve<DictionaryToken>(resources, NameToken.Font) is not { } fonts)
            return null;
        foreach (var entry in fonts.Data.Values)
        {
            if (Resolve(entry) is DictionaryToken font && Resolve(font.Data.GetValueOrDefault(NameToken.BaseFont.Data)) is NameToken name && name.Data == baseFont)
                return font;
        }
        return null;
    }

    /// <summary>The font's embedded TrueType or OpenType program (a composite font's is in its descendant), decoded.</summary>
    private byte[]? EmbeddedProgram(DictionaryToken font)
    {
        if (Resolve<ArrayToken>(font, NameToken.DescendantFonts) is { } descendants && descendants.Data.Count > 0 && Resolve(descendants.Data[0]) is DictionaryToken descendant)
            font = descendant;
        if (Resolve<DictionaryToken>(font, NameToken.FontDescriptor) is not { } descriptor)
            return null;
        var file = Resolve<StreamToken>(descriptor, NameToken.FontFile2) ?? Resolve<StreamToken>(descriptor, NameToken.FontFile3);
        if (file is null || file.Data.Length > MaxFontProgramBytes)
            return null;
        var program = file.Decode(structure.FilterProvider, structure.TokenScanner);
        return program.Length is > 0 and <= MaxFontProgramBytes ? program.ToArray() : null;
    }

    private T? Resolve<T>(DictionaryToken dictionary, NameToken key) where T : class, IToken =>
        dictionary.Data.TryGetValue(key.Data, out var token) ? Resolve(token) as T : null;

    private IToken? Resolve(IToken? token)
    {
        for (var hops = 0; token is IndirectReferenceToken reference && hops < MaxResourceDepth; hops++)
            token = structure.GetObject(reference.Data)?.Data;
        return token;
    }
}
