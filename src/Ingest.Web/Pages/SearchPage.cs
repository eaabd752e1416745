using System.Globalization;
using Ingest.Core.Records;
using Ingest.Index.Search;
using Ingest.Index.Store;
using Ingest.Web.Catalog;
using Ingest.Web.Queries;

namespace Ingest.Web.Pages;

/// <summary>What the search page shows: one page of submissions, the totals and the facet counts.</summary>
public sealed record SearchPageModel
{
    public required SearchQuery Query { get; init; }
    public required IReadOnlyList<SubmissionHit> Hits { get; init; }
    public required int TotalSubmissions { get; init; }
    public required int TotalSheets { get; init; }
    public required FacetCounts Facets { get; init; }
    public required IReadOnlyList<string> Departments { get; init; }
    public required int IndexedSubmissions { get; init; }
    /// <summary>How the query text was read (operators and groups), and whether it was searched as plain words.</summary>
    public string Reading { get; init; } = string.Empty;
    public bool ReadAsPlainWords { get; init; }

    /// <summary>Pages of results (at most <see cref="SearchQuery.MaxPage"/>).</summary>
    public int PageCount => (int)Math.Min(SearchQuery.MaxPage, ((long)TotalSubmissions + SearchQuery.PageSize - 1) / SearchQuery.PageSize);

    /// <summary>True when more submissions match than the pages reach.</summary>
    public bool Truncated => TotalSubmissions > (long)SearchQuery.MaxPage * SearchQuery.PageSize;
}

/// <summary>
/// The search page: a query box and filters, facet links that narrow the search, ranked results grouped by submission
/// with highlighted snippets naming the sheet and field of each hit, and paging.
/// </summary>
internal static class SearchPage
{
    /// <summary>Runs the search for one page: the index filters (department included) and skips to the page itself.</summary>
    public static SearchPageModel Run(IndexStore store, CatalogSnapshot catalog, SearchQuery query)
    {
        var result = store.Search(new SearchRequest
        {
            Query = query.Text,
            YearFrom = query.YearFrom,
            YearTo = query.YearTo,
            SheetType = query.SheetType,
            Partner = query.Partner,
            Department = query.Department,
            Offset = (query.Page - 1) * SearchQuery.PageSize,
            Limit = SearchQuery.PageSize,
        });
        return new SearchPageModel
        {
            Query = query,
            Hits = result.Submissions,
            TotalSubmissions = result.TotalSubmissions,
            TotalSheets = result.TotalSheets,
            Facets = result.Facets,
            Departments = catalog.Departments,
            IndexedSubmissions = catalog.SubmissionCount,
            Reading = result.Reading,
            ReadAsPlainWords = result.ReadAsPlainWords,
        };
    }

    /// <summary>Most facet values listed per facet; the rest are reachable through the filter boxes.</summary>
    public const int MaxFacetValues = 30;

    public static SafeHtml Render(SearchPageModel model)
    {
        var q = model.Query;
        var html = new HtmlBuilder();
        html.Append($"<h1>資料を検索</h1>\n");
        RenderForm(html, model);
        html.Append($"<div class=\"search-layout\">\n<aside class=\"facets\" aria-label=\"絞り込み\">\n");
        RenderFacets(html, model);
        html.Append($"</aside>\n<section class=\"results\" aria-label=\"検索結果\">\n");
        if (model.IndexedSubmissions == 0)
            html.Append($"<p class=\"notice\">索引に資料がありません。<code>ingest import</code> で資料を取り込んでください。</p>\n");
        html.Append($"<p class=\"summary\" id=\"summary\">{model.TotalSubmissions}件の資料（別紙{model.TotalSheets}件）が見つかりました");
        if (model.PageCount > 1)
            html.Append(SafeHtml.Text($"　{q.Page} / {model.PageCount}ページ"));
        html.Append($"</p>\n");
        if (q.Text.Length > 0)
        {
            html.Append(model.ReadAsPlainWords
                ? SafeHtml.Of($"<p class=\"reading notice\" id=\"reading\">検索式の解釈：{model.Reading}</p>\n")
                : SafeHtml.Of($"<p class=\"reading\" id=\"reading\">検索式の解釈：{model.Reading}</p>\n"));
        }
        if (model.Truncated)
            html.Append($"<p class=\"notice\">該当が多いため上位{SearchQuery.MaxPage * SearchQuery.PageSize}件まで表示します。条件を加えて絞り込んでください。</p>\n");
        if (model.Hits.Count == 0 && model.TotalSubmissions > 0)
            html.Append($"<p class=\"notice\">このページには結果がありません。</p>\n");
        html.Append($"<ol class=\"hits\" start=\"{(q.Page - 1) * SearchQuery.PageSize + 1}\">\n");
        foreach (var hit in model.Hits)
            RenderHit(html, hit);
        html.Append($"</ol>\n");
        RenderPager(html, model);
        html.Append($"</section>\n</div>\n");
        return Layout.Page(q.Text.Length > 0 ? $"「{q.Text}」の検索結果" : "検索", html.ToSafeHtml(), "search");
    }

    private static void RenderForm(HtmlBuilder html, SearchPageModel model)
    {
        var q = model.Query;
        html.Append($"<form class=\"search\" method=\"get\" action=\"/\" role=\"search\">\n")
            .Append($"<div class=\"query-row\"><label for=\"q\">検索語</label>")
            .Append($"<input type=\"search\" id=\"q\" name=\"q\" value=\"{q.Text}\" maxlength=\"{QueryText.MaxChars}\"")
            .Append($" placeholder=\"例：J-LIS 暗号化　（空白で区切ると全語を含む資料、&quot;…&quot; で語句）\">")
            .Append($"<button type=\"submit\">検索</button></div>\n")
            .Append($"<details class=\"syntax-help\"><summary>検索式の書き方</summary><ul>")
            .Append($"<li><code>J-LIS 暗号化</code> 空白で区切った語をすべて含む</li>")
            .Append($"<li><code>機構 OR 委託</code>（<code>機構 | 委託</code>）どちらかを含む</li>")
            .Append($"<li><code>-機構</code> <code>-&quot;情報システム機構&quot;</code> その語・語句を含む資料を除く</li>")
            .Append($"<li><code>&quot;特定相手以外&quot;</code> 語句として含む　<code>(暗号化 OR LGWAN) J-LIS</code> 括弧でまとめる</li>")
            .Append($"<li><code>暗号*</code> 「暗号」で始まる語　<code>保有課:戸籍住民課</code> <code>相手方:機構</code> 項目を指定</li>")
            .Append($"<li>書き方が読めないとき（閉じていない括弧など）は、語として検索し、その旨を表示します。</li></ul></details>\n")
            .Append($"<div class=\"filters\">")
            .Append($"<label>年度 <input type=\"number\" name=\"from\" min=\"{SearchQuery.MinYear}\" max=\"{SearchQuery.MaxYear}\" value=\"{q.YearFrom}\" placeholder=\"開始\"></label>")
            .Append($"<label>〜 <input type=\"number\" name=\"to\" min=\"{SearchQuery.MinYear}\" max=\"{SearchQuery.MaxYear}\" value=\"{q.YearTo}\" placeholder=\"終了\"></label>")
            .Append($"<label>別紙の種類 <input type=\"text\" name=\"type\" list=\"types\" value=\"{q.SheetType}\"></label><datalist id=\"types\">");
        foreach (var type in new[] { "外部結合", "電算処理", "委任", "委託", "再委託" })
            html.Append($"<option value=\"{type}\">");
        html.Append($"</datalist><label>相手方 <input type=\"text\" name=\"partner\" value=\"{q.Partner}\"></label><label>担当部課 <select name=\"dept\"><option value=\"\">（すべて）</option>");
        foreach (var department in model.Departments)
        {
            html.Append(department == q.Department
                ? SafeHtml.Of($"<option value=\"{department}\" selected>{department}</option>")
                : SafeHtml.Of($"<option value=\"{department}\">{department}</option>"));
        }
        html.Append($"</select></label>");
        if (q.HasFilters)
            html.Append($"<a class=\"clear\" href=\"/{QueryStrings.Build([("q", q.Text)])}\">絞り込みを解除</a>");
        html.Append($"</div>\n</form>\n");
    }

    private static void RenderFacets(HtmlBuilder html, SearchPageModel model)
    {
        var q = model.Query with { Page = 1 };
        var facets = model.Facets;
        html.Append($"<h2>年度</h2>\n<ul>");
        foreach (var (year, count) in facets.FiscalYear.OrderByDescending(pair => pair.Key).Take(MaxFacetValues))
        {
            var selected = q.YearFrom == year && q.YearTo == year;
            FacetLink(html, q with { YearFrom = year, YearTo = year }, $"{year}年度", count, selected);
        }
        html.Append($"</ul>\n<h2>別紙の種類</h2>\n<ul>");
        foreach (var (type, count) in facets.SheetType.Take(MaxFacetValues))
            FacetLink(html, q with { SheetType = type }, type, count, q.SheetType == type);
        html.Append($"</ul>\n<h2>相手方</h2>\n<ul>");
        foreach (var (partner, count) in facets.Partner.Take(MaxFacetValues))
            FacetLink(html, q with { Partner = partner }, partner, count, q.Partner == partner);
        html.Append($"</ul>\n");
    }

    private static void FacetLink(HtmlBuilder html, SearchQuery target, string label, int count, bool selected)
    {
        var link = SafeHtml.Of($"<a href=\"{target.ToUrl()}\">{label}</a> <span class=\"count\">{count}</span>");
        html.Append(selected ? SafeHtml.Of($"<li class=\"selected\">{link}</li>") : SafeHtml.Of($"<li>{link}</li>"));
    }

    private static void RenderHit(HtmlBuilder html, SubmissionHit hit)
    {
        var record = hit.Record;
        html.Append($"<li class=\"hit\" data-file=\"{Path.GetFileName(record.Source.Path)}\">\n<h2><a href=\"{RecordId.Url(record)}\">{TitleOf(record)}</a></h2>\n<p class=\"meta\">");
        var meta = new List<string>();
        if (record.FiscalYear is { } year)
            meta.Add($"{year}年度");
        if (record.DocumentNumber is { Length: > 0 } number)
            meta.Add(number);
        if (record.Procedure is { Length: > 0 } procedure)
            meta.Add(procedure);
        if (record.Department is { Length: > 0 } department)
            meta.Add(department);
        meta.Add(Path.GetFileName(record.Source.Path));
        html.Append(SafeHtml.Join(SafeHtml.Of($"<span class=\"sep\"> ／ </span>"), meta.Select(SafeHtml.Text))).Append($"</p>\n");
        if (hit.Renditions.Count > 1)
            RenditionList.RenderInline(html, hit.Renditions);
        html.Append($"<ul class=\"sheet-hits\">");
        foreach (var sheet in hit.Sheets)
        {
            // One line per passage: the query terms it shows, so a hit says which words matched where.
            var passages = sheet.Passages.Count > 0 ? sheet.Passages.Select(p => ((string?)p.Label, (Snippet?)p.Snippet, p.Terms)).ToList()
                : [(sheet.Field, sheet.Snippet, (IReadOnlyList<string>)[])];
            foreach (var (label, snippet, terms) in passages)
            {
                html.Append($"<li><span class=\"where\">");
                if (sheet.SheetIndex >= 0)
                    html.Append(SafeHtml.Text($"別紙{sheet.SheetIndex + 1}（{sheet.SheetType}）"));
                else
                    html.Append($"本文");
                if (label is { Length: > 0 } field)
                    html.Append($" ・ <span class=\"field\">{field}</span>");
                html.Append($"</span>");
                if (terms.Count > 0)
                    html.Append($" <span class=\"terms\" title=\"この箇所に現れる検索語\">{string.Join("・", terms)}</span>");
                if (snippet is { } shown)
                    html.Append($" <span class=\"snippet\">{SafeHtml.Snippet(shown)}</span>");
                html.Append($"</li>");
            }
        }
        html.Append($"</ul>\n</li>\n");
    }

    private static void RenderPager(HtmlBuilder html, SearchPageModel model)
    {
        if (model.PageCount <= 1)
            return;
        var q = model.Query;
        html.Append($"<nav class=\"pager\" aria-label=\"ページ\">");
        if (q.Page > 1)
        {
            var previous = (q with { Page = q.Page - 1 }).ToUrl();
            html.Append($"<a rel=\"prev\" href=\"{previous}\">← 前へ</a>");
        }
        // A window of page numbers around the current one keeps the bar short for big result sets.
        var first = Math.Max(1, q.Page - 4);
        var last = Math.Min(model.PageCount, first + 9);
        for (var page = first; page <= last; page++)
        {
            var href = (q with { Page = page }).ToUrl();
            html.Append(page == q.Page ? SafeHtml.Of($"<span class=\"current\" aria-current=\"page\">{page}</span>") : SafeHtml.Of($"<a href=\"{href}\">{page}</a>"));
        }
        if (q.Page < model.PageCount)
        {
            var next = (q with { Page = q.Page + 1 }).ToUrl();
            html.Append($"<a rel=\"next\" href=\"{next}\">次へ →</a>");
        }
        html.Append($"</nav>\n");
    }

    /// <summary>The title shown for a record: its 件名, else its first sheet's, else its file name.</summary>
    public static string TitleOf(SubmissionRecord record) =>
        record.Title is { Length: > 0 } title ? title
        : record.Sheets.FirstOrDefault(sheet => sheet.Title is { Length: > 0 })?.Title
          ?? Path.GetFileName(record.Source.Path);
}
