using System.Text;
using Ingest.Core.Records;

namespace Ingest.Generator;

/// <summary>The text layouts the archives hold, one per converter family.</summary>
public enum TextLayout
{
    /// <summary>Tab-separated label/value rows, HTML fragments in cells (a word-processor export).</summary>
    TabRows,
    /// <summary>Markdown headings and pipe tables (a document converter).</summary>
    Markdown,
    /// <summary>Running lines, labels wrapped over lines, values wrapped at a column (pdftotext).</summary>
    PdfText,
}

/// <summary>Renders a generated submission as a text dump in one of the layouts.</summary>
public static class SubmissionWriter
{
    public static string Write(SubmissionGenerator.Generated generated, TextLayout layout)
    {
        var r = generated.Expected;
        var text = new StringBuilder();
        var md = layout == TextLayout.Markdown;
        var tab = layout == TextLayout.TabRows;
        text.AppendLine(r.DocumentNumber);
        text.AppendLine();
        text.AppendLine((md ? "# " : string.Empty) + $"{r.Council} {r.DocumentKind}");
        text.AppendLine();
        Row(text, layout, generated.UsesSpacedTitle ? "件 名" : "件名", r.Title!);
        text.AppendLine();
        text.AppendLine("内容は別紙のとおり");
        text.AppendLine();
        text.AppendLine($"{r.Basis!.Instrument}の根拠");
        text.AppendLine();
        if (r.Procedure is not null)
        {
            text.AppendLine(md ? $"**【{r.Procedure}】**" : $"【{r.Procedure}】");
            text.AppendLine();
        }
        text.AppendLine($"◇{r.Basis.Article}（{r.Basis.Text}）");
        text.AppendLine();
        text.AppendLine($"（担当部課：{r.Department}）");
        text.AppendLine();
        text.AppendLine((md ? "## " : string.Empty) + "事業の概要");
        text.AppendLine();
        foreach (var (label, value) in r.Overview)
            Row(text, layout, label, value);
        text.AppendLine();
        foreach (var sheet in generated.Sheets)
        {
            text.AppendLine((md ? "## " : string.Empty) + $"件名 {sheet.Expected.Title}");
            text.AppendLine();
            if (r.PriorApprovals.Count > 0)
            {
                text.AppendLine($"※太字ゴシック(下線)は、{r.PriorApprovals[0].Text}済の内容からの変更箇所");
                text.AppendLine();
            }
            foreach (var (label, value) in sheet.Rows)
                Row(text, layout, label, value);
            text.AppendLine();
        }
        foreach (var checklist in r.Checklists)
        {
            if (layout != TextLayout.PdfText)
            {
                text.AppendLine((md ? "#### " : string.Empty) + "4 " + checklist.Title);
                text.AppendLine();
            }
            if (tab)
                text.AppendLine("\t・対策が可能であれば「○」 ・対策の必要がない場合は「－」\t個人情報保護対策");
            else
                text.AppendLine("・対策が可能であれば「○」・対策の必要がない場合は「－」");
            string? lastGroup = null;
            foreach (var item in checklist.Items)
            {
                var group = $"区が行う個人情報保護対策 【{item.Category}の対策】";
                if (layout == TextLayout.PdfText)
                {
                    text.AppendLine($"{item.Mark} {item.Text}");
                }
                else
                {
                    var first = group == lastGroup ? string.Empty : group;
                    text.AppendLine(md ? $"| {first} | {item.Mark} | {item.Text} |" : $"{first}\t{item.Mark}\t{item.Text}");
                }
                lastGroup = group;
            }
            if (layout == TextLayout.PdfText)
            {
                // pdftotext prints a checklist's title and its party column after the rows.
                text.AppendLine("4 " + checklist.Title);
                text.AppendLine("区が行う情報保護対策");
                foreach (var category in checklist.Items.Select(i => i.Category).Distinct())
                    text.AppendLine($"【{category}の対策】");
            }
            text.AppendLine();
        }
        return text.ToString();
    }

    private static void Row(StringBuilder text, TextLayout layout, string label, string value)
    {
        switch (layout)
        {
            case TextLayout.TabRows:
                text.Append(label).Append('\t').AppendLine(value);
                break;
            case TextLayout.Markdown:
                text.Append("| ").Append(label).Append(" | ").Append(value).AppendLine(" |");
                break;
            default:
                WrapRow(text, label, value);
                break;
        }
    }

    /// <summary>pdftotext's way: a label longer than its column wraps onto following lines; the value wraps at the page column.</summary>
    private static void WrapRow(StringBuilder text, string label, string value)
    {
        const int labelColumn = 9;
        const int valueColumn = 36;
        if (label.Length <= labelColumn)
        {
            var firstLine = value.Length <= valueColumn ? value : value[..valueColumn];
            text.Append(label).Append(' ').AppendLine(firstLine);
            value = value.Length <= valueColumn ? string.Empty : value[valueColumn..];
        }
        else
        {
            for (var i = 0; i < label.Length; i += labelColumn)
                text.AppendLine(label.Substring(i, Math.Min(labelColumn, label.Length - i)));
        }
        for (var i = 0; i < value.Length; i += valueColumn)
            text.AppendLine(value.Substring(i, Math.Min(valueColumn, value.Length - i)));
    }
}
