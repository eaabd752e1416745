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

    /// <summary>Returns the detected encoding, or null when the bytes are not text in any supported encoding.</summary>
    public static Detection? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return new(new UTF8Encoding(false, true), "utf-8", 3);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return new(new UnicodeEncoding(false, false, true), "utf-16le", 2);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return new(new UnicodeEncoding(true, false, true), "utf-16be", 2);

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

    private static bool DecodesCleanly(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            encoding.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static int CountKana(string text) => text.Count(c => c is >= '\u3041' and <= '\u30FF');
}
