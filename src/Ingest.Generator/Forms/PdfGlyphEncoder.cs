using System.Globalization;
using System.Text;

namespace Ingest.Generator.Forms;

/// <summary>
/// Turns text into the two-byte codes of an <c>Identity-H</c> font whose embedded subset holds one glyph per letter:
/// each distinct letter gets the next CID (from 1; 0 is .notdef) in order of first use, and CID = glyph index in the
/// subset (<c>/CIDToGIDMap /Identity</c>). The <c>/ToUnicode</c> map names the letter of every CID. One encoder serves
/// one document, so the same text gives the same codes.
/// </summary>
internal sealed class PdfGlyphEncoder
{
    /// <summary>Most distinct letters one document may use: CIDs are two bytes, and 0 is .notdef.</summary>
    public const int MaxLetters = 0xFFFE;

    private readonly Dictionary<int, int> _cidOf = [];
    private readonly List<int> _letters = [];

    /// <summary>The letters in CID order: the code point of CID i is at index i − 1.</summary>
    public IReadOnlyList<int> Letters => _letters;

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
        if (_cidOf.TryGetValue(rune.Value, out var cid))
            return cid;
        if (_letters.Count == MaxLetters)
            throw new ArgumentException($"more than {MaxLetters} distinct letters in one document (U+{rune.Value:X} is one too many)");
        _letters.Add(rune.Value);
        cid = _letters.Count;
        _cidOf[rune.Value] = cid;
        return cid;
    }
}
