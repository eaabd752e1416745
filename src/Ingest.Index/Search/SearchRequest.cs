namespace Ingest.Index.Search;

/// <summary>A search: the query text as the user typed it, optional filters, and which page of submissions to return.</summary>
public sealed record SearchRequest
{
    /// <summary>Most submissions one search returns, whatever is asked.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Terms separated by spaces are ANDed; a double-quoted part is one phrase. Empty = every document (filters only).</summary>
    public string Query { get; init; } = string.Empty;
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }
    /// <summary>Sheet type, e.g. <c>外部結合</c>.</summary>
    public string? SheetType { get; init; }
    /// <summary>Partner name; any name of a synonym group finds its canonical name.</summary>
    public string? Partner { get; init; }
    /// <summary>
    /// Department: keeps submissions whose 担当部課, overview 担当課 or a sheet's 保有課 is this department or contains it as
    /// whole units (区民課 and 区民部 find 区民部区民課; 住民課 does not find 戸籍住民課). See <see cref="DepartmentMatch"/>.
    /// </summary>
    public string? Department { get; init; }
    /// <summary>Search only this label (e.g. <c>結合の相手方</c>) instead of all text.</summary>
    public string? Field { get; init; }
    /// <summary>Submissions to return (hits are grouped by submission); at most <see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 20;
    /// <summary>Submissions to skip before the first returned, in rank order: page <c>n</c> of size <c>k</c> is offset <c>(n-1)·k</c>, limit <c>k</c>.</summary>
    public int Offset { get; init; }
}
