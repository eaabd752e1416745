using System.Text;

namespace Ingest.Web.Queries;

/// <summary>Query strings for the page's own links (percent-encoded UTF-8). A URL is text: a page puts it in an attribute through <see cref="Pages.SafeHtml"/>, which encodes it.</summary>
internal static class QueryStrings
{
    /// <summary>A query string from name/value pairs, skipping empty values; starts with <c>?</c> when not empty.</summary>
    public static string Build(IEnumerable<(string Name, string? Value)> pairs)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in pairs)
        {
            if (string.IsNullOrEmpty(value))
                continue;
            builder.Append(builder.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }
        return builder.ToString();
    }
}
