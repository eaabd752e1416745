using System.Text;
using Ingest.Reports.Renewals;
using Ingest.Core.Diagnostics;

namespace Ingest.Reports.Export;

/// <summary>Aligned columns for a terminal, wide (CJK) characters counted as two cells; long cells are cut with …</summary>
public sealed class TableReportWriter : IReportWriter
{
    /// <summary>Widest a column grows, in terminal cells, before its text is cut.</summary>
    public const int MaxColumnWidth = 48;

    public string Format => "table";
    public string Extension => ".txt";

    public void Write(RenewalReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        var columns = ReportColumns.Terminal;
        var cells = report.Rows.Select(r => columns.Select(c => Cut(OneLine(c.Text(r)), c.KeepEnd)).ToArray()).ToList();
        var widths = columns.Select((c, i) => Math.Max(ReportColumns.DisplayWidth(c.Header),
            cells.Count == 0 ? 0 : cells.Max(row => ReportColumns.DisplayWidth(row[i])))).ToArray();

        writer.WriteLine($"更新対象: {report.FiscalYear.Year}年度 (基準日 {report.AsOf:yyyy-MM-dd}) {ReportColumns.Summary(report)}");
        WriteLine(writer, columns.Select(c => c.Header).ToArray(), widths, columns);
        writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))).TrimEnd());
        foreach (var row in cells)
            WriteLine(writer, row, widths, columns);
    }

    private static void WriteLine(StreamWriter writer, string[] cells, int[] widths, IReadOnlyList<ReportColumn> columns)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            var pad = widths[i] - ReportColumns.DisplayWidth(cells[i]);
            if (i > 0) line.Append("  ");
            // Numbers right-aligned, everything else left.
            if (columns[i].Kind == ColumnKind.Number) line.Append(' ', pad).Append(cells[i]);
            else line.Append(cells[i]).Append(' ', pad);
        }
        writer.WriteLine(line.ToString().TrimEnd());
    }

    /// <summary>A cell on one line: line breaks become spaces, other control characters visible escapes (the table is for a terminal).</summary>
    private static string OneLine(string text) => ConsoleText.Escape(text.ReplaceLineEndings(" "));

    private static string Cut(string text, bool keepEnd)
    {
        if (ReportColumns.DisplayWidth(text) <= MaxColumnWidth)
            return text;
        var runes = text.EnumerateRunes().ToList();
        if (keepEnd)
            runes.Reverse();
        var builder = new List<Rune>();
        var width = 0;
        foreach (var rune in runes)
        {
            var w = ReportColumns.DisplayWidth(rune.ToString());
            if (width + w > MaxColumnWidth - 1)
                break;
            builder.Add(rune);
            width += w;
        }
        if (keepEnd)
            builder.Reverse();
        var kept = string.Concat(builder.Select(r => r.ToString()));
        return keepEnd ? "…" + kept : kept + "…";
    }
}
