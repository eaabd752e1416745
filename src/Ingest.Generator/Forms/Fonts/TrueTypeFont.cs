using System.Buffers.Binary;

namespace Ingest.Generator.Forms.Fonts;

/// <summary>
/// The parts of a TrueType font (glyf outlines) a PDF writer needs, read from the tables the OpenType specification
/// defines (https://learn.microsoft.com/typography/opentype/spec/): the Unicode cmap (formats 4 and 12), advance widths
/// (hmtx), glyph data (loca, glyf) and the hinting tables. Immutable once read; thread-safe.
/// </summary>
internal sealed class TrueTypeFont
{
    private readonly byte[] _data;
    private readonly Dictionary<string, (int Offset, int Length)> _tables;
    private readonly Dictionary<int, int> _cmap;
    private readonly int[] _advances;
    private readonly int[] _glyphOffsets;

    private TrueTypeFont(byte[] data)
    {
        _data = data;
        var count = U16(4);
        _tables = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = 12 + 16 * i;
            var tag = System.Text.Encoding.ASCII.GetString(data, record, 4);
            _tables[tag] = ((int)U32(record + 8), (int)U32(record + 12));
        }
        foreach (var required in new[] { "head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap" })
        {
            if (!_tables.ContainsKey(required))
                throw new InvalidDataException($"TrueType font has no '{required}' table");
        }
        UnitsPerEm = U16(Table("head") + 18);
        GlyphCount = U16(Table("maxp") + 4);
        _glyphOffsets = ReadLoca(U16(Table("head") + 50) == 1);
        _advances = ReadAdvances(U16(Table("hhea") + 34));
        _cmap = ReadCmap();
    }

    /// <summary>Reads a font file's bytes (kept, not copied).</summary>
    public static TrueTypeFont Read(byte[] data) => new(data);

    public int UnitsPerEm { get; }

    public int GlyphCount { get; }

    /// <summary>The glyph a code point is drawn with; 0 (.notdef) when the font has none.</summary>
    public int GlyphOf(int codePoint) => _cmap.GetValueOrDefault(codePoint);

    /// <summary>Advance width of a glyph in font units.</summary>
    public int Advance(int glyph) => _advances[Math.Clamp(glyph, 0, _advances.Length - 1)];

    /// <summary>The raw bytes of a table, or an empty span when the font has none.</summary>
    public ReadOnlySpan<byte> TableBytes(string tag) =>
        _tables.TryGetValue(tag, out var t) ? _data.AsSpan(t.Offset, t.Length) : ReadOnlySpan<byte>.Empty;

    /// <summary>A glyph's outline data as stored in glyf (empty for a glyph without contours).</summary>
    public ReadOnlySpan<byte> GlyphData(int glyph) =>
        glyph < 0 || glyph >= GlyphCount ? ReadOnlySpan<byte>.Empty
            : _data.AsSpan(Table("glyf") + _glyphOffsets[glyph], _glyphOffsets[glyph + 1] - _glyphOffsets[glyph]);

    private int Table(string tag) => _tables[tag].Offset;

    private int[] ReadLoca(bool longOffsets)
    {
        var loca = Table("loca");
        var offsets = new int[GlyphCount + 1];
        for (var i = 0; i <= GlyphCount; i++)
            offsets[i] = longOffsets ? (int)U32(loca + 4 * i) : 2 * U16(loca + 2 * i);
        return offsets;
    }

    /// <summary>hmtx: one (advance, left side bearing) pair per metric; glyphs past the last pair repeat its advance.</summary>
    private int[] ReadAdvances(int metrics)
    {
        var hmtx = Table("hmtx");
        var advances = new int[GlyphCount];
        for (var i = 0; i < GlyphCount; i++)
            advances[i] = U16(hmtx + 4 * Math.Min(i, metrics - 1));
        return advances;
    }

    /// <summary>The Windows Unicode cmap: format 12 (full repertoire) when present, else format 4 (BMP).</summary>
    private Dictionary<int, int> ReadCmap()
    {
        var cmap = Table("cmap");
        int? format4 = null, format12 = null;
        for (var i = 0; i < U16(cmap + 2); i++)
        {
            var record = cmap + 4 + 8 * i;
            var (platform, encoding, offset) = (U16(record), U16(record + 2), cmap + (int)U32(record + 4));
            if (platform != 3 && platform != 0)
                continue;
            var format = U16(offset);
            if (format == 12 && (platform == 0 || encoding == 10))
                format12 = offset;
            else if (format == 4 && (platform == 0 || encoding == 1))
                format4 ??= offset;
        }
        var map = new Dictionary<int, int>();
        if (format12 is { } o12)
        {
            for (var g = 0; g < (int)U32(o12 + 12); g++)
            {
                var group = o12 + 16 + 12 * g;
                var (start, end, glyph) = ((int)U32(group), (int)U32(group + 4), (int)U32(group + 8));
                for (var c = start; c <= end; c++)
                    map[c] = glyph + c - start;
            }
        }
        else if (format4 is { } o4)
        {
            var segments = U16(o4 + 6) / 2;
            var ends = o4 + 14;
            var starts = ends + 2 * segments + 2;
            var deltas = starts + 2 * segments;
            var rangeOffsets = deltas + 2 * segments;
            for (var s = 0; s < segments; s++)
            {
                var (start, end, delta, rangeOffset) = (U16(starts + 2 * s), U16(ends + 2 * s), (short)U16(deltas + 2 * s), U16(rangeOffsets + 2 * s));
                for (var c = start; c <= end && c != 0xFFFF; c++)
                {
                    var glyph = rangeOffset == 0 ? (c + delta) & 0xFFFF : U16(rangeOffsets + 2 * s + rangeOffset + 2 * (c - start));
                    if (rangeOffset != 0 && glyph != 0)
                        glyph = (glyph + delta) & 0xFFFF;
                    if (glyph != 0)
                        map[c] = glyph;
                }
            }
        }
        return map;
    }

    private int U16(int offset) => BinaryPrimitives.ReadUInt16BigEndian(_data.AsSpan(offset, 2));

    private uint U32(int offset) => BinaryPrimitives.ReadUInt32BigEndian(_data.AsSpan(offset, 4));
}
