using System.CommandLine;
using System.Globalization;
using System.Text;
using Ingest.Core.Records;
using Ingest.Index.Store;
using Ingest.Reports.Export;
using Ingest.Reports.Labels;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest labels [--index DIR] [--unknown] [--json]</c>: every label of the archive's sheets with the field it maps to,
/// how (exact, inferred with its confidence, unknown), how many sheets carry it and example files; the unknown ones first,
/// so staff see what to teach in <c>labels.csv</c>.
/// </summary>
internal static class LabelsCommand
{
    /// <summary>Widest a label or field column grows before it is cut with …; the table fits a 100-column terminal.</summary>
    private const int MaxTextWidth = 30;

    /// <summary>The terminal width the table is laid out for.</summary>
    private const int TerminalWidth = 100;

    public static Command Create()
    {
        var index = new Option<string?>("--index") { Description = $"Index folder (default: ./{IndexStore.DefaultFolderName})." };
        var unknown = new Option<bool>("--unknown") { Description = "Only the labels no field was recognised for." };
        var json = new Option<bool>("--json") { Description = "Print the list as JSON." };
        var command = new Command("labels", "List every sheet label in the archive and how it maps to a field.") { index, unknown, json };
        command.SetAction(parse => Run(parse.GetValue(index), parse.GetValue(unknown), parse.GetValue(json), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Prints the labels; 0 when listed, 1 when the folder holds no index, 2 when there is no folder.</summary>
    internal static int Run(string? indexDirectory, bool onlyUnknown, bool json, TextWriter output, TextWriter errors)
    {
        var directory = indexDirectory ?? IndexStore.DefaultDirectory;
        if (IndexFolder.Refuse(directory, errors) is { } refused)
            return refused;
        LabelUsage usage;
        using (var store = IndexStore.Open(directory))
            usage = LabelUsage.From(store.AllRecords());
        var shown = onlyUnknown ? usage.Labels.Where(l => l.How == LabelHow.Unknown).ToList() : usage.Labels.ToList();
        if (json)
        {
            output.WriteLine(RecordJson.Serialize(shown));
            return 0;
        }
        int Count(LabelHow how) => usage.Labels.Count(l => l.How == how);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{usage.Labels.Count} labels over {usage.Sheets} sheets in {Path.GetFullPath(directory)}: exact {Count(LabelHow.Exact)}, inferred {Count(LabelHow.Inferred)}, unknown {Count(LabelHow.Unknown)}"));
        if (usage.SheetsWithoutLabels > 0)
            output.WriteLine($"{usage.SheetsWithoutLabels} sheet(s) were stored before labels were recorded; `ingest reindex` records theirs");
        if (shown.Count == 0)
        {
            output.WriteLine(onlyUnknown ? "no unknown labels" : "no labels");
            return 0;
        }
        var rows = shown.Select(use => new[]
        {
            use.How switch
            {
                LabelHow.Inferred => string.Create(CultureInfo.InvariantCulture, $"inferred {use.Confidence:0.00}"),
                LabelHow.Exact => "exact",
                _ => "unknown",
            },
            use.Count.ToString(CultureInfo.InvariantCulture),
            use.SheetKind,
            Cut(use.Label, MaxTextWidth),
            use.How == LabelHow.Unknown ? "—" : Cut(use.Field, MaxTextWidth),
        }).ToList();
        WriteTable(output, ["how", "sheets", "kind", "label", "field"], rows, shown.Select(use => use.Examples).ToList());
        if (onlyUnknown)
            output.WriteLine("teach them in labels.csv (label,sheet kind,field) and run `ingest reindex --labels labels.csv`");
        return 0;
    }

    /// <summary>Aligned columns (wide characters counted double), the count right-aligned; each row's example files on a line of their own under its label.</summary>
    private static void WriteTable(TextWriter output, string[] headers, IReadOnlyList<string[]> rows, IReadOnlyList<IReadOnlyList<string>> examples)
    {
        var widths = headers.Select((h, i) => Math.Max(ReportColumns.DisplayWidth(h), rows.Max(r => ReportColumns.DisplayWidth(r[i])))).ToArray();
        var labelColumn = widths.Take(3).Sum() + 3 * 2;
        void Line(string[] cells)
        {
            var line = new StringBuilder();
            for (var i = 0; i < cells.Length; i++)
            {
                if (i > 0)
                    line.Append("  ");
                var pad = widths[i] - ReportColumns.DisplayWidth(cells[i]);
                if (i == 1)
                    line.Append(' ', pad).Append(cells[i]);
                else
                    line.Append(cells[i]).Append(' ', pad);
            }
            output.WriteLine(line.ToString().TrimEnd());
        }
        Line(headers);
        for (var r = 0; r < rows.Count; r++)
        {
            Line(rows[r]);
            if (examples[r].Count > 0)
                output.WriteLine(new string(' ', labelColumn) + Cut("in " + string.Join(", ", examples[r]), TerminalWidth - labelColumn));
        }
    }

    private static string Cut(string text, int maxWidth)
    {
        if (ReportColumns.DisplayWidth(text) <= maxWidth)
            return text;
        var kept = new StringBuilder();
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var w = ReportColumns.DisplayWidth(rune.ToString());
            if (width + w > maxWidth - 1)
                break;
            kept.Append(rune.ToString());
            width += w;
        }
        return kept.Append('…').ToString();
    }
}
