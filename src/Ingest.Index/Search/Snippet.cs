using System.Net;
using System.Text;

namespace Ingest.Index.Search;

/// <summary>A highlighted range of a snippet (offsets into <see cref="Snippet.Text"/>).</summary>
public readonly record struct Highlight(int Start, int Length);

/// <summary>A piece of a field's text around the matches, with the matched ranges; rendered as HTML or with markers.</summary>
public sealed record Snippet(string Text, IReadOnlyList<Highlight> Highlights)
{
    /// <summary>HTML: the text escaped, each match in <c>&lt;mark&gt;</c>.</summary>
    public string ToHtml() => Render(WebUtility.HtmlEncode, "<mark>", "</mark>");

    /// <summary>
    /// Plain text with each match between <paramref name="open"/> and <paramref name="close"/> (brackets, ANSI codes);
    /// the text itself passes through <paramref name="escape"/> when given (for a terminal), the markers do not.
    /// </summary>
    public string ToMarked(string open, string close, Func<string, string>? escape = null) => Render(escape ?? (static text => text), open, close);

    private string Render(Func<string, string> escape, string open, string close)
    {
        var builder = new StringBuilder();
        var at = 0;
        foreach (var highlight in Highlights.OrderBy(h => h.Start))
        {
            if (highlight.Start < at)
                continue;
            builder.Append(escape(Text[at..highlight.Start])).Append(open)
                .Append(escape(Text.Substring(highlight.Start, highlight.Length))).Append(close);
            at = highlight.Start + highlight.Length;
        }
        builder.Append(escape(Text[at..]));
        return builder.ToString();
    }
}
