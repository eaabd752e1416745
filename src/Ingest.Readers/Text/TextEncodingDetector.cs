using System.Text;

namespace Ingest.Readers.Text;

/// <summary>
/// Finds the encoding of a Japanese text dump: BOMs first, then strict UTF-8, then UTF-16 without BOM
/// (by the pattern of zero bytes), then whichever of Shift_JIS (CP932) and EUC-JP decodes without errors
/// and yields more kana — kana are the most frequent characters of Japanese prose and neither legacy
/// encoding produces them by accident from the other's bytes.
/// </summary>
public static class TextEncodingDetector
{
    static TextEncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>An encoding that was detected, with the number of BOM bytes to skip.</summary>
    public sealed record Detection(Encoding Encoding, string Name, int BomLength);

    /// <summary>The encoding a byte-order mark at the start of <paramref name="bytes"/> claims, or null when there is none.</summary>
    public static Detection? ByteOrderMark(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return new(new UTF8Encoding(false, true), "utf-8", 3);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return new(new UnicodeEncoding(false, false, true), "utf-16le", 2);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return new(new UnicodeEncoding(true, false, true), "utf-16be", 2);
        return null;
    }

    /// <summary>
    /// Returns the detected encoding, or null when the bytes are not text in any supported encoding. A byte-order mark
    /// is believed only when everything after it decodes in the encoding it names: a mark followed by bytes that are not
    /// that encoding (UTF-8's FF, half a UTF-16 code unit, a lone surrogate) is damaged or hostile, and null.
    /// </summary>
    public static Detection? Detect(ReadOnlySpan<byte> bytes)
    {
        if (ByteOrderMark(bytes) is { } marked)
            return DecodesCleanly(marked.Encoding, bytes[marked.BomLength..]) ? marked : null;

        if (DecodesCleanly(new UTF8Encoding(false, true), bytes))
            return bytes.Contains((byte)0) ? null : new(new UTF8Encoding(false, true), "utf-8", 0);

        var utf16 = GuessUtf16WithoutBom(bytes);
        if (utf16 is not null)
            return utf16;

        if (bytes.Contains((byte)0))
            return null;

        Detection? best = null;
        var bestKana = -1;
        foreach (var (codePage, name) in new[] { (932, "shift_jis"), (51932, "euc-jp") })
        {
            var encoding = Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            if (!DecodesCleanly(encoding, bytes))
                continue;
            var kana = CountKana(encoding.GetString(bytes));
            if (kana > bestKana)
            {
                bestKana = kana;
                best = new(encoding, name, 0);
            }
        }
        return best;
    }

    /// <summary>
    /// UTF-16 without a BOM: any line break or ASCII character leaves a zero byte, which no other supported encoding has;
    /// the byte order is the one whose decoding is almost all plausible characters (kana, ideographs, ASCII, punctuation).
    /// </summary>
    private static Detection? GuessUtf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 2 != 0 || !bytes.Contains((byte)0))
            return null;
        Detection? best = null;
        var bestScore = 0.9;
        foreach (var (encoding, name) in new[] { (new UnicodeEncoding(false, false, true), "utf-16le"), (new UnicodeEncoding(true, false, true), "utf-16be") })
        {
            if (!DecodesCleanly(encoding, bytes))
                continue;
            var text = encoding.GetString(bytes);
            var score = text.Count(IsPlausible) / (double)text.Length;
            if (score > bestScore)
            {
                bestScore = score;
                best = new(encoding, name, 0);
            }
        }
        return best;
    }

    private static bool IsPlausible(char c) =>
        c is '\n' or '\r' or '\t' or (>= ' ' and <= '~') or (>= '\u00A0' and <= '\u00FF') or (>= '\u2000' and <= '\u27FF')
            or (>= '\u3000' and <= '\u30FF') or (>= '\u3400' and <= '\u9FFF') or (>= '\uFF00' and <= '\uFFEF');

    /// <summary>Whether the bytes decode without a fallback: true, or false with the offset of the first bad byte.</summary>
    public static bool DecodesCleanly(Encoding encoding, ReadOnlySpan<byte> bytes) => FirstInvalidByte(encoding, bytes) is null;

    /// <summary>The offset of the first byte that is not valid in <paramref name="encoding"/> (an incomplete sequence at the end counts), or null.</summary>
    public static int? FirstInvalidByte(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            encoding.GetCharCount(bytes);
            return null;
        }
        catch (DecoderFallbackException e)
        {
            return Math.Max(0, e.Index);
        }
    }

    private static int CountKana(string text) => text.Count(c => c is >= '\u3041' and <= '\u30FF');
}
