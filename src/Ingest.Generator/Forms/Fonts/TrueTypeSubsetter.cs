using System.Buffers.Binary;

namespace Ingest.Generator.Forms.Fonts;

/// <summary>
/// Writes a TrueType font holding only the glyphs a document draws, renumbered: glyph 0 is .notdef and glyph i is the
/// i-th letter given, so a PDF CIDFontType2 can use <c>/CIDToGIDMap /Identity</c> with CID = glyph. Composite glyphs
/// bring their components (placed after the letters). The tables are those ISO 32000-1 §9.9 asks of an embedded
/// TrueType program (head, hhea, loca, maxp, glyf, hmtx, and cvt, fpgm, prep when the font has them) plus cmap and a
/// format 3 post; table order, padding and checksums follow the OpenType specification. The same letters give the same bytes.
/// </summary>
internal static class TrueTypeSubsetter
{
    private const int MoreComponents = 0x0020, ArgsAreWords = 0x0001, HasScale = 0x0008, HasXYScale = 0x0040, HasTwoByTwo = 0x0080;

    /// <summary>The subset font for <paramref name="codePoints"/> (glyph i + 1 draws code point i; a letter the font lacks gets an empty glyph).</summary>
    public static byte[] Subset(TrueTypeFont font, IReadOnlyList<int> codePoints)
    {
        var oldGlyphs = new List<int> { 0 };
        oldGlyphs.AddRange(codePoints.Select(font.GlyphOf));
        var newOf = new Dictionary<int, int>();
        for (var i = oldGlyphs.Count - 1; i >= 0; i--)
            newOf[oldGlyphs[i]] = i; // a glyph drawn for two letters: components point at its first place
        for (var i = 0; i < oldGlyphs.Count; i++)
        {
            foreach (var component in Components(font.GlyphData(oldGlyphs[i])))
            {
                if (newOf.TryAdd(component, oldGlyphs.Count))
                    oldGlyphs.Add(component);
            }
        }

        var glyf = new MemoryStream();
        var loca = new List<int>();
        var hmtx = new byte[4 * oldGlyphs.Count];
        for (var i = 0; i < oldGlyphs.Count; i++)
        {
            // A letter the font lacks (glyph 0) gets an empty glyph of its own slot; only slot 0 carries the .notdef box.
            var data = i > 0 && oldGlyphs[i] == 0 ? [] : font.GlyphData(oldGlyphs[i]).ToArray();
            RenumberComponents(data, newOf);
            loca.Add((int)glyf.Length);
            glyf.Write(data);
            while (glyf.Length % 4 != 0)
                glyf.WriteByte(0);
            BinaryPrimitives.WriteUInt16BigEndian(hmtx.AsSpan(4 * i), (ushort)font.Advance(oldGlyphs[i]));
            BinaryPrimitives.WriteInt16BigEndian(hmtx.AsSpan(4 * i + 2), data.Length >= 10 ? BinaryPrimitives.ReadInt16BigEndian(data.AsSpan(2)) : (short)0);
        }
        loca.Add((int)glyf.Length);

        var head = font.TableBytes("head").ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0); // checkSumAdjustment, set once the file is whole
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1); // long loca offsets
        var hhea = font.TableBytes("hhea").ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(hhea.AsSpan(34), (ushort)oldGlyphs.Count);
        var maxp = font.TableBytes("maxp").ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(maxp.AsSpan(4), (ushort)oldGlyphs.Count);
        var locaBytes = new byte[4 * loca.Count];
        for (var i = 0; i < loca.Count; i++)
            BinaryPrimitives.WriteUInt32BigEndian(locaBytes.AsSpan(4 * i), (uint)loca[i]);

        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["cmap"] = Cmap(codePoints),
            ["glyf"] = glyf.ToArray(),
            ["head"] = head,
            ["hhea"] = hhea,
            ["hmtx"] = hmtx,
            ["loca"] = locaBytes,
            ["maxp"] = maxp,
            ["post"] = Post(font.TableBytes("post")),
        };
        foreach (var hinting in new[] { "cvt ", "fpgm", "prep" })
        {
            if (font.TableBytes(hinting).Length > 0)
                tables[hinting] = font.TableBytes(hinting).ToArray();
        }
        return Assemble(tables);
    }

    /// <summary>The glyph indices a composite glyph's components name (none for a simple glyph).</summary>
    private static IEnumerable<int> Components(ReadOnlySpan<byte> glyph)
    {
        var components = new List<int>();
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0)
            return components;
        for (var at = 10; at + 4 <= glyph.Length;)
        {
            var flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[at..]);
            components.Add(BinaryPrimitives.ReadUInt16BigEndian(glyph[(at + 2)..]));
            at += ComponentLength(flags);
            if ((flags & MoreComponents) == 0)
                break;
        }
        return components;
    }

    private static void RenumberComponents(byte[] glyph, Dictionary<int, int> newOf)
    {
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0)
            return;
        for (var at = 10; at + 4 <= glyph.Length;)
        {
            var flags = BinaryPrimitives.ReadUInt16BigEndian(glyph.AsSpan(at));
            var old = BinaryPrimitives.ReadUInt16BigEndian(glyph.AsSpan(at + 2));
            BinaryPrimitives.WriteUInt16BigEndian(glyph.AsSpan(at + 2), (ushort)newOf.GetValueOrDefault(old));
            at += ComponentLength(flags);
            if ((flags & MoreComponents) == 0)
                break;
        }
    }

    /// <summary>Bytes of one component record: flags, glyph index, the two arguments and the optional transform.</summary>
    private static int ComponentLength(int flags) =>
        4 + ((flags & ArgsAreWords) != 0 ? 4 : 2)
          + ((flags & HasScale) != 0 ? 2 : (flags & HasXYScale) != 0 ? 4 : (flags & HasTwoByTwo) != 0 ? 8 : 0);

    /// <summary>A cmap with a Windows Unicode format 12 subtable: code point i → glyph i + 1 (duplicates keep their first glyph).</summary>
    private static byte[] Cmap(IReadOnlyList<int> codePoints)
    {
        var pairs = codePoints.Select((c, i) => (Code: c, Glyph: i + 1)).GroupBy(p => p.Code).Select(g => g.First()).OrderBy(p => p.Code).ToArray();
        var table = new byte[4 + 8 + 16 + 12 * pairs.Length];
        var span = table.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], 1); // one subtable
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], 3); // Windows
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], 10); // Unicode full repertoire
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], 12);
        var sub = span[12..];
        BinaryPrimitives.WriteUInt16BigEndian(sub, 12);
        BinaryPrimitives.WriteUInt32BigEndian(sub[4..], (uint)(16 + 12 * pairs.Length));
        BinaryPrimitives.WriteUInt32BigEndian(sub[12..], (uint)pairs.Length);
        for (var i = 0; i < pairs.Length; i++)
        {
            var group = sub[(16 + 12 * i)..];
            BinaryPrimitives.WriteUInt32BigEndian(group, (uint)pairs[i].Code);
            BinaryPrimitives.WriteUInt32BigEndian(group[4..], (uint)pairs[i].Code);
            BinaryPrimitives.WriteUInt32BigEndian(group[8..], (uint)pairs[i].Glyph);
        }
        return table;
    }

    /// <summary>A format 3 post table (no glyph names) keeping the original's italic angle, underline and pitch fields.</summary>
    private static byte[] Post(ReadOnlySpan<byte> original)
    {
        var post = new byte[32];
        if (original.Length >= 32)
            original[..32].CopyTo(post);
        BinaryPrimitives.WriteUInt32BigEndian(post, 0x00030000);
        return post;
    }

    /// <summary>The font file: offset table, table records in tag order, then the tables, each padded to four bytes.</summary>
    private static byte[] Assemble(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var power = 1;
        var log = 0;
        while (power * 2 <= count)
            (power, log) = (power * 2, log + 1);
        var header = 12 + 16 * count;
        var size = header + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var file = new byte[size];
        var span = file.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)(count * 16 - power * 16));
        var offset = header;
        var record = 12;
        var headOffset = 0;
        foreach (var (tag, data) in tables)
        {
            System.Text.Encoding.ASCII.GetBytes(tag, span[record..]);
            BinaryPrimitives.WriteUInt32BigEndian(span[(record + 4)..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(span[(record + 8)..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(span[(record + 12)..], (uint)data.Length);
            data.CopyTo(span[offset..]);
            if (tag == "head")
                headOffset = offset;
            offset += (data.Length + 3) & ~3;
            record += 16;
        }
        BinaryPrimitives.WriteUInt32BigEndian(span[(headOffset + 8)..], 0xB1B0AFBA - Checksum(file));
        return file;
    }

    /// <summary>The OpenType table checksum: the sum of big-endian 32-bit words, the last one zero-padded.</summary>
    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        Span<byte> word = stackalloc byte[4];
        for (var i = 0; i < data.Length; i += 4)
        {
            word.Clear();
            data.Slice(i, Math.Min(4, data.Length - i)).CopyTo(word);
            sum += BinaryPrimitives.ReadUInt32BigEndian(word);
        }
        return sum;
    }
}
