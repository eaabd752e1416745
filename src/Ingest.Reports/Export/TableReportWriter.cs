using System.Text;
using Ingest.Reports.Renewals;
using Ingest.Core.Diagnostics;

namespace Ingest.Reports.Export;

/// <summary>
/// Aligned columns for a terminal, wide (CJK) characters counted as two cells; long cells are cut with …. Given the
/// terminal's width, the table fits it: the columns that hold prose (件名, 相手方, 判定根拠, 資料, 状態) give up width first, then
/// 判定根拠 and 残日数 are left out, and below that each row becomes a short block of lines (the compact layout).
/// </summary>
public sealed class TableReportWriter(int? width = null) : IReportWriter
{
    /// <summary>Widest a column grows, in terminal cells, before its text is cut.</summary>
    public const int MaxColumnWidth = 48;

    /// <summary>Narrowest a terminal is taken to be; anything smaller is treated as this.</summary>
    public const int MinWidth = 40;

    private const string Gap = "  ";

    /// <summary>The narrowest each prose column is cut to before a column is left out.</summary>
    private static readonly Dictionary<string, int> _proseMinimum = new(StringComparer.Ordinal)
    {
        ["状態"] = 8, ["件名"] = 24, ["相手方"] = 12, ["判定根拠"] = 16, ["資料"] = 12, ["保有課"] = 10,
    };

    /// <summary>Columns left out, in this order, when the prose columns are at their narrowest and it still does not fit.</summary>
    private static readonly string[] _dropOrder = ["判定根拠", "残日数"];

    /// <summary>The terminal's width in cells, or null for no limit (a file, a pipe).</summary>
    public int? Width { get; } = width is { } w ? Math.Max(w, MinWidth) : null;

    public string Format => "table";
    public string Extension => ".txt";

    public void Write(RenewalReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        writer.WriteLine(Cut($"更新対象: {report.FiscalYear.Year}年度 (基準日 {report.AsOf:yyyy-MM-dd}) {ReportColumns.Summary(report)}", Width ?? int.MaxValue, false));

        var columns = ReportColumns.Terminal.ToList();
        // Each cell's text and width are made once: a report over a large archive has tens of thousands of rows.
        var texts = new List<Cell[]>(report.Rows.Count);
        foreach (var row in report.Rows)
        {
            var cells = new Cell[columns.Count];
            for (var i = 0; i < cells.Length; i++)
                cells[i] = new Cell(OneLine(columns[i].Text(row)));
            texts.Add(cells);
        }
        var widths = new List<int>(columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            var widest = ReportColumns.DisplayWidth(columns[i].Header);
            foreach (var cells in texts)
                widest = Math.Max(widest, cells[i].Width);
            widths.Add(Math.Min(MaxColumnWidth, widest));
        }

        if (Width is { } limit && !Fit(columns, texts, widths, limit))
        {
            WriteCompact(writer, report, limit);
            return;
        }
        WriteLine(writer, [.. columns.Select(c => new Cell(c.Header))], widths, columns);
        writer.WriteLine(string.Join(Gap, widths.Select(w => new string('-', w))).TrimEnd());
        foreach (var cells in texts)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                if (cells[i].Width > widths[i])
                    cells[i] = new Cell(Cut(cells[i].Text, widths[i], columns[i].KeepEnd));
            }
            WriteLine(writer, cells, widths, columns);
        }
    }

    /// <summary>A cell's text on one line and the terminal cells it takes.</summary>
    private readonly record struct Cell(string Text, int Width)
    {
        public Cell(string text) : this(text, ReportColumns.DisplayWidth(text)) { }
    }

    /// <summary>
    /// Narrows the prose columns, widest first, down to their minimums; when that is not enough, leaves the next column of
    /// the drop order out and starts again from the natural widths (so the columns kept get the room it had). False when
    /// even the last table is too wide.
    /// </summary>
    private static bool Fit(List<ReportColumn> columns, List<Cell[]> texts, List<int> widths, int limit)
    {
        var natural = widths.ToList();
        var drops = new Queue<string>(_dropOrder);
        while (true)
        {
            widths.Clear();
            widths.AddRange(natural);
            if (Shrink(columns, widths, limit))
                return true;
            if (drops.Count == 0)
                return false;
            var dropped = drops.Dequeue();
            var drop = columns.FindIndex(c => c.Header == dropped);
            if (drop < 0)
                continue;
            columns.RemoveAt(drop);
            natural.RemoveAt(drop);
            for (var r = 0; r < texts.Count; r++)
                texts[r] = [.. texts[r][..drop], .. texts[r][(drop + 1)..]];
        }
    }

    private static bool Shrink(List<ReportColumn> columns, List<int> widths, int limit)
    {
        var total = widths.Sum() + Gap.Length * (widths.Count - 1);
        while (total > limit)
        {
            var candidate = -1;
            for (var i = 0; i < columns.Count; i++)
            {
                if (_proseMinimum.TryGetValue(columns[i].Header, out var min) && widths[i] > min && (candidate < 0 || widths[i] > widths[candidate]))
                    candidate = i;
            }
            if (candidate < 0)
                return false;
            widths[candidate]--;
            total--;
        }
        return true;
    }

    /// <summary>
    /// A terminal too narrow for a table: each row a block — status, due date, days, kind and section on its first line,
    /// 件名 on the second, partners and the file on the third — every line cut to the width.
    /// </summary>
    private static void WriteCompact(StreamWriter writer, RenewalReport report, int limit)
    {
        foreach (var row in report.Rows)
        {
            var due = row.NextDue is { } d ? $" {d:yyyy-MM-dd}" : string.Empty;
            var days = row.DaysLeft is { } n ? $" (残{n}日)" : string.Empty;
            writer.WriteLine(Cut(OneLine($"{ReportColumns.StatusLabel(row.Status)}{due}{days} {row.SheetType} {row.OwningSection}"), limit, false));
            writer.WriteLine(Cut(OneLine($"  {row.Title}"), limit, false));
            // The file keeps what room it needs (its name's end tells rows apart); the partners get the rest.
            var where = Cut(OneLine($"{ReportColumns.Meeting(row)} {Path.GetFileName(row.Path)}".Trim()), (limit - 2) * 2 / 3, true);
            var partners = Cut(OneLine(string.Join("、", row.Partners)), Math.Max(1, limit - 2 - 3 - ReportColumns.DisplayWidth(where)), false);
            writer.WriteLine($"  {partners} | {where}");
        }
    }

    private static void WriteLine(StreamWriter writer, Cell[] cells, IReadOnlyList<int> widths, IReadOnlyList<ReportColumn> columns)
    {
        var line = _line.Value!.Clear();
        for (var i = 0; i < cells.Length; i++)
        {
            var pad = widths[i] - cells[i].Width;
            if (i > 0) line.Append(Gap);
            // Numbers right-aligned, everything else left.
            if (columns[i].Kind == ColumnKind.Number) line.Append(' ', pad).Append(cells[i].Text);
            else line.Append(cells[i].Text).Append(' ', pad);
        }
        while (line.Length > 0 && char.IsWhiteSpace(line[^1]))
            line.Length--;
        writer.Write(line);
        writer.WriteLine();
    }

    // One line buffer reused for every row (a report may have tens of thousands).
    private static readonly ThreadLocal<StringBuilder> _line = new(() => new StringBuilder(256));

    /// <summary>A cell on one line: line breaks become spaces, other control characters visible escapes (the table is for a terminal).</summary>
    private static string OneLine(string text) => ConsoleText.Escape(text.ReplaceLineEndings(" "));

    /// <summary>The text cut to <paramref name="width"/> cells with …, keeping its end when <paramref name="keepEnd"/>.</summary>
    private static string Cut(string text, int width, bool keepEnd)
    {
        if (ReportColumns.DisplayWidth(text) <= width)
            return text;
        // Whole letters only, and room for the ellipsis; sliced from the text rather than rebuilt letter by letter, since a
        // large report cuts tens of thousands of cells.
        var room = width - 1;
        var used = 0;
        if (!keepEnd)
        {
            var end = 0;
            foreach (var rune in text.EnumerateRunes())
            {
                var w = ReportColumns.DisplayWidth(rune);
                if (used + w > room)
                    break;
                used += w;
                end += rune.Utf16SequenceLength;
            }
            return string.Concat(text.AsSpan(0, end), "…");
        }
        var start = text.Length;
        while (start > 0)
        {
            Rune.DecodeLastFromUtf16(text.AsSpan(0, start), out var rune, out var consumed);
            var w = ReportColumns.DisplayWidth(rune);
            if (used + w > room)
                break;
            used += w;
            start -= consumed;
        }
        return string.Concat("…", text.AsSpan(start));
    }
}
