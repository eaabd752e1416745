namespace Ingest.Readers.Pdf;

/// <summary>
/// Finds which XObjects a PDF content stream draws: the name operand before each <c>Do</c> (PDF 32000-1, 8.8). The scan
/// errs on the side of finding too many, never too few, because it guards a parser that is more lenient than the
/// grammar: the fuzzer found a form that draws itself from inside an unclosed hex string, which PdfPig ends at the first
/// non-hex byte. So strings, hex strings and inline image data are not stepped over (a <c>/X Do</c> inside one counts),
/// and a comment between the name and <c>Do</c> is.
/// </summary>
internal static class ContentOperators
{
    /// <summary>The names drawn with <c>/Name Do</c>, each once, in order of first use.</summary>
    public static IReadOnlyList<string> DrawnNames(ReadOnlySpan<byte> content)
    {
        var names = new List<string>();
        string? lastName = null;
        var i = 0;
        while (i < content.Length)
        {
            var b = content[i];
            if (IsWhite(b))
            {
                i++;
            }
            else if (b == '%' && lastName is not null)
            {
                while (i < content.Length && content[i] is not ((byte)'\n' or (byte)'\r'))
                    i++;
            }
            else if (b == '/')
            {
                var end = TokenEnd(content, i + 1);
                lastName = DecodeName(content[(i + 1)..end]);
                i = end;
            }
            else if (IsDelimiter(b))
            {
                lastName = null;
                i++;
            }
            else
            {
                var end = TokenEnd(content, i);
                if (content[i..end].SequenceEqual("Do"u8) && lastName is not null && !names.Contains(lastName))
                    names.Add(lastName);
                lastName = null;
                i = end;
            }
        }
        return names;
    }

    /// <summary>A name's characters with #xx escapes decoded (PDF 32000-1, 7.3.5), as dictionary keys are.</summary>
    private static string DecodeName(ReadOnlySpan<byte> raw)
    {
        var decoded = new byte[raw.Length];
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '#' && i + 2 < raw.Length && HexValue(raw[i + 1]) is >= 0 and var high && HexValue(raw[i + 2]) is >= 0 and var low)
            {
                decoded[length++] = (byte)(high * 16 + low);
                i += 2;
            }
            else
            {
                decoded[length++] = raw[i];
            }
        }
        return System.Text.Encoding.Latin1.GetString(decoded, 0, length);
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private static bool IsWhite(byte b) => b is 0 or (byte)'\t' or (byte)'\n' or (byte)'\f' or (byte)'\r' or (byte)' ';

    private static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']'
        or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    private static int TokenEnd(ReadOnlySpan<byte> content, int i)
    {
        while (i < content.Length && !IsWhite(content[i]) && !IsDelimiter(content[i]))
            i++;
        return i;
    }
}
