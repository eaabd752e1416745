using System.Globalization;
using Ingest.Core.Records;
using Ingest.Index.Search;
using Ingest.Reports.Export;
using Ingest.Reports.History;
using Ingest.Reports.Renewals;
using Ingest.Web.Catalog;

namespace Ingest.Web.Pages;

/// <summary>
/// The record page: the cover, the overview, each sheet as a two-column table in canonical label order with changed fields
/// marked, the checklists as tables, the arrangement's history across years with links, and a link to the source file.
/// </summary>
internal static class RecordPage
{
    /// <summary>Similar submissions listed on a record page.</summary>
    public const int SimilarShown = 5;

    /// <summary>
    /// The page of the submission <paramref name="asked"/> belongs to. When several files carry it, its fields are read from
    /// the most faithful of them (Word, then a digital PDF, a text dump, a scan), and a panel lists every file and the fields
    /// on which they disagree.
    /// </summary>
    public static SafeHtml Render(SubmissionRecord asked, CatalogSnapshot catalog, IReadOnlyList<SimilarSubmission>? similar = null)
    {
        var group = catalog.RenditionsOf(asked);
        var record = group.Preferred;
        var html = new HtmlBuilder();
        html.Append($"<article class=\"record\">\n<h1>{SearchPage.TitleOf(record)}</h1>\n");
        if (group.Renditions.Count > 1)
            RenditionList.RenderPanel(html, group, asked);
        RenderCover(html, record);
        RenderOverview(html, record);
        for (var i = 0; i < record.Sheets.Count; i++)
            RenderSheet(html, record, i, catalog);
        foreach (var checklist in record.Checklists)
            RenderChecklist(html, checklist);
        RenderSimilar(html, similar ?? []);
        html.Append($"</article>\n");
        return Layout.Page(SearchPage.TitleOf(record), html.ToSafeHtml());
    }

    private static void RenderCover(HtmlBuilder html, SubmissionRecord record)
    {
        html.Append($"<section class=\"cover\"><h2>表紙</h2>\n<table class=\"fields\"><tbody>\n");
        Row(html, "会議", record.Council);
        Row(html, "資料の種類", record.DocumentKind);
        Row(html, "諮問・報告", record.Procedure);
        Row(html, "資料番号", record.DocumentNumber);
        Row(html, "件名", record.Title);
        if (record.Basis is { } basis)
            Row(html, $"{basis.Instrument}の根拠", string.Join(" ", new[] { basis.Article, basis.Text }.Where(s => !string.IsNullOrWhiteSpace(s))));
        Row(html, "担当部課", record.Department);
        Row(html, "年度", record.FiscalYear is { } year ? $"{year}年度" : null);
        if (record.PriorApprovals.Count > 0)
            Row(html, "過去の承認", string.Join("\n", record.PriorApprovals.Select(p => p.Text)));
        var source = RecordId.Url(record) + "/source";
        html.Append($"<tr><th scope=\"row\">原本</th><td>{record.Source.Path}<br><a class=\"source\" href=\"{source}\">原本ファイルを開く</a> <span class=\"hash\">SHA-256: {record.Source.Sha256}</span></td></tr>\n");
        if (record.Source.Ocr == true)
            html.Append($"<tr class=\"ocr\"><th scope=\"row\">OCR</th><td>スキャン画像から文字認識で読み取りました（平均信頼度 {(record.Source.OcrConfidence ?? 0).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}）。OCR — please check: 原本と照合してください。</td></tr>\n");
        html.Append($"</tbody></table></section>\n");
    }

    private static void RenderOverview(HtmlBuilder html, SubmissionRecord record)
    {
        if (record.Overview.Count == 0)
            return;
        html.Append($"<section class=\"overview\"><h2>事業の概要</h2>\n<table class=\"fields\"><tbody>\n");
        foreach (var (label, value) in record.Overview)
            Row(html, label, value);
        html.Append($"</tbody></table></section>\n");
    }

    private static void RenderSheet(HtmlBuilder html, SubmissionRecord record, int index, CatalogSnapshot catalog)
    {
        var sheet = record.Sheets[index];
        var changed = new HashSet<string>(sheet.ChangedFields, StringComparer.Ordinal);
        html.Append($"<section class=\"sheet\" id=\"sheet-{index + 1}\"><h2>別紙{index + 1}　{sheet.Type}</h2>\n");
        if (sheet.Title is { Length: > 0 } title)
            html.Append($"<p class=\"sheet-title\">{title}</p>\n");
        if (changed.Count > 0)
            html.Append($"<p class=\"legend\"><span class=\"badge\">変更</span> は前回の承認からの変更箇所です。</p>\n");
        var mappings = sheet.Labels.ToLookup(label => label.Value.Field, StringComparer.Ordinal);
        if (sheet.Labels.Values.Any(m => m.How != LabelHow.Exact))
        {
            html.Append($"<p class=\"legend\"><span class=\"badge inferred\">推定</span> は見出しの意味から対応付けた項目、")
                .Append($"<span class=\"badge unknown\">不明</span> は対応する項目が分からない見出しです（labels.csv で教えられます）。</p>\n");
        }
        html.Append($"<table class=\"fields\"><tbody>\n");
        foreach (var (label, value) in FieldOrder.Sort(sheet.Fields))
        {
            var isChanged = changed.Contains(label);
            var hows = mappings[label].Select(m => m.Value.How).ToHashSet();
            var how = hows.Contains(LabelHow.Unknown) ? LabelHow.Unknown : hows.Contains(LabelHow.Inferred) ? LabelHow.Inferred : LabelHow.Exact;
            var css = string.Join(' ', new[] { isChanged ? "changed" : null, how == LabelHow.Inferred ? "inferred" : how == LabelHow.Unknown ? "unknown" : null }.OfType<string>());
            html.Append(css.Length > 0 ? SafeHtml.Of($"<tr class=\"{css}\"><th scope=\"row\">{label}") : SafeHtml.Of($"<tr><th scope=\"row\">{label}"));
            if (isChanged)
                html.Append($" <span class=\"badge\">変更</span>");
            RenderMapping(html, label, mappings[label]);
            foreach (var mark in sheet.ReviewOf(label))
                html.Append($" <span class=\"badge ocr\">OCR — please check</span><span class=\"written\">{mark.Reason}</span>");
            html.Append($"</th><td>{SafeHtml.Lines(value)}</td></tr>\n");
        }
        if (sheet.Partners.Count > 0)
            Row(html, "相手方（正規化）", string.Join("、", sheet.Partners));
        if (sheet.Period is { } period)
        {
            var words = new List<string> { ReportColumns.RecurrenceLabel(period.Recurrence) };
            if (period.Start is { } start)
                words.Add($"開始 {Date(start)}");
            if (period.End is { } end)
                words.Add($"終了 {Date(end)}");
            if (period.FirstStarted is { } first)
                words.Add($"初回開始 {Date(first)}");
            if (period.Evidence is { Length: > 0 } evidence)
                words.Add($"根拠「{evidence}」");
            Row(html, "期間の読み取り", string.Join("　", words));
        }
        html.Append($"</tbody></table>\n");
        RenderHistory(html, record, index, catalog);
        html.Append($"</section>\n");
    }

    /// <summary>
    /// How a field's label was read, when not from the catalogue: 推定 with the label as written, the confidence and the rule;
    /// 不明 for a label no field was recognised for (shown under its own text).
    /// </summary>
    private static void RenderMapping(HtmlBuilder html, string field, IEnumerable<KeyValuePair<string, LabelMapping>> mappings)
    {
        foreach (var (written, mapping) in mappings)
        {
            switch (mapping.How)
            {
                case LabelHow.Inferred:
                    var confidence = mapping.Confidence.ToString("0.00", CultureInfo.InvariantCulture);
                    html.Append($" <span class=\"badge inferred\" title=\"{mapping.Rule}\">推定</span><span class=\"written\">見出し「{written}」から（確からしさ {confidence}）</span>");
                    break;
                case LabelHow.Unknown:
                    html.Append($" <span class=\"badge unknown\" title=\"{mapping.Rule}\">不明</span>");
                    if (written != field)
                        html.Append($"<span class=\"written\">見出し「{written}」</span>");
                    break;
            }
        }
    }

    private static void RenderHistory(HtmlBuilder html, SubmissionRecord record, int index, CatalogSnapshot catalog)
    {
        // The page shows its submission's most faithful file (Render), the one the history holds it by: no rendition key
        // to hash per arrangement.
        var arrangement = catalog.History.Arrangements.FirstOrDefault(a =>
            a.SheetIndex == index && a.Submission.Ordinal == record.Ordinal && a.Submission.Source.Sha256 == record.Source.Sha256);
        if (arrangement is null)
            return;
        var chain = catalog.History.ChainOf(arrangement);
        if (chain.Count <= 1)
            return;
        html.Append($"<div class=\"history\"><h3>この取り決めの経緯</h3>\n<ol>");
        foreach (var step in chain)
        {
            var isThis = step.Id == arrangement.Id;
            var link = catalog.History.PredecessorOf(step);
            var year = step.FiscalYear is { } fiscalYear ? $"{fiscalYear}年度　" : string.Empty;
            var text = step.Title ?? Path.GetFileName(step.Path);
            var href = RecordId.Url(step.Submission) + $"#sheet-{step.SheetIndex + 1}";
            html.Append(isThis
                ? SafeHtml.Of($"<li class=\"this\">{year}<strong>{text}</strong>（この資料）")
                : SafeHtml.Of($"<li>{year}<a href=\"{href}\">{text}</a>"));
            if (link is not null)
                html.Append($" <span class=\"evidence\">（{ReasonLabel(link.Reason)}：{link.Evidence}）</span>");
            html.Append($"</li>");
        }
        html.Append($"</ol>");
        RenderTerms(html, TermHistories.Of(catalog.History, arrangement));
        html.Append($"</div>\n");
    }

    /// <summary>
    /// The terms side by side, one column each, oldest first: the partners and every field that changed somewhere in
    /// the history; each later term's cell is its difference from the term before (removed words struck, added ones
    /// underlined), marked 明示 where the form itself marks the change.
    /// </summary>
    private static void RenderTerms(HtmlBuilder html, TermHistory history)
    {
        var labels = history.ChangedLabels;
        var partnersChanged = history.Changes.Any(c => c.PartnersAdded.Count > 0 || c.PartnersRemoved.Count > 0);
        if (labels.Count == 0 && !partnersChanged)
        {
            html.Append($"<p class=\"notice\">各年度の内容に違いはありません。</p>");
            return;
        }
        html.Append($"<div class=\"terms-wrap\"><table class=\"grid terms\"><caption>年度ごとの内容と変更点</caption><thead><tr><th scope=\"col\">項目</th>");
        foreach (var term in history.Terms)
        {
            var year = term.FiscalYear is { } y ? $"{y}年度" : "年度不明";
            html.Append($"<th scope=\"col\">{year}<span class=\"file\">{Path.GetFileName(term.Path)}</span></th>");
        }
        html.Append($"</tr></thead><tbody>\n");
        if (partnersChanged)
        {
            html.Append($"<tr><th scope=\"row\">相手方</th><td>{string.Join("、", history.Terms[0].Partners)}</td>");
            foreach (var change in history.Changes)
            {
                var kept = change.Later.Partners.Where(p => !change.PartnersAdded.Contains(p));
                html.Append($"<td>{string.Join("、", kept)}");
                foreach (var gone in change.PartnersRemoved)
                    html.Append($" <del>{gone}</del>");
                foreach (var come in change.PartnersAdded)
                    html.Append($" <ins>{come}</ins>");
                html.Append($"</td>");
            }
            html.Append($"</tr>\n");
        }
        foreach (var label in labels)
        {
            html.Append($"<tr><th scope=\"row\">{label}</th><td>{SafeHtml.Lines(TermHistories.ValueOf(history.Terms[0], label))}</td>");
            foreach (var change in history.Changes)
            {
                var field = change.Fields.FirstOrDefault(f => f.Label == label);
                if (field is null)
                {
                    html.Append($"<td class=\"same\">（変更なし）</td>");
                    continue;
                }
                html.Append($"<td class=\"diff\">");
                if (field.Source != ChangeSource.TextOnly)
                    html.Append($"<span class=\"badge\" title=\"この年度の様式が変更箇所として示しています\">明示</span> ");
                foreach (var piece in field.Diff)
                {
                    html.Append(piece.Kind switch
                    {
                        DiffKind.Removed => SafeHtml.Of($"<del>{piece.Text}</del>"),
                        DiffKind.Added => SafeHtml.Of($"<ins>{piece.Text}</ins>"),
                        _ => SafeHtml.Text(piece.Text),
                    });
                }
                html.Append($"</td>");
            }
            html.Append($"</tr>\n");
        }
        html.Append($"</tbody></table></div>");
    }

    /// <summary>Past submissions most like this one, with the words they share, so a clerk finds the precedent wording.</summary>
    private static void RenderSimilar(HtmlBuilder html, IReadOnlyList<SimilarSubmission> similar)
    {
        if (similar.Count == 0)
            return;
        html.Append($"<section class=\"similar\" id=\"similar\"><h2>類似の資料</h2>\n<ol>");
        foreach (var item in similar)
        {
            var year = item.Record.FiscalYear is { } fiscalYear ? $"{fiscalYear}年度　" : string.Empty;
            html.Append($"<li>{year}<a href=\"{RecordId.Url(item.Record)}\">{SearchPage.TitleOf(item.Record)}</a>");
            if (item.SharedTerms.Count > 0)
                html.Append($" <span class=\"terms\">共通する語：{string.Join("・", item.SharedTerms)}</span>");
            html.Append($"</li>");
        }
        html.Append($"</ol></section>\n");
    }

    private static void RenderChecklist(HtmlBuilder html, Checklist checklist)
    {
        html.Append($"<section class=\"checklist\"><h2>{checklist.Title}</h2>\n<table class=\"grid\"><thead><tr><th scope=\"col\">対策を行う者</th><th scope=\"col\">区分</th><th scope=\"col\">対策</th><th scope=\"col\">実施</th></tr></thead><tbody>\n");
        foreach (var item in checklist.Items)
        {
            html.Append($"<tr><td>{item.Party}</td><td>{item.Category}</td><td>{SafeHtml.Lines(item.Text)}</td><td class=\"mark\">{item.Mark}</td></tr>\n");
        }
        html.Append($"</tbody></table></section>\n");
    }

    private static void Row(HtmlBuilder html, string label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return;
        html.Append($"<tr><th scope=\"row\">{label}</th><td>{SafeHtml.Lines(value)}</td></tr>\n");
    }

    private static string ReasonLabel(LinkReason reason) => reason switch
    {
        LinkReason.PriorApproval => "承認済み事項の引用",
        LinkReason.ChangeNotice => "変更の届出",
        _ => "同じ取り決めの再提出",
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
