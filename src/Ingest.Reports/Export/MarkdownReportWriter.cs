using System.Text;
using Ingest.Reports.Renewals;

namespace Ingest.Reports.Export;

/// <summary>A Markdown (GFM) table under a heading; pipes, backslashes and line breaks in cells are escaped.</summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    public string Format => "md";
    public string Extension => ".md";

    public void Write(RenewalReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        var columns = ReportColumns.All;
        writer.WriteLine($"# 更新対象一覧 {report.FiscalYear.Year}年度");
        writer.WriteLine();
        writer.WriteLine($"基準日 {report.AsOf:yyyy-MM-dd} / {ReportColumns.Summary(report)}");
        writer.WriteLine();
        writer.WriteLine("| " + string.Join(" | ", columns.Select(c => Escape(c.Header))) + " |");
        writer.WriteLine("|" + string.Join("|", columns.Select(c => c.Kind == ColumnKind.Number ? "---:" : "---")) + "|");
        foreach (var row in report.Rows)
            writer.WriteLine("| " + string.Join(" | ", columns.Select(c => Escape(c.Text(row)))) + " |");
    }

    internal static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .ReplaceLineEndings("<br>");
}
