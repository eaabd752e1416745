using Ingest.Core.Records;

namespace Ingest.Index.Documents;

/// <summary>One searchable text of a record: the label it is shown under, its text, and whether it belongs to the sheet (or to the whole submission).</summary>
public sealed record TextEntry(string Label, string Text, bool InSheet);

/// <summary>
/// The texts of a record that are indexed and searched, each under the label a user sees: the sheet's canonical
/// field labels, and fixed labels for the submission's own parts. One list serves indexing and snippets alike.
/// </summary>
public static class RecordTexts
{
    /// <summary>Label of the submission's 件名.</summary>
    public const string Title = "件名";
    /// <summary>Label of a sheet's own 件名.</summary>
    public const string SheetTitle = "別紙件名";
    /// <summary>Label of a sheet's kind (外部結合, 委任…): users type the kind as a word of the query.</summary>
    public const string SheetType = "別紙種類";
    /// <summary>Label of the canonical partner names resolved by extraction.</summary>
    public const string Partners = "相手方";
    /// <summary>Label of the council name.</summary>
    public const string Council = "会議";
    /// <summary>Label of the document kind (諮問・報告事項 / 付議事項).</summary>
    public const string DocumentKind = "種別";
    /// <summary>Label of 諮問 / 報告.</summary>
    public const string Procedure = "手続";
    /// <summary>Label of the responsible department.</summary>
    public const string Department = "担当部課";
    /// <summary>Label of the legal basis.</summary>
    public const string Basis = "根拠";
    /// <summary>Label of earlier approvals.</summary>
    public const string PriorApprovals = "承認済み";
    /// <summary>Label of checklist measures.</summary>
    public const string Checklists = "チェックリスト";

    /// <summary>Texts of the submission itself (not of any sheet), in reading order.</summary>
    public static IEnumerable<TextEntry> Submission(SubmissionRecord record)
    {
        if (!string.IsNullOrWhiteSpace(record.Title))
            yield return new TextEntry(Title, record.Title, false);
        if (!string.IsNullOrWhiteSpace(record.Council))
            yield return new TextEntry(Council, record.Council, false);
        if (!string.IsNullOrWhiteSpace(record.DocumentKind))
            yield return new TextEntry(DocumentKind, record.DocumentKind, false);
        if (!string.IsNullOrWhiteSpace(record.Procedure))
            yield return new TextEntry(Procedure, record.Procedure, false);
        if (!string.IsNullOrWhiteSpace(record.Department))
            yield return new TextEntry(Department, record.Department, false);
        if (record.Basis is { } basis)
            yield return new TextEntry(Basis, string.Join(' ', new[] { basis.Instrument, basis.Article, basis.Text }.Where(part => !string.IsNullOrWhiteSpace(part))), false);
        foreach (var (label, text) in record.Overview)
            if (!string.IsNullOrWhiteSpace(text))
                yield return new TextEntry(label, text, false);
        foreach (var approval in record.PriorApprovals)
            yield return new TextEntry(PriorApprovals, approval.Text, false);
        foreach (var checklist in record.Checklists)
        {
            var items = string.Join('\n', checklist.Items.Select(item => item.Text));
            yield return new TextEntry(Checklists, string.IsNullOrWhiteSpace(items) ? checklist.Title : checklist.Title + "\n" + items, false);
        }
    }

    /// <summary>Label of a sheet's holding section, the department that keeps the personal information.</summary>
    public const string HoldingSection = "保有課";
    /// <summary>Label of the department named in the overview (事業の概要).</summary>
    public const string OverviewDepartment = "担当課";

    /// <summary>
    /// The departments a submission names, trimmed, each once: its 担当部課 (usually 部 and 課: 地域振興部戸籍住民課), its
    /// overview's 担当課 and its sheets' 保有課 (usually the 課 alone). The department filter matches any of them.
    /// </summary>
    public static IEnumerable<string> Departments(SubmissionRecord record)
    {
        IEnumerable<string?> names = [record.Department, record.Overview.GetValueOrDefault(OverviewDepartment),
            .. record.Sheets.Select(sheet => sheet.Fields.GetValueOrDefault(HoldingSection))];
        return names.OfType<string>().Select(name => name.Trim()).Where(name => name.Length > 0).Distinct(StringComparer.Ordinal);
    }

    /// <summary>Texts of one sheet, in reading order.</summary>
    public static IEnumerable<TextEntry> Sheet(SheetRecord sheet)
    {
        if (!string.IsNullOrWhiteSpace(sheet.Title))
            yield return new TextEntry(SheetTitle, sheet.Title, true);
        foreach (var (label, text) in sheet.Fields)
            if (!string.IsNullOrWhiteSpace(text))
                yield return new TextEntry(label, text, true);
        if (sheet.Partners.Count > 0)
            yield return new TextEntry(Partners, string.Join('\n', sheet.Partners), true);
        // Last, so a match in the sheet's own text is preferred as the hit's field.
        if (!string.IsNullOrWhiteSpace(sheet.Type))
            yield return new TextEntry(SheetType, sheet.Type, true);
    }

    /// <summary>What one index document searches: the sheet's texts first, then its submission's (all of them when <paramref name="sheetIndex"/> is negative).</summary>
    public static IEnumerable<TextEntry> ForSheet(SubmissionRecord record, int sheetIndex)
    {
        var sheetEntries = sheetIndex >= 0 && sheetIndex < record.Sheets.Count ? Sheet(record.Sheets[sheetIndex]) : [];
        return sheetEntries.Concat(Submission(record));
    }

    /// <summary>Every text of the submission and all its sheets.</summary>
    public static IEnumerable<TextEntry> All(SubmissionRecord record) =>
        Submission(record).Concat(record.Sheets.SelectMany(Sheet));
}
