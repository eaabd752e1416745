using System.Globalization;
using System.Text;

namespace Ingest.Core.Diagnostics;

/// <summary>
/// Text from file names and file content made safe for a terminal. File names and documents are written by others: a
/// newline in a name would forge a second <c>FAILED …</c> line, an escape sequence could recolour, move the cursor or
/// retitle the window, and bidirectional overrides could reorder what is shown (the "Trojan Source" trick). Every
/// command's console output passes such text through <see cref="Escape"/>, so each printed value stays on its line and
/// shows what the bytes were.
/// </summary>
public static class ConsoleText
{
    /// <summary>
    /// The text with every control character written as a visible escape: <c>\n</c>, <c>\r</c>, <c>\t</c>, and
    /// <c>\x1B</c> or <c>\u202E</c> for the others (C0, DEL, C1 and the bidirectional embedding, override and isolate
    /// controls). Returns the same instance when there is nothing to escape; null becomes the empty string.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        var first = IndexOfUnsafe(text);
        if (first < 0)
            return text;
        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c))
            {
                builder.Append(c);
                continue;
            }
            builder.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                < '\u0100' => string.Create(CultureInfo.InvariantCulture, $@"\x{(int)c:X2}"),
                _ => string.Create(CultureInfo.InvariantCulture, $@"\u{(int)c:X4}"),
            });
        }
        return builder.ToString();
    }

    /// <summary>
    /// The interpolated line with every value escaped (<see cref="Escape"/>) and the literal parts kept: for a message
    /// such as <c>$"FAILED {path}: {reason}"</c>. Numbers keep their format (<c>{count:N0}</c>).
    /// </summary>
    public static string Line(FormattableString line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var values = line.GetArguments().Select(object? (value) => value switch
        {
            null => string.Empty,
            string text => Escape(text),
            IFormattable formattable => formattable,
            _ => Escape(value.ToString()),
        }).ToArray();
        return string.Format(CultureInfo.InvariantCulture, line.Format, values);
    }

    /// <summary>True when <paramref name="text"/> holds a character <see cref="Escape"/> would rewrite.</summary>
    public static bool NeedsEscaping(string? text) => text is not null && IndexOfUnsafe(text) >= 0;

    /// <summary>True when <paramref name="text"/> holds a character <see cref="Escape"/> would rewrite (a span: no string needed to ask).</summary>
    public static bool NeedsEscaping(ReadOnlySpan<char> text) => IndexOfUnsafe(text) >= 0;

    private static int IndexOfUnsafe(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
                return i;
        }
        return -1;
    }

    /// <summary>C0 controls, DEL, C1 controls, and the bidirectional formatting controls of UAX #9 (LRE…RLO, LRI…PDI).</summary>
    private static bool IsUnsafe(char c) =>
        c < '\u0020' || c is >= '\u007F' and <= '\u009F' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';
}
