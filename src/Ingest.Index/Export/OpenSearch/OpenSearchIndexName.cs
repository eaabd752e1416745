namespace Ingest.Index.Export.OpenSearch;

/// <summary>
/// An OpenSearch index name, checked against the cluster's rules (lower case; none of <c>\ / * ? " &lt; &gt; | , #</c>, space
/// or ':'; not starting with '-', '_' or '+'; not "." or ".."; at most 255 bytes), so a bad name fails here, before any
/// file is written or request sent.
/// </summary>
public readonly record struct OpenSearchIndexName
{
    /// <summary>The name used when none is given.</summary>
    public static readonly OpenSearchIndexName Default = new("ingest");

    private OpenSearchIndexName(string value) => Value = value;

    public string Value { get; }

    /// <summary>Parses <paramref name="text"/>; a <see cref="FormatException"/> says which rule it breaks.</summary>
    public static OpenSearchIndexName Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
            throw new FormatException("an index name cannot be empty");
        if (text is "." or "..")
            throw new FormatException($"\"{text}\" is not allowed as an index name");
        if (text[0] is '-' or '_' or '+')
            throw new FormatException("an index name cannot start with '-', '_' or '+'");
        if (text.Any(c => c is '\\' or '/' or '*' or '?' or '"' or '<' or '>' or '|' or ',' or '#' or ':' or ' ' || char.IsControl(c)))
            throw new FormatException("an index name cannot contain \\ / * ? \" < > | , # : a space or a control character");
        if (text.Any(char.IsUpper))
            throw new FormatException("an index name must be lower case");
        if (System.Text.Encoding.UTF8.GetByteCount(text) > 255)
            throw new FormatException("an index name is at most 255 bytes");
        return new OpenSearchIndexName(text);
    }

    public override string ToString() => Value;
}
