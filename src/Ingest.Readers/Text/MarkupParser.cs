using System.Net;
using System.Text;
using Ingest.Core.Layout;

namespace Ingest.Readers.Text;

/// <summary>
/// Strips the markup converters leave in text dumps — HTML fragments (&lt;p&gt;, &lt;b&gt;, &lt;u&gt;, &lt;ul&gt;/&lt;li&gt;,
/// &lt;sup&gt;, &lt;br&gt;) and markdown <c>**bold**</c> — keeping bold and underlined runs as styled spans,
/// because the documents mark changed wording that way. Block-level tags become line breaks.
/// </summary>
public static class MarkupParser
{
    /// <summary>Longest tag, from '&lt;' to '&gt;', read as markup; longer runs are text.</summary>
    private const int MaxTagLength = 512;

    /// <summary>Longest entity, '&amp;' to ';' (&amp;thetasym; and &amp;#1114111; fit), read as markup.</summary>
    private const int MaxEntityLength = 10;

    private static readonly HashSet<string> BlockTags = ["p", "br", "li", "ul", "ol", "div", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6"];

    /// <summary>Parses one line or cell of a text dump into text with styled spans.</summary>
    public static StyledText Parse(string input)
    {
        var text = new StringBuilder(input.Length);
        var spans = new List<StyledSpan>();
        int bold = 0, underline = 0;
        var markdownBold = false;
        var runStart = 0;
        var runStyle = TextStyle.None;

        void Flush()
        {
            if (runStyle != TextStyle.None && text.Length > runStart)
                spans.Add(new StyledSpan(runStart, text.Length - runStart, runStyle));
            runStart = text.Length;
            runStyle = Current();
        }

        TextStyle Current() =>
            (bold > 0 || markdownBold ? TextStyle.Bold : TextStyle.None) | (underline > 0 ? TextStyle.Underline : TextStyle.None);

        var i = 0;
        while (i < input.Length)
        {
            var c = input[i];
            if (c == '<' && TryReadTag(input, i, out var name, out var closing, out var end))
            {
                switch (name)
                {
                    case "b" or "strong":
                        Flush(); bold = Math.Max(0, bold + (closing ? -1 : 1)); runStyle = Current();
                        break;
                    case "u" or "ins":
                        Flush(); underline = Math.Max(0, underline + (closing ? -1 : 1)); runStyle = Current();
                        break;
                    default:
                        if (BlockTags.Contains(name) && text.Length > 0 && text[^1] != '\n')
                            text.Append('\n');
                        break;
                }
                i = end;
                continue;
            }
            if (c == '*' && i + 1 < input.Length && input[i + 1] == '*')
            {
                Flush(); markdownBold = !markdownBold; runStyle = Current();
                i += 2;
                continue;
            }
            if (c == '&' && TryReadEntity(input, i, out var decoded, out var entityEnd))
            {
                text.Append(decoded);
                i = entityEnd;
                continue;
            }
            // White space between block tags (</p> <p>) is layout, not text.
            if (!(char.IsWhiteSpace(c) && (text.Length == 0 || text[^1] == '\n')))
                text.Append(c);
            i++;
        }
        Flush();
        return Trim(text.ToString(), spans);
    }

    private static StyledText Trim(string text, List<StyledSpan> spans)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        var end = text.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        var trimmed = text[start..end];
        var shifted = new List<StyledSpan>();
        foreach (var s in spans)
        {
            var a = Math.Max(s.Start, start) - start;
            var b = Math.Min(s.Start + s.Length, end) - start;
            if (b > a)
                shifted.Add(new StyledSpan(a, b - a, s.Style));
        }
        return new StyledText(trimmed, shifted);
    }

    private static bool TryReadTag(string s, int start, out string name, out bool closing, out int end)
    {
        name = string.Empty;
        closing = false;
        end = start;
        // A tag's name follows '<' (or '</') directly: "a < b and c > d" is text, not a <b> tag.
        if (start + 1 >= s.Length || !(char.IsAsciiLetter(s[start + 1]) || s[start + 1] == '/'))
            return false;
        // Looked for within the longest tag we accept only: a line of '<a<a<a…' must not rescan the rest of the line at every '<'.
        var close = s.AsSpan(start + 1, Math.Min(MaxTagLength, s.Length - start - 1)).IndexOf('>');
        if (close < 0)
            return false;
        close += start + 1;
        var inner = s.AsSpan(start + 1, close - start - 1).Trim();
        if (inner.Length == 0)
            return false;
        if (inner[0] == '/')
        {
            closing = true;
            inner = inner[1..].TrimStart();
        }
        var nameLength = 0;
        while (nameLength < inner.Length && char.IsAsciiLetterOrDigit(inner[nameLength])) nameLength++;
        if (nameLength == 0 || !char.IsAsciiLetter(inner[0]))
            return false;
        name = inner[..nameLength].ToString().ToLowerInvariant();
        end = close + 1;
        return true;
    }

    private static bool TryReadEntity(string s, int start, out string decoded, out int end)
    {
        decoded = string.Empty;
        end = start;
        // Within the longest entity only, so a line of a million '&' is scanned once, not once per '&'.
        var semi = s.AsSpan(start + 1, Math.Min(MaxEntityLength, s.Length - start - 1)).IndexOf(';');
        if (semi < 0)
            return false;
        semi += start + 1;
        var candidate = s[start..(semi + 1)];
        var result = WebUtility.HtmlDecode(candidate);
        if (result == candidate)
            return false;
        decoded = result.Replace('\u00A0', ' ');
        end = semi + 1;
        return true;
    }
}
