using System.Net;
using System.Text;
using Ingest.Reports.Renewals;

namespace Ingest.Reports.Export;

/// <summary>A self-contained HTML page (inline style, no scripts or external assets); every text is HTML-escaped.</summary>
public sealed class HtmlReportWriter : IReportWriter
{
    public string Format => "html";
    public string Extension => ".html";

    private const string Style =
        "body{font-family:'Yu Gothic','Meiryo','Noto Sans CJK JP',sans-serif;margin:1.5em}" +
        "table{border-collapse:collapse;font-size:90%}th,td{border:1px solid #999;padding:.25em .5em;vertical-align:top}" +
        "th{background:#eef;position:sticky;top:0}td.num{text-align:right}" +
        "tr.needsRenewal td{background:#fff4e0}tr.replaced td,tr.ended td{color:#777}";

    public void Write(RenewalReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        var title = $"更新対象一覧 {report.FiscalYear.Year}年度";
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html lang=\"ja\"><head><meta charset=\"utf-8\">");
        writer.WriteLine($"<title>{E(title)}</title><style>{Style}</style></head><body>");
        writer.WriteLine($"<h1>{E(title)}</h1>");
        writer.WriteLine($"<p>基準日 {E(report.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))} / {E(ReportColumns.Summary(report))}</p>");
        writer.WriteLine("<table><thead><tr>");
        foreach (var column in ReportColumns.All)
            writer.Write($"<th>{E(column.Header)}</th>");
        writer.WriteLine("</tr></thead><tbody>");
        foreach (var row in report.Rows)
        {
            var css = char.ToLowerInvariant(row.Status.ToString()[0]) + row.Status.ToString()[1..];
            writer.Write($"<tr class=\"{css}\">");
            foreach (var column in ReportColumns.All)
            {
                var cls = column.Kind == ColumnKind.Number ? " class=\"num\"" : string.Empty;
                writer.Write($"<td{cls}>{E(column.Text(row))}</td>");
            }
            writer.WriteLine("</tr>");
        }
        writer.WriteLine("</tbody></table></body></html>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
