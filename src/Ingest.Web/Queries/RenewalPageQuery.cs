using System.Globalization;
using Ingest.Reports.Renewals;
using Ingest.Web.Pages;
using Microsoft.AspNetCore.Http;

namespace Ingest.Web.Queries;

/// <summary>How the renewal page orders its rows.</summary>
public enum RenewalOrder
{
    /// <summary>Soonest due first (rows without a due date after), then as the report orders them.</summary>
    Due,
    /// <summary>Grouped by owning section, each group in the report's order (needs renewal first).</summary>
    Section,
}

/// <summary>
/// The renewal page's URL parameters: <c>asof</c> (YYYY-MM-DD, default today), <c>type</c> (外部結合, 委任, 委託),
/// <c>sort</c> (<c>due</c>, the default, or <c>section</c>), <c>page</c>.
/// </summary>
public sealed record RenewalPageQuery
{
    /// <summary>Report rows per page.</summary>
    public const int PageSize = 100;

    /// <summary>Highest page number accepted.</summary>
    public const int MaxPage = 10_000;

    /// <summary>The report date; null means today by the server's clock.</summary>
    public DateOnly? AsOf { get; init; }
    public string? SheetType { get; init; }
    public RenewalOrder Sort { get; init; } = RenewalOrder.Due;

    /// <summary>Weeks before each due date the calendar download reminds; null for its default.</summary>
    public int? RemindWeeks { get; init; }
    public int Page { get; init; } = 1;

    /// <summary>Reads the query string; a bad date, an unknown type or a bad page refuses it with messages.</summary>
    public static QueryParse<RenewalPageQuery> Parse(IQueryCollection query)
    {
        var reader = new QueryReader(query);
        var asOf = reader.Date("asof", "基準日");
        var type = reader.Text("type", "種別", 50);
        var page = reader.Integer("page", "ページ番号", 1, MaxPage);
        var remind = reader.Integer("remind", "通知（何週間前）", 0, 52);
        var sort = reader.Text("sort", "並び順", 20) switch
        {
            null or "due" => RenewalOrder.Due,
            "section" => RenewalOrder.Section,
            _ => (RenewalOrder?)null,
        };
        if (sort is null)
            reader.Fail("並び順はdue（次回期限順）かsection（保有課別）を指定してください。");
        if (asOf is { } date && (date.Year < Core.Dates.FiscalYear.MinYear + 1 || date.Year > Core.Dates.FiscalYear.MaxYear))
            reader.Fail("基準日の年が範囲外です。");
        if (type is not null && !ArrangementKinds.Filterable.Contains(type, StringComparer.Ordinal))
            reader.Fail($"種別は{string.Join("・", ArrangementKinds.Filterable)}のいずれかを指定してください。");
        if (reader.Errors.Count > 0)
            return new QueryParse<RenewalPageQuery>(null, reader.Errors);
        return new QueryParse<RenewalPageQuery>(new RenewalPageQuery { AsOf = asOf, SheetType = type, Sort = sort ?? RenewalOrder.Due, RemindWeeks = remind, Page = page ?? 1 }, []);
    }

    /// <summary>The URL of this view of the report (or of a download when <paramref name="path"/> names one).</summary>
    public string ToUrl(string path = "/renewals", bool withPage = true) => path + QueryStrings.Build(
    [
        ("asof", AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("type", SheetType),
        ("sort", Sort == RenewalOrder.Section ? "section" : null),
        ("remind", RemindWeeks?.ToString(CultureInfo.InvariantCulture)),
        ("page", withPage && Page > 1 ? Page.ToString(CultureInfo.InvariantCulture) : null),
    ]);
}
