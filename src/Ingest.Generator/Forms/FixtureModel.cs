using Ingest.Core.Records;

namespace Ingest.Generator.Forms;

/// <summary>A block of a fixture document: a paragraph or a table, independent of the output format.</summary>
public abstract record FixtureBlock;

/// <summary>
/// A paragraph; <paramref name="Heading"/> sets it larger and bold, <paramref name="Right"/> aligns it right (document
/// numbers). <paramref name="Landscape"/>, when set, starts a page of that orientation here if the page is not already so
/// (a sheet printed on landscape pages inside a portrait submission); writers without page orientation ignore it.
/// </summary>
public sealed record FixtureParagraph(string Text, bool Heading = false, bool Right = false, bool PageBreakBefore = false, bool? Landscape = null) : FixtureBlock;

/// <summary>A table of rows; column widths are shares of the text width.</summary>
public sealed record FixtureTable(IReadOnlyList<IReadOnlyList<FixtureCell>> Rows, IReadOnlyList<double> Widths) : FixtureBlock;

/// <summary>
/// A cell. <paramref name="RowSpan"/> &gt; 1 starts a vertical merge; <paramref name="Covered"/> marks the cells a merge
/// covers (Word writes them as vMerge continuations, HTML omits them). Marked text is bold and underlined, as changes are.
/// </summary>
public sealed record FixtureCell(string Text, bool Marked = false, int RowSpan = 1, bool Covered = false);

/// <summary>
/// Lays a submission record out as the forms in the archive do: heading lines, a 件名 cover table, the 事業の概要 table,
/// one two-column table per sheet in field order (changed fields bold and underlined), and checklist tables whose
/// party cell is merged down over its measures.
/// </summary>
public static class FixtureLayout
{
    /// <summary>
    /// The blocks of <paramref name="records"/>, each submission from a new page; with <paramref name="coverPageAlone"/>
    /// the cover (資料 number to 担当部課) has a page to itself, as many submissions print it; with
    /// <paramref name="landscapeSheets"/> each sheet (別紙) is on landscape pages and the rest on portrait ones.
    /// </summary>
    public static IReadOnlyList<FixtureBlock> Blocks(IReadOnlyList<SubmissionRecord> records, bool coverPageAlone = false, bool landscapeSheets = false)
    {
        var blocks = new List<FixtureBlock>();
        for (var i = 0; i < records.Count; i++)
            blocks.AddRange(Blocks(records[i], pageBreak: i > 0, written: null, coverPageAlone, landscapeSheets));
        return blocks;
    }

    /// <summary>
    /// A generated submission, its sheet labels as the generator wrote them (other sections' wordings included); with
    /// <paramref name="landscapeSheets"/> each sheet is marked to start a landscape page (a worksheet of its own in a workbook).
    /// </summary>
    public static IReadOnlyList<FixtureBlock> Blocks(SubmissionGenerator.Generated generated, bool landscapeSheets = false)
    {
        ArgumentNullException.ThrowIfNull(generated);
        return Blocks(generated.Expected, pageBreak: false, generated.Sheets, coverPageAlone: false, landscapeSheets).ToArray();
    }

    private static IEnumerable<FixtureBlock> Blocks(SubmissionRecord r, bool pageBreak, IReadOnlyList<SubmissionGenerator.GeneratedSheet>? written, bool coverPageAlone, bool landscapeSheets)
    {
        bool? Portrait() => landscapeSheets ? false : null;
        var first = true;
        FixtureParagraph Para(string text, bool heading = false, bool right = false)
        {
            var p = new FixtureParagraph(text, heading, right, pageBreak && first, first ? Portrait() : null);
            first = false;
            return p;
        }
        if (r.DocumentNumber is not null)
            yield return Para(r.DocumentNumber, right: true);
        yield return Para($"{r.Council} {r.DocumentKind}", heading: true);
        if (r.Title is not null)
            yield return new FixtureTable([[new FixtureCell("件名"), new FixtureCell(r.Title)]], [0.2, 0.8]);
        yield return Para("内容は別紙のとおり");
        if (r.Basis is { } basis)
        {
            yield return Para($"{basis.Instrument}の根拠");
            if (r.Procedure is not null)
                yield return Para($"【{r.Procedure}】");
            yield return Para($"◇{basis.Article}（{basis.Text}）");
        }
        if (r.Department is not null)
            yield return Para($"（担当部課：{r.Department}）");
        if (r.Overview.Count > 0)
        {
            yield return new FixtureParagraph("事業の概要", Heading: true, PageBreakBefore: coverPageAlone);
            yield return Pairs(r.Overview.Select(p => (p.Key, p.Value, false)));
        }
        for (var s = 0; s < r.Sheets.Count; s++)
        {
            var sheet = r.Sheets[s];
            yield return new FixtureParagraph($"件名 {sheet.Title}", Heading: true, Landscape: landscapeSheets ? true : null);
            if (r.PriorApprovals.Count > 0)
                yield return Para($"※太字ゴシック(下線)は、{string.Join("、", r.PriorApprovals.Select(a => a.Text))}済の内容からの変更箇所");
            // The written rows are in field order, one per field.
            var labels = written is not null && s < written.Count ? written[s].Rows.Select(row => row.WrittenLabel).ToArray() : sheet.Fields.Keys.ToArray();
            yield return Pairs(sheet.Fields.Select((f, i) => (i < labels.Length ? labels[i] : f.Key, f.Value, sheet.ChangedFields.Contains(f.Key))));
        }
        foreach (var checklist in r.Checklists)
        {
            yield return new FixtureParagraph($"4 {checklist.Title}", Heading: true, Landscape: Portrait());
            var rows = new List<IReadOnlyList<FixtureCell>>
            {
                new[] { new FixtureCell(string.Empty), new FixtureCell("・対策が可能であれば「○」 ・対策の必要がない場合は「－」"), new FixtureCell("個人情報保護対策") },
            };
            foreach (var group in Groups(checklist.Items))
            {
                var party = group[0].Category is { } category ? $"{PartyPhrase(group[0].Party)} 【{category}の対策】" : PartyPhrase(group[0].Party);
                for (var k = 0; k < group.Count; k++)
                {
                    rows.Add([
                        k == 0 ? new FixtureCell(party, RowSpan: group.Count) : new FixtureCell(string.Empty, Covered: true),
                        new FixtureCell(group[k].Mark),
                        new FixtureCell(group[k].Text),
                    ]);
                }
            }
            yield return new FixtureTable(rows, [0.22, 0.08, 0.70]);
        }
    }

    private static FixtureTable Pairs(IEnumerable<(string Label, string Value, bool Marked)> rows) =>
        new(rows.Select(r => (IReadOnlyList<FixtureCell>)[new FixtureCell(r.Label), new FixtureCell(r.Value, r.Marked)]).ToArray(), [0.28, 0.72]);

    private static List<List<ChecklistItem>> Groups(IReadOnlyList<ChecklistItem> items)
    {
        var groups = new List<List<ChecklistItem>>();
        foreach (var item in items)
        {
            if (groups.Count > 0 && groups[^1][0].Party == item.Party && groups[^1][0].Category == item.Category)
                groups[^1].Add(item);
            else
                groups.Add([item]);
        }
        return groups;
    }

    /// <summary>The checklist's title column wording for a party: 区 acts itself; others are made to act.</summary>
    private static string PartyPhrase(string? party) => party switch
    {
        null or "区" => "区が行う個人情報保護対策",
        _ => $"{party}に行わせる 情報保護対策",
    };
}
