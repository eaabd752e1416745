using Ingest.Core.Records;
using Ingest.Core.Records.Renditions;
using Ingest.Web.Catalog;

namespace Ingest.Web.Pages;

/// <summary>The files that carry one submission (its renditions), on a search hit and on the record page.</summary>
internal static class RenditionList
{
    /// <summary>How a file's format is named on the page: what the clerk knows it as, and a scan as a scan.</summary>
    public static string FormatName(SourceInfo source) =>
        source.Ocr == true ? SourceFormat.ScanDisplayName : SourceFormat.Named(source.Format)?.DisplayName ?? source.Format;

    /// <summary>More files than this under a hit are folded into a summary by format, so they do not push the passages away.</summary>
    internal const int InlineFileLimit = 3;

    /// <summary>Under a search hit: each file, linked to its record page; many files are folded behind their count by format.</summary>
    public static void RenderInline(HtmlBuilder html, IReadOnlyList<SubmissionRecord> renditions)
    {
        var links = SafeHtml.Join(SafeHtml.Of($"、"), renditions.Select(rendition => SafeHtml.Of(
            $"<a href=\"{RecordId.Url(rendition)}/source\" title=\"{rendition.Source.Path}\">{FormatName(rendition.Source)} {Path.GetFileName(rendition.Source.Path)}</a>")));
        if (renditions.Count <= InlineFileLimit)
        {
            html.Append($"<p class=\"renditions\">{renditions.Count}件のファイル：").Append(links).Append($"</p>\n");
            return;
        }
        var byFormat = string.Join("・", renditions
            .GroupBy(rendition => FormatName(rendition.Source))
            .Select(group => $"{group.Key} {group.Count()}"));
        html.Append($"<details class=\"renditions\"><summary>{renditions.Count}件のファイル（{byFormat}）</summary><p>")
            .Append(links).Append($"</p></details>\n");
    }

    /// <summary>
    /// The record page's panel: every file with its format, which one the fields are read from, the fields read from
    /// another file (the most faithful lacked them), and the fields on which the files disagree.
    /// </summary>
    public static void RenderPanel(HtmlBuilder html, RenditionGroup group, SubmissionRecord asked)
    {
        var preferred = group.Preferred;
        html.Append($"<section class=\"renditions\" id=\"renditions\"><h2>この資料のファイル（{group.Renditions.Count}件）</h2>\n");
        html.Append($"<p class=\"legend\">同じ資料を収めたファイルです。項目は最も原本に近いファイル（Word・Excel などの原本 → PDF → テキスト → スキャン）から表示しています。</p>\n<ul>");
        foreach (var rendition in group.Renditions)
        {
            var notes = new List<string>();
            if (rendition == preferred)
                notes.Add("表示中の項目の出典");
            if (rendition == asked && rendition != preferred)
                notes.Add("開いたファイル");
            var note = notes.Count == 0 ? string.Empty : $"（{string.Join("・", notes)}）";
            html.Append($"<li><span class=\"format\">{FormatName(rendition.Source)}</span> <a href=\"{RecordId.Url(rendition)}/source\">{rendition.Source.Path}</a>{note}</li>");
        }
        html.Append($"</ul>\n");
        var fields = FieldProvenance.Of(group);
        var borrowed = fields.Where(field => field.From != preferred).ToList();
        if (borrowed.Count > 0)
        {
            html.Append($"<p>次の項目は他のファイルから補いました：</p><ul class=\"borrowed\">");
            foreach (var field in borrowed)
                html.Append($"<li>{field.Scope}・{field.Label}（{FormatName(field.From.Source)} {Path.GetFileName(field.From.Source.Path)}）</li>");
            html.Append($"</ul>\n");
        }
        var disagreements = fields.Where(field => field.Disagreeing.Count > 0).ToList();
        if (disagreements.Count > 0)
        {
            html.Append($"<h3>ファイルによって読み取りが異なる項目</h3>\n<table class=\"grid disagreements\"><thead><tr><th scope=\"col\">項目</th><th scope=\"col\">ファイル</th><th scope=\"col\">値</th></tr></thead><tbody>\n");
            foreach (var field in disagreements)
            {
                html.Append($"<tr><td>{field.Scope}・{field.Label}</td><td>{FormatName(field.From.Source)} {Path.GetFileName(field.From.Source.Path)}（表示）</td><td>{SafeHtml.Lines(field.Value)}</td></tr>\n");
                foreach (var other in field.Disagreeing)
                    html.Append($"<tr><td></td><td>{FormatName(other.Rendition.Source)} {Path.GetFileName(other.Rendition.Source.Path)}</td><td>{SafeHtml.Lines(other.Value ?? "（なし）")}</td></tr>\n");
            }
            html.Append($"</tbody></table>\n");
        }
        html.Append($"</section>\n");
    }
}
