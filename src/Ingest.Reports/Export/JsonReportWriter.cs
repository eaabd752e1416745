using System.Text.Json;
using Ingest.Core.Records;
using Ingest.Reports.Renewals;

namespace Ingest.Reports.Export;

/// <summary>
/// The JSON contract of the issue: an array of rows with camelCase keys (path, title, sheetType, owningSection,
/// businessName, partners, periodText, start, end, recurrence, firstStarted, needsRenewal, nextDue, daysLeft, status,
/// history) plus evidence, fiscalYear and replacedBy; enums as camelCase words and dates as YYYY-MM-DD (<see cref="RecordJson"/>).
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    public string Format => "json";
    public string Extension => ".json";

    public void Write(RenewalReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        JsonSerializer.Serialize(output, report.Rows, RecordJson.Options);
        output.WriteByte((byte)'\n');
    }
}
