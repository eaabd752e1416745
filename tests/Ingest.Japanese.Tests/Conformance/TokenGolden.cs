using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Ingest.Japanese.Tests.Conformance;

/// <summary>
/// Reads and writes the conformance golden format shared with the Java reference harness
/// (tests/conformance/java/TokenDump.java): per input line, the 1-based line number, then TAB-separated
/// tokens written as <c>term|start|end|posInc|posLen</c>, with <c>\|</c>, <c>\t</c> and <c>\\</c> escapes.
/// </summary>
internal static class TokenGolden
{
    /// <summary>Golden files larger than this are refused: the corpus is meant to stay small enough to review.</summary>
    public const long MaxGoldenBytes = 16L * 1024 * 1024;

    /// <summary>Runs one token stream to completion under the Lucene contract and renders its tokens as one golden row.</summary>
    public static string Render(int lineNumber, TokenStream stream)
    {
        var row = new StringBuilder();
        row.Append(lineNumber.ToString(CultureInfo.InvariantCulture));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var positionIncrement = stream.AddAttribute<IPositionIncrementAttribute>();
        var positionLength = stream.AddAttribute<IPositionLengthAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            row.Append('\t');
            AppendEscaped(row, term.Buffer, term.Length);
            row.Append('|').Append(offset.StartOffset.ToString(CultureInfo.InvariantCulture))
               .Append('|').Append(offset.EndOffset.ToString(CultureInfo.InvariantCulture))
               .Append('|').Append(positionIncrement.PositionIncrement.ToString(CultureInfo.InvariantCulture))
               .Append('|').Append(positionLength.PositionLength.ToString(CultureInfo.InvariantCulture));
        }

        stream.End();
        return row.ToString();
    }

    /// <summary>Escapes a term the way the Java harness does, so rows can be compared as strings.</summary>
    public static string Escape(string term)
    {
        var builder = new StringBuilder(term.Length);
        AppendEscaped(builder, term.ToCharArray(), term.Length);
        return builder.ToString();
    }

    /// <summary>
    /// Reads a golden file's rows (each starting with its 1-based number: the corpus line, or the token in document
    /// goldens); a malformed row (no number, numbers out of order) or a row count other than
    /// <paramref name="expectedLineCount"/> (when given) is an error naming the file, because a damaged golden would
    /// otherwise pass silently.
    /// </summary>
    public static IReadOnlyList<string> ReadRows(string path, int? expectedLineCount)
    {
        var size = new FileInfo(path).Length;
        if (size > MaxGoldenBytes)
        {
            throw new InvalidDataException($"{path}: {size} bytes exceeds the golden size limit of {MaxGoldenBytes} bytes");
        }

        var rows = File.ReadAllLines(path, Encoding.UTF8);
        if (expectedLineCount is { } count && rows.Length != count)
        {
            throw new InvalidDataException(
                $"{path}: {rows.Length} rows for a corpus file of {expectedLineCount} lines; regenerate with tests/conformance/make-goldens.sh");
        }

        for (var i = 0; i < rows.Length; i++)
        {
            var tab = rows[i].IndexOf('\t', StringComparison.Ordinal);
            var number = tab < 0 ? rows[i] : rows[i][..tab];
            if (number != (i + 1).ToString(CultureInfo.InvariantCulture))
            {
                throw new InvalidDataException($"{path}: row {i + 1} starts with '{number}', expected the line number {i + 1}");
            }
        }

        return rows;
    }

    private static void AppendEscaped(StringBuilder builder, char[] buffer, int length)
    {
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            switch (c)
            {
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '|':
                    builder.Append("\\|");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(buffer[i + 1]))
                    {
                        builder.Append(c).Append(buffer[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        // A lone surrogate cannot survive UTF-8; the Java harness writes it as \uXXXX.
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }
    }
}
