namespace Ingest.Readers.Pdf;

/// <summary>
/// A minimal lexer over a PDF content stream (PDF 32000-1, 7.2 and 7.8.2), only as far as finding which XObjects it
/// draws: the name operand before each <c>Do</c>. Strings, comments and inline image data are stepped over so their
/// bytes are not read as operators.
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
                continue;
            }
            switch (b)
            {
                case (byte)'%':
                    while (i < content.Length && content[i] is not ((byte)'\n' or (byte)'\r'))
                        i++;
                    continue;
                case (byte)'(':
                    i = SkipLiteralString(content, i);
                    lastName = null;
                    continue;
                case (byte)'<' when i + 1 < content.Length && content[i + 1] == '<':
                case (byte)'>' when i + 1 < content.Length && content[i + 1] == '>':
                    i += 2;
                    lastName = null;
                    continue;
                case (byte)'<':
                    var close = content[i..].IndexOf((byte)'>');
                    i = close < 0 ? content.Length : i + close + 1;
                    lastName = null;
                    continue;
                case (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)')' or (byte)'>':
                    i++;
                    lastName = null;
                    continue;
                case (byte)'/':
                    var nameEnd = TokenEnd(content, i + 1);
                    lastName = System.Text.Encoding.Latin1.GetString(content[(i + 1)..nameEnd]);
                    i = nameEnd;
                    continue;
            }
            var end = TokenEnd(content, i);
            var token = content[i..end];
            if (token.SequenceEqual("Do"u8) && lastName is not null && !names.Contains(lastName))
                names.Add(lastName);
            if (token.SequenceEqual("ID"u8))
                end = SkipInlineImageData(content, end);
            lastName = null;
            i = Math.Max(end, i + 1);
        }
        return names;
    }

    private static bool IsWhite(byte b) => b is 0 or (byte)'\t' or (byte)'\n' or (byte)'\f' or (byte)'\r' or (byte)' ';

    private static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']'
        or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    private static int TokenEnd(ReadOnlySpan<byte> content, int i)
    {
        while (i < content.Length && !IsWhite(content[i]) && !IsDelimiter(content[i]))
            i++;
        return i;
    }

    /// <summary>Past a (literal string), with nested parentheses and backslash escapes.</summary>
    private static int SkipLiteralString(ReadOnlySpan<byte> content, int i)
    {
        var depth = 0;
        for (; i < content.Length; i++)
        {
            switch (content[i])
            {
                case (byte)'\\':
                    i++;
                    break;
                case (byte)'(':
                    depth++;
                    break;
                case (byte)')' when --depth == 0:
                    return i + 1;
            }
        }
        return content.Length;
    }

    /// <summary>Inline image data runs from after ID to an EI between white space.</summary>
    private static int SkipInlineImageData(ReadOnlySpan<byte> content, int i)
    {
        for (var j = i + 1; j + 2 < content.Length; j++)
        {
            if (IsWhite(content[j - 1]) && content[j] == 'E' && content[j + 1] == 'I' && (j + 2 == content.Length || IsWhite(content[j + 2])))
                return j + 2;
        }
        return content.Length;
    }
}
