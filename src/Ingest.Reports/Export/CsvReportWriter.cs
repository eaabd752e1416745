using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Ingest.Reports.Renewals;

namespace Ingest.Reports.Export;

/// <summary>
/// CSV for Excel: UTF-8 with a byte-order mark (so Excel reads Japanese right), CRLF, RFC 4180 quoting, and no cell that
/// Excel would run as a formula (<see cref="FormulaGuard"/>).
/// </summary>
public sealed class CsvReportWriter : IReportWriter
{
    private static readonly System.Buffers.SearchValues<char> _mustQuote = System.Buffers.SearchValues.Create("\",\r\n");

    public string Format => "csv";
    public string Extension => ".csv";

    public void Write(RenewalReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            NewLine = "\r\n",
            // RFC 4180: quote a field holding a quote, the delimiter or any line break. CsvHelper's default looks for the
            // configured NewLine only, so a bare \n (common in extracted text) would go out unquoted and split the row.
            ShouldQuote = args => args.Field is { } field && field.AsSpan().IndexOfAny(_mustQuote) >= 0,
        };
        using var csv = new CsvWriter(writer, configuration);
        var columns = ReportColumns.All;
        foreach (var column in columns)
            csv.WriteField(FormulaGuard.Neutralise(column.Header));
        csv.NextRecord();
        foreach (var row in report.Rows)
        {
            foreach (var column in columns)
                csv.WriteField(FormulaGuard.Neutralise(column.Text(row)));
            csv.NextRecord();
        }
    }
}
