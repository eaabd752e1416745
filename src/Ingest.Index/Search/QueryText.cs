using System.Text;

namespace Ingest.Index.Search;

/// <summary>One part of a query as typed: a word or a quoted phrase.</summary>
public sealed record QueryPart(string Text, bool Quoted);

/// <summary>Splits what the user typed into parts: whitespace (ASCII or ideographic) separates, double quotes (" or “ ”) group a phrase.</summary>
public static class QueryText
{
    /// <summary>Longest query accepted (chars); longer text is cut.</summary>
    public const int MaxChars = 1000;

    /// <summary>Most parts a query may have; further parts are ignored.</summary>
    public const int MaxParts = 32;

    public static IReadOnlyList<QueryPart> Parse(string? query)
    {
        var parts = new List<QueryPart>();
        if (string.IsNullOrWhiteSpace(query))
            return parts;
        var text = query.Length > MaxChars ? query[..MaxChars] : query;
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c is '"' or '“' or '”' or '＂')
            {
                Flush(parts, current, quoted);
                quoted = !quoted;
                continue;
            }
            if (!quoted && char.IsWhiteSpace(c))
            {
                Flush(parts, current, quoted: false);
                continue;
            }
            current.Append(c);
        }
        // An unclosed quote still counts as a phrase up to the end.
        Flush(parts, current, quoted);
        return parts.Count > MaxParts ? parts.GetRange(0, MaxParts) : parts;
    }

    private static void Flush(List<QueryPart> parts, StringBuilder current, bool quoted)
    {
        var value = current.ToString().Trim();
        current.Clear();
        if (value.Length > 0)
            parts.Add(new QueryPart(value, quoted));
    }
}
