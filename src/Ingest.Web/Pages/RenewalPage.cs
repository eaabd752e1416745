using System.Globalization;
using System.Text;
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
    /// <summary>Builds the report the page and the downloads show, from the history the catalog linked for this commit.</summary>
    public static RenewalReport Build(CatalogSnapshot catalog, RenewalPageQuery query, TimeProvider clock)
    {
        var asOf = query.AsOf ?? RenewalQuery.Today(clock).AsOf;
        return RenewalReportBuilder.Build(catalog.History, new RenewalQuery { AsOf = asOf, SheetType = query.SheetType });
    }

    public static string Render(RenewalReport report, RenewalPageQuery query, CatalogSnapshot catalog)
    {
        var asOf = report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var fixedQuery = query with { AsOf = report.AsOf };
        var html = new StringBuilder();
        html.Append("<h1>更新が必要な取り決め</h1>\n")
            .Append("<form class=\"renewal\" method=\"get\" action=\"/renewals\">")
            .Append("<label>基準日 <input type=\"date\" name=\"asof\" value=\"").Append(asOf).Append("\"></label>")
            .Append("<label>種別 <select name=\"type\"><option value=\"\">（すべて）</option>");
        foreach (var type in ArrangementKinds.Filterable)
        {
            html.Append("<option value=\"").Append(Html.Encode(type)).Append('"').Append(type == query.SheetType ? " selected" : string.Empty)
                .Append('>').Append(Html.Encode(type)).Append("</option>");
        }
        html.Append("</select></label><button type=\"submit\">表示</button></form>\n");

        html.Append("<p class=\"summary\" id=\"summary\">")
            .Append(Html.Encode($"基準日 {asOf}（{report.FiscalYear.Year}年度）：要更新 {report.NeedingRenewal.Count()}件 ／ 要確認 {report.NeedingReview.Count()}件 ／ 全{report.Rows.Count}件"))
            .Append("</p>\n<p class=\"downloads\">ダウンロード：<a id=\"download-xlsx\" href=\"").Append(Html.Encode(fixedQuery.ToUrl("/renewals.xlsx", withPage: false)))
            .Append("\" download>Excel（XLSX）</a>　<a id=\"download-csv\" href=\"").Append(Html.Encode(fixedQuery.ToUrl("/renewals.csv", withPage: false)))
            .Append("\" download>CSV</a></p>\n");

        var pageCount = Math.Max(1, (report.Rows.Count + RenewalPageQuery.PageSize - 1) / RenewalPageQuery.PageSize);
        var rows = report.Rows.Skip((query.Page - 1) * RenewalPageQuery.PageSize).Take(RenewalPageQuery.PageSize).ToList();
        html.Append("<table class=\"grid report\"><thead><tr>");
        foreach (var header in new[] { "状態", "次回期限", "残日数", "種別", "保有課", "件名", "相手方", "開始時期と期間", "判定根拠", "経緯" })
            html.Append("<th scope=\"col\">").Append(Html.Encode(header)).Append("</th>");
        html.Append("</tr></thead><tbody>\n");
        foreach (var row in rows)
            RenderRow(html, row, catalog);
        html.Append("</tbody></table>\n");
        if (rows.Count == 0)
            html.Append("<p class=\"notice\">該当する取り決めはありません。</p>\n");
        if (pageCount > 1)
        {
            html.Append("<nav class=\"pager\" aria-label=\"ページ\">");
            for (var page = 1; page <= pageCount; page++)
            {
                if (page == query.Page)
                    html.Append("<span class=\"current\" aria-current=\"page\">").Append(page).Append("</span>");
                else
                    html.Append("<a href=\"").Append(Html.Encode((fixedQuery with { Page = page }).ToUrl())).Append("\">").Append(page).Append("</a>");
            }
            html.Append("</nav>\n");
        }
        return Layout.Page("更新一覧", html.ToString(), "renewals");
    }

    private static void RenderRow(StringBuilder html, RenewalRow row, CatalogSnapshot catalog)
    {
        html.Append("<tr class=\"status-").Append(row.Status.ToString().ToLowerInvariant()).Append("\">")
            .Append("<td>").Append(Html.Encode(ReportColumns.StatusLabel(row.Status))).Append("</td>")
            .Append("<td>").Append(Html.Encode(row.NextDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).Append("</td>")
            .Append("<td class=\"number\">").Append(row.DaysLeft?.ToString(CultureInfo.InvariantCulture)).Append("</td>")
            .Append("<td>").Append(Html.Encode(row.SheetType)).Append("</td>")
            .Append("<td>").Append(Html.Encode(row.OwningSection)).Append("</td><td>");
        var record = catalog.FindByPath(row.Path, row.Title);
        var title = Html.Encode(row.Title ?? Path.GetFileName(row.Path));
        if (record is not null)
            html.Append("<a href=\"").Append(Html.Encode(RecordId.Url(record))).Append("\">").Append(title).Append("</a>");
        else
            html.Append(title);
        html.Append("</td><td>").Append(Html.Encode(string.Join("、", row.Partners))).Append("</td>")
            .Append("<td>").Append(Html.Lines(row.PeriodText)).Append("</td>")
            .Append("<td class=\"evidence\">").Append(Html.Encode(row.Evidence)).Append("</td><td>");
        if (row.History.Count > 1)
        {
            html.Append("<ol class=\"chain\">");
            foreach (var entry in row.History)
            {
                var label = Html.Encode(entry.FiscalYear is { } year ? $"{year}年度" : Path.GetFileName(entry.Path));
                var target = catalog.FindByPath(entry.Path, entry.Title);
                html.Append("<li>");
                if (target is not null)
                    html.Append("<a href=\"").Append(Html.Encode(RecordId.Url(target))).Append("\" title=\"").Append(Html.Encode(entry.Title)).Append("\">").Append(label).Append("</a>");
                else
                    html.Append(label);
                html.Append("</li>");
            }
            html.Append("</ol>");
        }
        html.Append("</td></tr>\n");
    }
}
