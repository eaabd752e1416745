using System.Text.RegularExpressions;

namespace Ingest.Reports.Export;

/// <summary>
/// Keeps text written to a file that spreadsheets open from being read as a formula (CSV injection): a cell starting with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading apostrophe, as OWASP recommends, so a
/// 保有課 written <c>=HYPERLINK(…)</c> in a submission shows as that text instead of running. A cell that is a plain number
/// (<c>-12</c>, the days left once overdue) is left alone: a spreadsheet reads it as a number, never as a formula. The one
/// rule for every CSV the product writes (the report command and the web page share <see cref="CsvReportWriter"/>).
/// </summary>
public static partial class FormulaGuard
{
    private static readonly System.Buffers.SearchValues<char> _formulaStarts = System.Buffers.SearchValues.Create("=+-@\t\r");

    /// <summary>The cell text as written: unchanged, or with a leading <c>'</c>.</summary>
    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text) || !_formulaStarts.Contains(text[0]) || PlainNumber().IsMatch(text))
            return text ?? string.Empty;
        return "'" + text;
    }

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
