using System.Globalization;
using System.Text;

namespace Ingest.Generator.Forms;

/// <summary>
/// Turns text into the two-byte codes of an <c>Identity-H</c> font, where code = CID. A letter of the Basic
/// Multilingual Plane is its own UTF-16 code unit; a letter beyond it (CJK extension B and later) gets one of the CIDs
/// D800–DFFF, which no BMP letter uses (they are surrogate code units), in order of first use — the
/// <c>/ToUnicode</c> map then names the pair it stands for. One encoder serves one document.
/// </summary>
internal sealed class PdfGlyphEncoder
{
    /// <summary>The first of the CIDs lent to letters beyond the BMP.</summary>
    private const int FirstSupplementaryCid = 0xD800;

    /// <summary>How many letters beyond the BMP one document may use (the CIDs D800–DFFF).</summary>
    public const int MaxSupplementary = 0x800;

    private readonly Dictionary<int, int> _cidOf = [];
    private readonly List<Rune> _supplementary = [];

    /// <summary>Letters beyond the BMP with their CIDs, in order of first use.</summary>
    public IEnumerable<(int Cid, Rune Rune)> Supplementary => _supplementary.Select((r, i) => (FirstSupplementaryCid + i, r));

    /// <summary>The text's codes as hexadecimal digits, four per letter, for a <c>&lt;…&gt; Tj</c> string.</summary>
    public string Encode(string text)
    {
        var hex = new StringBuilder(text.Length * 4);
        foreach (var rune in text.EnumerateRunes())
            hex.Append(Cid(rune).ToString("X4", CultureInfo.InvariantCulture));
        return hex.ToString();
    }

    private int Cid(Rune rune)
    {
        if (rune.IsBmp)
            return rune.Value;
        if (_cidOf.TryGetValue(rune.Value, out var cid))
            return cid;
        if (_supplementary.Count == MaxSupplementary)
            throw new ArgumentException($"more than {MaxSupplementary} distinct letters beyond the Basic Multilingual Plane in one document (U+{rune.Value:X} is one too many)");
        cid = FirstSupplementaryCid + _supplementary.Count;
        _supplementary.Add(rune);
        _cidOf[rune.Value] = cid;
        return cid;
    }
}
