using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using Ingest.Index.Search;

namespace Ingest.Web.Pages;

/// <summary>
/// HTML that may be written as it is, because it can only be made safely: from an interpolated string whose literal parts
/// are markup in this code and whose holes are encoded (<c>SafeHtml.Of($"&lt;td&gt;{text}&lt;/td&gt;")</c>; a hole that is
/// itself <see cref="SafeHtml"/> goes in as it is), from text (<see cref="Text"/>), or by joining such pieces. There is no
/// way to turn a plain string into it unencoded, so document text — titles, fields, file names, which may carry
/// <c>&lt;script&gt;</c> or markup left by converters — always shows as text. Holes go in attribute values too: the
/// encoding covers <c>&lt; &gt; &amp; " '</c>, so attributes are written double-quoted.
/// </summary>
public readonly struct SafeHtml
{
    private readonly string? _markup;

    private SafeHtml(string markup) => _markup = markup;

    /// <summary>Nothing.</summary>
    public static SafeHtml Empty => default;

    /// <summary>Text, encoded.</summary>
    public static SafeHtml Text(string? text) => string.IsNullOrEmpty(text) ? Empty : new SafeHtml(WebUtility.HtmlEncode(text));

    /// <summary>Markup from an interpolated string: literal parts as written, holes encoded (unless they are <see cref="SafeHtml"/>).</summary>
    public static SafeHtml Of(ref HtmlInterpolation html) => html.ToSafeHtml();

    /// <summary>Multi-line text: encoded, line breaks kept as <c>&lt;br&gt;</c>.</summary>
    public static SafeHtml Lines(string? text) => string.IsNullOrEmpty(text)
        ? Empty
        : Join(Of($"<br>"), text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(Text));

    /// <summary>A search snippet: its text encoded, each match in <c>&lt;mark&gt;</c>.</summary>
    public static SafeHtml Snippet(Snippet snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        var html = new HtmlBuilder();
        var at = 0;
        foreach (var highlight in snippet.Highlights.OrderBy(h => h.Start))
        {
            if (highlight.Start < at)
                continue;
            html.Append($"{snippet.Text[at..highlight.Start]}<mark>{snippet.Text.Substring(highlight.Start, highlight.Length)}</mark>");
            at = highlight.Start + highlight.Length;
        }
        return html.Append($"{snippet.Text[at..]}").ToSafeHtml();
    }

    /// <summary>The pieces with <paramref name="separator"/> between them.</summary>
    public static SafeHtml Join(SafeHtml separator, IEnumerable<SafeHtml> pieces) =>
        new(string.Join(separator.ToString(), pieces.Select(piece => piece.ToString())));

    /// <summary>True when there is no markup.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(_markup);

    /// <summary>The markup, to send.</summary>
    public override string ToString() => _markup ?? string.Empty;

    /// <summary>Builds <see cref="SafeHtml"/> from an interpolated string: see <see cref="Of"/>.</summary>
    [InterpolatedStringHandler]
    public ref struct HtmlInterpolation
    {
        private readonly StringBuilder _markup;

        public HtmlInterpolation(int literalLength, int formattedCount) => _markup = new StringBuilder(literalLength + formattedCount * 16);

        /// <summary>Markup written in this code.</summary>
        public readonly void AppendLiteral(string markup) => _markup.Append(markup);

        /// <summary>Markup already safe.</summary>
        public readonly void AppendFormatted(SafeHtml html) => _markup.Append(html.ToString());

        /// <summary>Text: encoded.</summary>
        public readonly void AppendFormatted(string? text) => _markup.Append(WebUtility.HtmlEncode(text));

        /// <summary>A value (a number, a date): its invariant text, encoded.</summary>
        public readonly void AppendFormatted<T>(T value) =>
            _markup.Append(WebUtility.HtmlEncode(value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString()));

        internal readonly SafeHtml ToSafeHtml() => new(_markup.ToString());
    }

    /// <summary>Markup from the builder (its pieces were safe when added).</summary>
    internal static SafeHtml FromBuilder(StringBuilder markup) => new(markup.ToString());
}

/// <summary>A page or part of one being written: only <see cref="SafeHtml"/> and interpolated strings (holes encoded) can be added.</summary>
public sealed class HtmlBuilder
{
    private readonly StringBuilder _markup = new();

    /// <summary>Adds markup: literal parts as written, holes encoded unless they are <see cref="SafeHtml"/>.</summary>
    public HtmlBuilder Append(ref SafeHtml.HtmlInterpolation html) => Append(html.ToSafeHtml());

    /// <summary>Adds markup already safe.</summary>
    public HtmlBuilder Append(SafeHtml html)
    {
        _markup.Append(html.ToString());
        return this;
    }

    /// <summary>What was written.</summary>
    public SafeHtml ToSafeHtml() => SafeHtml.FromBuilder(_markup);
}
