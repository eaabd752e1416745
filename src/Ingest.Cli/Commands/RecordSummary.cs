using Ingest.Core.Diagnostics;
using Ingest.Core.Records;

namespace Ingest.Cli.Commands;

/// <summary>The human-readable form of records for the terminal; every value from a document is escaped (<see cref="ConsoleText"/>).</summary>
internal static class RecordSummary
{
    public static void Write(IEnumerable<SubmissionRecord> records, TextWriter output)
    {
        foreach (var record in records)
        {
            output.WriteLine(ConsoleText.Line($"■ {record.Title ?? "(件名なし)"}"));
            output.WriteLine(ConsoleText.Line($"  file: {record.Source.Path} [{record.Source.Format}] sha256 {record.Source.Sha256[..12]}…"));
            if (record.Source.Ocr == true)
                output.WriteLine(ConsoleText.Line($"  OCR — please check: read from a scan (mean confidence {record.Source.OcrConfidence:0.00})"));
            Line(output, "council", Join(record.Council, record.DocumentKind, record.Procedure is null ? null : $"【{record.Procedure}】"));
            Line(output, "number", record.DocumentNumber);
            Line(output, "basis", record.Basis is null ? null : Join(record.Basis.Instrument, record.Basis.Article, record.Basis.Text is null ? null : $"({record.Basis.Text})"));
            Line(output, "department", record.Department);
            Line(output, "fiscal year", record.FiscalYear?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var approval in record.PriorApprovals)
                Line(output, "prior approval", $"{approval.FiscalYear} #{approval.Session}: {approval.Text}");
            foreach (var (label, value) in record.Overview)
                Line(output, $"概要/{label}", Shorten(value));
            foreach (var sheet in record.Sheets)
            {
                output.WriteLine(ConsoleText.Line($"  ◇ {sheet.Type}: {sheet.Title}"));
                foreach (var (label, value) in sheet.Fields)
                {
                    output.WriteLine(ConsoleText.Line($"      {(sheet.ChangedFields.Contains(label) ? "*" : " ")}{label}: {Shorten(value)}"));
                    foreach (var mark in sheet.ReviewOf(label))
                        output.WriteLine(ConsoleText.Line($"        OCR — please check: {mark.Reason}"));
                }
                if (sheet.Partners.Count > 0)
                    output.WriteLine(ConsoleText.Line($"      → partners: {string.Join(", ", sheet.Partners)}"));
                if (sheet.Period is { } p)
                    output.WriteLine(ConsoleText.Line($"      → period: {p.Start:yyyy-MM-dd} – {p.End:yyyy-MM-dd} {p.Recurrence.ToString().ToLowerInvariant()} (first {p.FirstStarted:yyyy-MM-dd}) «{p.Evidence}»"));
            }
            foreach (var checklist in record.Checklists)
                output.WriteLine(ConsoleText.Line($"  ☑ {checklist.Title}: {checklist.Items.Count} measures ({checklist.Items.Count(i => i.Mark == "○")} ○)"));
            output.WriteLine();
        }
    }

    private static void Line(TextWriter output, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
            output.WriteLine(ConsoleText.Line($"  {name}: {value}"));
    }

    private static string Join(params string?[] parts) => string.Join(" ", parts.Where(p => !string.IsNullOrEmpty(p)));

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..78] + "…";
}
