using Ingest.Index.Search;
using Ingest.Web.Pages;
using Microsoft.AspNetCore.Http;

namespace Ingest.Web.Queries;

/// <summary>
/// Everything a search page shows, read from and written back to the URL, so a search can be bookmarked and shared:
/// <c>q</c> (words), <c>from</c>/<c>to</c> (fiscal years), <c>type</c> (sheet type), <c>partner</c>, <c>dept</c>, <c>page</c>.
/// </summary>
public sealed record SearchQuery
{
    /// <summary>Submissions per page.</summary>
    public const int PageSize = 20;

    /// <summary>
    /// Last page a URL may ask for. The index pages by offset, so any page is as cheap as ranking that far; the bound only
    /// keeps the number sane (200,000 submissions, well beyond an archive).
    /// </summary>
    public const int MaxPage = 10_000;

    /// <summary>Fiscal years accepted in a range (the archive spans 昭和 to 令和).</summary>
    public const int MinYear = 1900, MaxYear = 2200;

    /// <summary>Longest filter value (sheet type, partner, department) accepted.</summary>
    public const int MaxFilterLength = 200;

    public string Text { get; init; } = string.Empty;
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }
    public string? SheetType { get; init; }
    public string? Partner { get; init; }
    public string? Department { get; init; }
    public int Page { get; init; } = 1;

    /// <summary>Reads the query string; any bad parameter refuses the whole search with messages.</summary>
    public static QueryParse<SearchQuery> Parse(IQueryCollection query)
    {
        var reader = new QueryReader(query);
        var text = reader.Text("q", "検索語", QueryText.MaxChars);
        var from = reader.Integer("from", "開始年度", MinYear, MaxYear);
        var to = reader.Integer("to", "終了年度", MinYear, MaxYear);
        var type = reader.Text("type", "別紙の種類", MaxFilterLength);
        var partner = reader.Text("partner", "相手方", MaxFilterLength);
        var department = reader.Text("dept", "担当部課", MaxFilterLength);
        var page = reader.Integer("page", "ページ番号", 1, MaxPage);
        if (from is { } f && to is { } t && f > t)
            reader.Fail($"年度の範囲が逆です（{f}年度から{t}年度）。開始年度は終了年度以前にしてください。");
        if (reader.Errors.Count > 0)
            return new QueryParse<SearchQuery>(null, reader.Errors);
        return new QueryParse<SearchQuery>(new SearchQuery
        {
            Text = text ?? string.Empty,
            YearFrom = from,
            YearTo = to,
            SheetType = type,
            Partner = partner,
            Department = department,
            Page = page ?? 1,
        }, []);
    }

    /// <summary>The URL of this search (page 1 is left out, so equal searches have equal URLs).</summary>
    public string ToUrl() => "/" + QueryStrings.Build(
    [
        ("q", Text),
        ("from", YearFrom?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("to", YearTo?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("type", SheetType),
        ("partner", Partner),
        ("dept", Department),
        ("page", Page > 1 ? Page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
    ]);

    /// <summary>Whether any filter narrows the search.</summary>
    public bool HasFilters => YearFrom is not null || YearTo is not null || SheetType is not null || Partner is not null || Department is not null;
}
