using System.Net;
using System.Text;

namespace Ingest.Web.Pages;

/// <summary>
/// Encoding helpers for server-rendered HTML. Every piece of document text goes through <see cref="Encode"/>, so markup in a
/// submission (<c>&lt;script&gt;</c>, <c>&lt;p&gt;</c> left by converters) shows as text and never runs.
/// </summary>
internal static class Html
{
    /// <summary>Text escaped for element content and double-quoted attribute values (&lt; &gt; &amp; &quot; &#39;).</summary>
    public static string Encode(string? text) => string.IsNullOrEmpty(text) ? string.Empty : WebUtility.HtmlEncode(text);

    /// <summary>A query-string component (percent-encoded UTF-8).</summary>
    public static string Url(string? text) => string.IsNullOrEmpty(text) ? string.Empty : Uri.EscapeDataString(text);

    /// <summary>A query string from name/value pairs, skipping empty values; starts with <c>?</c> when not empty.</summary>
    public static string QueryString(IEnumerable<(string Name, string? Value)> pairs)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in pairs)
        {
            if (string.IsNullOrEmpty(value))
                continue;
            builder.Append(builder.Length == 0 ? '?' : '&').Append(Url(name)).Append('=').Append(Url(value));
        }
        return builder.ToString();
    }

    /// <summary>Multi-line document text: escaped, line breaks kept as <c>&lt;br&gt;</c>.</summary>
    public static string Lines(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return string.Join("<br>", lines.Select(Encode));
    }
}
