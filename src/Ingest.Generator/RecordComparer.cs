using Ingest.Core.Records;

namespace Ingest.Generator;

/// <summary>Field-by-field agreement between an expected and an extracted record, for accuracy at scale.</summary>
public static class RecordComparer
{
    /// <summary>One compared field: its name and whether extraction got it right.</summary>
    public readonly record struct Check(string Field, bool Correct, string? Expected, string? Actual);

    /// <summary>
    /// What extraction found in a generated file, which holds exactly one submission: the number of submissions found, then
    /// the first of them field by field.
    /// </summary>
    public static IReadOnlyList<Check> Compare(SubmissionRecord expected, IReadOnlyList<SubmissionRecord> found)
    {
        var count = found.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return [new Check("submissions", count == "1", "1", count), .. Compare(expected, found.Count > 0 ? found[0] : null)];
    }

    /// <summary>One extracted record against the expected one: each field, and the number of sheets and checklists (an extra one is an error too).</summary>
    public static IReadOnlyList<Check> Compare(SubmissionRecord expected, SubmissionRecord? actual)
    {
        var checks = new List<Check>();
        void Add(string field, string? e, string? a) => checks.Add(new Check(field, string.Equals(e, a, StringComparison.Ordinal), e, a));
        static string Count<T>(IReadOnlyList<T> list) => list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Add("council", expected.Council, actual?.Council);
        Add("documentKind", expected.DocumentKind, actual?.DocumentKind);
        Add("procedure", expected.Procedure, actual?.Procedure);
        Add("documentNumber", expected.DocumentNumber, actual?.DocumentNumber);
        Add("title", expected.Title, actual?.Title);
        Add("basis.article", expected.Basis?.Article, actual?.Basis?.Article);
        Add("department", expected.Department, actual?.Department);
        Add("fiscalYear", expected.FiscalYear?.ToString(System.Globalization.CultureInfo.InvariantCulture), actual?.FiscalYear?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("priorApprovals", Approvals(expected), actual is null ? null : Approvals(actual));
        Add("sheets", Count(expected.Sheets), actual is null ? null : Count(actual.Sheets));
        Add("checklists", Count(expected.Checklists), actual is null ? null : Count(actual.Checklists));
        foreach (var (label, value) in expected.Overview)
            Add("overview." + label, value, actual?.Overview.GetValueOrDefault(label));
        for (var i = 0; i < expected.Sheets.Count; i++)
        {
            var e = expected.Sheets[i];
            var a = actual is not null && i < actual.Sheets.Count ? actual.Sheets[i] : null;
            Add("sheet.type", e.Type, a?.Type);
            Add("sheet.title", e.Title, a?.Title);
            foreach (var (label, value) in e.Fields)
                Add("sheet.fields." + label, value, a?.Fields.GetValueOrDefault(label));
            Add("sheet.partners", string.Join("|", e.Partners), a is null ? null : string.Join("|", a.Partners));
            Add("sheet.period.start", e.Period?.Start?.ToString("yyyy-MM-dd"), a?.Period?.Start?.ToString("yyyy-MM-dd"));
            Add("sheet.period.end", e.Period?.End?.ToString("yyyy-MM-dd"), a?.Period?.End?.ToString("yyyy-MM-dd"));
            Add("sheet.period.recurrence", e.Period?.Recurrence.ToString(), a?.Period?.Recurrence.ToString());
        }
        for (var i = 0; i < expected.Checklists.Count; i++)
        {
            var e = expected.Checklists[i];
            var a = actual is not null && i < actual.Checklists.Count ? actual.Checklists[i] : null;
            Add("checklist.items", string.Join("|", e.Items.Select(x => x.Mark + x.Text)), a is null ? null : string.Join("|", a.Items.Select(x => x.Mark + x.Text)));
            Add("checklist.parties", string.Join("|", e.Items.Select(x => x.Party)), a is null ? null : string.Join("|", a.Items.Select(x => x.Party)));
        }
        return checks;
    }

    private static string Approvals(SubmissionRecord record) =>
        string.Join("|", record.PriorApprovals.Select(p => $"{p.FiscalYear}/{p.Session}"));
}
