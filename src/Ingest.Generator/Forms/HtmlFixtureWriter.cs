using System.Net;
using System.Text;

namespace Ingest.Generator.Forms;

/// <summary>
/// The printed page of an HTML fixture: CSS page size (<c>A4</c>, <c>letter</c>), margin in millimetres and font family.
/// IPAex fonts map the Kangxi radicals to the glyphs of ordinary kanji, so a browser's PDF of them carries ⼾ for 戸.
/// </summary>
public sealed record HtmlPageSetup(string Size, int MarginMm, string Font)
{
    /// <summary>The first Chromium fixtures' page: A4, 18 mm, IPA Gothic.</summary>
    public static HtmlPageSetup Default { get; } = new("A4", 18, "IPAGothic");
}

/// <summary>Writes fixture blocks as an HTML page with bordered tables, for a browser's print-to-PDF (a second PDF producer).</summary>
public static class HtmlFixtureWriter
{
    public static void Write(string path, IReadOnlyList<FixtureBlock> blocks, HtmlPageSetup? page = null)
    {
        page ??= HtmlPageSetup.Default;
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><style>");
        html.AppendLine($"@page {{ size: {page.Size}; margin: {page.MarginMm}mm; }} body {{ font-family: '{page.Font}'; font-size: 10.5pt; }}");
        html.AppendLine("table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt; } td { border: 0.75pt solid #000; padding: 2pt 5pt; vertical-align: top; }");
        html.AppendLine("h2 { font-size: 12pt; margin: 8pt 0 4pt; } p { margin: 0; } .right { text-align: right; } .break { break-before: page; }");
        html.AppendLine("</style></head><body>");
        foreach (var block in blocks)
        {
            switch (block)
            {
                case FixtureParagraph p:
                    var classes = string.Join(' ', new[] { p.Right ? "right" : null, p.PageBreakBefore ? "break" : null }.Where(c => c is not null));
                    var tag = p.Heading ? "h2" : "p";
                    html.Append('<').Append(tag).Append(classes.Length > 0 ? $" class=\"{classes}\"" : string.Empty).Append('>')
                        .Append(WebUtility.HtmlEncode(p.Text)).Append("</").Append(tag).AppendLine(">");
                    break;
                case FixtureTable t:
                    html.Append("<table><colgroup>");
                    foreach (var w in t.Widths)
                        html.Append($"<col style=\"width:{w * 100:0.#}%\">");
                    html.AppendLine("</colgroup>");
                    foreach (var row in t.Rows)
                    {
                        html.Append("<tr>");
                        foreach (var cell in row.Where(c => !c.Covered))
                        {
                            var text = WebUtility.HtmlEncode(cell.Text);
                            html.Append(cell.RowSpan > 1 ? $"<td rowspan=\"{cell.RowSpan}\">" : "<td>")
                                .Append(cell.Marked ? $"<b><u>{text}</u></b>" : text).Append("</td>");
                        }
                        html.AppendLine("</tr>");
                    }
                    html.AppendLine("</table>");
                    break;
            }
        }
        html.AppendLine("</body></html>");
        File.WriteAllText(path, html.ToString(), new UTF8Encoding(false));
    }
}
