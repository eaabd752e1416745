namespace Ingest.Core.Records;

/// <summary>Counts over the labels records carry (<see cref="SheetRecord.Labels"/>).</summary>
public static class RecordLabels
{
    /// <summary>How many written labels of these records' sheets no field was recognised for.</summary>
    public static int CountUnknown(IEnumerable<SubmissionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.Sum(record => record.Sheets.Sum(sheet => sheet.Labels.Values.Count(label => label.How == LabelHow.Unknown)));
    }
}
