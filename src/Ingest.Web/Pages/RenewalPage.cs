using System.Globalization;
using Ingest.Core.Records;
using Ingest.Reports.Export;
using Ingest.Reports.Renewals;
using Ingest.Web.Catalog;
using Ingest.Web.Queries;

namespace Ingest.Web.Pages;

/// <summary>
/// The renewal page: the renewal report for an as-of date with the evidence phrase of each row, paged, and links to the
/// same report as XLSX and CSV (written by the report project's writers, so the files match <c>ingest report</c>).
/// </summary>
internal static class RenewalPage
{
    /// <summary>Where next term's drafts for the report's due arrangements are downloaded, as one zip.</summary>
    public const string DraftsPath = "/renewals/drafts.zip";

    /// <summary>The report's question from the page's parameters: as of the date asked, else today by the server's clock.</summary>
    public static RenewalQuery Query(RenewalPageQuery query, TimeProvider clock) =>
        new() { AsOf = query.AsOf ?? RenewalQuery.Today(clock).AsOf, SheetType = query.SheetType };

    /// <summary>Builds the report the page and the downloads show, from the history the catalog linked for this commit.</summary>
    public static RenewalReport Build(CatalogSnapshot catalog, RenewalPageQuery query, TimeProvider clock) =>
        RenewalReportBuilder.Build(catalog.History, Query(query, clock));

    public static SafeHtml Render(RenewalReport report, RenewalPageQuery query, CatalogSnapshot catalog)
    {
        var asOf = report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var fixedQuery = query with { AsOf = report.AsOf };
        var html = new HtmlBuilder();
        html.Append($"<h1>更新が必要な取り決め</h1>\n<form class=\"renewal\" method=\"get\" action=\"/renewals\">")
            .Append($"<label>基準日 <input type=\"date\" name=\"asof\" value=\"{asOf}\"></label><label>種別 <select name=\"type\"><option value=\"\">（すべて）</option>");
        foreach (var type in ArrangementKinds.Filterable)
            html.Append(type == query.SheetType ? SafeHtml.Of($"<option value=\"{type}\" selected>{type}</option>") : SafeHtml.Of($"<option value=\"{type}\">{type}</option>"));
        html.Append($"</select></label><button type=\"submit\">表示</button></form>\n");

        var xlsx = fixedQuery.ToUrl("/renewals.xlsx", withPage: false);
        var csv = fixedQuery.ToUrl("/renewals.csv", withPage: false);
        var drafts = fixedQuery.ToUrl(DraftsPath, withPage: false);
        var calendar = fixedQuery.ToUrl("/renewals.ics", withPage: false);
        html.Append($"<p class=\"summary\" id=\"summary\">基準日 {asOf}（{report.FiscalYear.Year}年度）：要更新 {report.NeedingRenewal.Count()}件 ／ 要確認 {report.NeedingReview.Count()}件 ／ 全{report.Rows.Count}件</p>\n")
            .Append($"<p class=\"downloads\">ダウンロード：<a id=\"download-xlsx\" href=\"{xlsx}\" download>Excel（XLSX）</a>　<a id=\"download-csv\" href=\"{csv}\" download>CSV</a>　<a id=\"download-ics\" href=\"{calendar}\" download>期限のカレンダー（iCalendar）</a>　<a id=\"download-drafts\" href=\"{drafts}\" download>次期の申請書案（Word、要更新 {report.NeedingRenewal.Count()}件分、ZIP）</a></p>\n");

        var ordered = Order(report.Rows, query.Sort);
        var pageCount = Math.Max(1, (ordered.Count + RenewalPageQuery.PageSize - 1) / RenewalPageQuery.PageSize);
        var rows = ordered.Skip((query.Page - 1) * RenewalPageQuery.PageSize).Take(RenewalPageQuery.PageSize).ToList();
        // Period and history are there for who wants them; unticked, the room goes to 件名 (CSS hides .detail cells).
        html.Append($"<p class=\"view\"><label><input type=\"checkbox\" id=\"show-details\"> 開始時期と期間・経緯の列も表示</label></p>\n");
        html.Append($"<div class=\"report-wrap\"><table class=\"grid report\"><thead><tr>");
        foreach (var (header, css) in Columns)
        {
            var sort = header switch { "次回期限" => RenewalOrder.Due, "保有課" => RenewalOrder.Section, _ => (RenewalOrder?)null };
            var cls = css is null ? SafeHtml.Empty : SafeHtml.Of($" class=\"{css}\"");
            if (sort is { } order)
            {
                var href = (fixedQuery with { Sort = order, Page = 1 }).ToUrl();
                var current = order == query.Sort ? SafeHtml.Of($" aria-sort=\"ascending\"") : SafeHtml.Empty;
                html.Append($"<th scope=\"col\"{cls}{current}><a href=\"{href}\" title=\"{(order == RenewalOrder.Due ? "次回期限の近い順に並べる" : "保有課ごとにまとめる")}\">{header}</a></th>");
            }
            else
            {
                html.Append($"<th scope=\"col\"{cls}>{header}</th>");
            }
        }
        html.Append($"</tr></thead>\n");
        if (query.Sort == RenewalOrder.Section)
        {
            foreach (var group in rows.GroupBy(r => r.OwningSection ?? string.Empty))
            {
                var due = group.Count(r => r.NeedsRenewal);
                var name = group.Key.Length == 0 ? "（保有課不明）" : group.Key;
                html.Append($"<tbody class=\"section\"><tr class=\"group\"><th scope=\"rowgroup\" colspan=\"{Columns.Length}\">{name}<span class=\"count\">{group.Count()}件（要更新 {due}件）</span></th></tr>\n");
                foreach (var row in group)
                    html.Append(Row(row, catalog));
                html.Append($"</tbody>\n");
            }
        }
        else
        {
            html.Append($"<tbody>\n");
            foreach (var row in rows)
                html.Append(Row(row, catalog));
            html.Append($"</tbody>\n");
        }
        html.Append($"</table></div>\n");
        if (rows.Count == 0)
            html.Append($"<p class=\"notice\">該当する取り決めはありません。</p>\n");
        if (pageCount > 1)
        {
            html.Append($"<nav class=\"pager\" aria-label=\"ページ\">");
            for (var page = 1; page <= pageCount; page++)
            {
                var href = (fixedQuery with { Page = page }).ToUrl();
                html.Append(page == query.Page ? SafeHtml.Of($"<span class=\"current\" aria-current=\"page\">{page}</span>") : SafeHtml.Of($"<a href=\"{href}\">{page}</a>"));
            }
            html.Append($"</nav>\n");
        }
        return Layout.Page("更新一覧", html.ToSafeHtml(), "renewals");
    }

    /// <summary>The table's columns and the class their cells carry (the stylesheet sizes and hides by class).</summary>
    private static readonly (string Header, string? Css)[] Columns =
    [
        ("状態", null), ("次回期限", null), ("残日数", null), ("種別", null), ("保有課", null), ("件名", "subject"),
        ("相手方", "partners"), ("会議・資料", "held"), ("開始時期と期間", "detail"), ("判定根拠", "evidence"), ("経緯", "detail"),
    ];

    /// <summary>The rows in the page's order; both orders keep the report's order among equals, so they are stable.</summary>
    internal static IReadOnlyList<RenewalRow> Order(IReadOnlyList<RenewalRow> rows, RenewalOrder order) => order switch
    {
        RenewalOrder.Section => rows.Select((r, i) => (r, i))
            .OrderBy(x => x.r.OwningSection is null ? 1 : 0).ThenBy(x => x.r.OwningSection, StringComparer.Ordinal).ThenBy(x => x.i)
            .Select(x => x.r).ToList(),
        _ => rows.Select((r, i) => (r, i)).OrderBy(x => x.r.NextDue ?? DateOnly.MaxValue).ThenBy(x => x.i).Select(x => x.r).ToList(),
    };

    private static SafeHtml Row(RenewalRow row, CatalogSnapshot catalog)
    {
        var html = new HtmlBuilder();
        var status = row.Status.ToString().ToLowerInvariant();
        var due = row.NextDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var meeting = ReportColumns.Meeting(row);
        html.Append($"<tr class=\"status-{status}\"><td>{ReportColumns.StatusLabel(row.Status)}</td><td>{due}</td><td class=\"number\">{row.DaysLeft}</td>")
            .Append($"<td>{row.SheetType}</td><td>{row.OwningSection}</td><td class=\"subject\">{Link(catalog.FindByPath(row.Path, row.Title), row.Title ?? Path.GetFileName(row.Path), null)}</td>")
            .Append($"<td class=\"partners\">{string.Join("、", row.Partners)}</td>")
            .Append($"<td class=\"held\">{(meeting.Length == 0 ? SafeHtml.Empty : SafeHtml.Of($"<span class=\"meeting\">{meeting}</span>"))}<span class=\"file\" title=\"{row.Path}\">{Path.GetFileName(row.Path)}</span></td>")
            .Append($"<td class=\"detail\">{SafeHtml.Lines(row.PeriodText)}</td><td class=\"evidence\">{row.Evidence}</td><td class=\"detail\">");
        if (row.History.Count > 1)
        {
            html.Append($"<ol class=\"chain\">");
            foreach (var entry in row.History)
            {
                var label = entry.FiscalYear is { } year ? $"{year}年度" : Path.GetFileName(entry.Path);
                html.Append($"<li>{Link(catalog.FindByPath(entry.Path, entry.Title), label, entry.Title)}</li>");
            }
            html.Append($"</ol>");
        }
        return html.Append($"</td></tr>\n").ToSafeHtml();
    }

    /// <summary>A link to the record's page when the index has it, else the text alone.</summary>
    private static SafeHtml Link(SubmissionRecord? record, string text, string? title) => record switch
    {
        null => SafeHtml.Text(text),
        _ when title is null => SafeHtml.Of($"<a href=\"{RecordId.Url(record)}\">{text}</a>"),
        _ => SafeHtml.Of($"<a href=\"{RecordId.Url(record)}\" title=\"{title}\">{text}</a>"),
    };
}
