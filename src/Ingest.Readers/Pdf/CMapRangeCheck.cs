namespace Ingest.Readers.Pdf;

/// <summary>
/// Counts the codes the <c>bfrange</c> sections of a CMap map (PDF 32000-1, 9.10.3; Adobe technical note 5411). PdfPig
/// expands every range into one dictionary entry per code, so a ToUnicode range <c>&lt;00000000&gt; &lt;FFFFFFFF&gt;</c>
/// asks for four billion entries (past 18 GB before it died). Real ToUnicode maps cover at most a few two-byte planes.
/// The scan is a plain pass over the bytes: hex strings in pairs, each followed by a destination string or array.
/// </summary>
internal static class CMapRangeCheck
{
    private static ReadOnlySpan<byte> Begin => "beginbfrange"u8;
    private static ReadOnlySpan<byte> End => "endbfrange"u8;

    /// <summary>Null when the bytes hold no bfrange section or its ranges map at most <paramref name="maxCodes"/> codes; otherwise the reason.</summary>
    public static string? Refusal(ReadOnlySpan<byte> bytes, long maxCodes)
    {
        long codes = 0;
        var at = bytes.IndexOf(Begin);
        while (at >= 0)
        {
            var section = bytes[(at + Begin.Length)..];
            var end = section.IndexOf(End);
            var body = end >= 0 ? section[..end] : section;
            codes = SaturatingAdd(codes, CountRanges(body));
            if (codes > maxCodes)
                return $"PDF CMap (ToUnicode) ranges map more than {maxCodes:N0} codes (limit {nameof(PdfReaderOptions.MaxCMapRangeCodes)})";
            if (end < 0)
                break;
            bytes = section[(end + End.Length)..];
            at = bytes.IndexOf(Begin);
        }
        return null;
    }

    /// <summary>Sums hi − lo + 1 over the entries "&lt;lo&gt; &lt;hi&gt; destination" of one section.</summary>
    private static long CountRanges(ReadOnlySpan<byte> body)
    {
        long codes = 0;
        var i = 0;
        while (true)
        {
            if (!NextHex(body, ref i, out var low) || !NextHex(body, ref i, out var high))
                return codes;
            SkipDestination(body, ref i);
            if (high >= low)
                codes = SaturatingAdd(codes, high - low == ulong.MaxValue ? long.MaxValue : (long)Math.Min(high - low + 1, long.MaxValue));
        }
    }

    /// <summary>Reads the next &lt;hex&gt; string as a number (longer than eight bytes saturates).</summary>
    private static bool NextHex(ReadOnlySpan<byte> body, ref int i, out ulong value)
    {
        value = 0;
        var open = body[i..].IndexOf((byte)'<');
        if (open < 0)
            return false;
        i += open + 1;
        var digits = 0;
        for (; i < body.Length && body[i] != '>'; i++)
        {
            var digit = HexValue(body[i]);
            if (digit < 0)
                continue; // white space inside a hex string is allowed
            value = ++digits > 16 ? ulong.MaxValue : (value << 4) | (uint)digit;
        }
        i = Math.Min(body.Length, i + 1);
        return true;
    }

    /// <summary>Steps over a destination: a hex string or an array of them.</summary>
    private static void SkipDestination(ReadOnlySpan<byte> body, ref int i)
    {
        while (i < body.Length && body[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or 0)
            i++;
        if (i >= body.Length)
            return;
        var close = body[i] == '[' ? (byte)']' : body[i] == '<' ? (byte)'>' : (byte)0;
        if (close == 0)
            return;
        var end = body[i..].IndexOf(close);
        i = end < 0 ? body.Length : i + end + 1;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
