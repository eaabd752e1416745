using Ingest.Core.Records;

namespace Ingest.Index.Search;

/// <summary>The result of a search: matching sheets grouped by submission (best first) and facet counts over all matches.</summary>
public sealed record SearchResult
{
    /// <summary>A result with nothing in it (empty index).</summary>
    public static SearchResult Empty { get; } = new() { Facets = FacetCounts.Empty };

    /// <summary>Matching sheets over the whole index, not just the returned ones; a sheet carried by several files counts once.</summary>
    public int TotalSheets { get; init; }
    /// <summary>Matching submissions over the whole index: what a pager counts pages of.</summary>
    public int TotalSubmissions { get; init; }
    /// <summary>Submissions ranked before the first of <see cref="Submissions"/> (the request's offset).</summary>
    public int Offset { get; init; }
    /// <summary>The requested page of matching submissions, best first.</summary>
    public IReadOnlyList<SubmissionHit> Submissions { get; init; } = [];
    public required FacetCounts Facets { get; init; }
    /// <summary>How the query text was read (<see cref="QuerySyntax.Describe"/>), with why when it was read as plain words.</summary>
    public string Reading { get; init; } = string.Empty;
    /// <summary>True when the query text was not valid syntax and its words were searched as plain words.</summary>
    public bool ReadAsPlainWords { get; init; }
}

/// <summary>One submission and its matching sheets.</summary>
public sealed record SubmissionHit
{
    public required SubmissionRecord Record { get; init; }
    /// <summary>The best score among its sheets.</summary>
    public float Score { get; init; }
    public IReadOnlyList<SheetHit> Sheets { get; init; } = [];
    /// <summary>
    /// Every file that carries this submission (its renditions), the most faithful first; <see cref="Record"/> and the
    /// sheets are those of the file that matched best.
    /// </summary>
    public IReadOnlyList<SubmissionRecord> Renditions { get; init; } = [];
}

/// <summary>One matching sheet: where it matched and a highlighted snippet.</summary>
public sealed record SheetHit
{
    /// <summary>Index into <see cref="SubmissionRecord.Sheets"/>, or -1 for a submission without sheets.</summary>
    public int SheetIndex { get; init; }
    public string? SheetType { get; init; }
    public string? SheetTitle { get; init; }
    /// <summary>The label whose text matched best (e.g. <c>情報保護対策</c>, <c>件名</c>), null if no text could be matched (filters only).</summary>
    public string? Field { get; init; }
    /// <summary>Every label where some query term matched.</summary>
    public IReadOnlyList<string> MatchedFields { get; init; } = [];
    public Snippet? Snippet { get; init; }
    /// <summary>
    /// The passages that together show the query's terms (the first is <see cref="Field"/>'s <see cref="Snippet"/>), each
    /// with its label and the query terms highlighted in it.
    /// </summary>
    public IReadOnlyList<Passage> Passages { get; init; } = [];
    public float Score { get; init; }
}

/// <summary>Counts by fiscal year, sheet type and partner over every matching sheet (a submission's sheet once, however many files carry it).</summary>
public sealed record FacetCounts
{
    /// <summary>No counts.</summary>
    public static FacetCounts Empty { get; } = new();

    public IReadOnlyDictionary<int, int> FiscalYear { get; init; } = new SortedDictionary<int, int>();
    public IReadOnlyDictionary<string, int> SheetType { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, int> Partner { get; init; } = new Dictionary<string, int>();
    /// <summary>Matching sheets that carry no fiscal year (so the year counts plus this add up to the total).</summary>
    public int NoFiscalYear { get; init; }
    /// <summary>Matching documents of submissions without sheets (no type).</summary>
    public int NoSheetType { get; init; }
}
