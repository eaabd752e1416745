using System.Text.RegularExpressions;
using Ingest.Extraction.Forms;
using Ingest.Extraction.Labels;

namespace Ingest.Extraction.Segmentation;

/// <summary>
/// Walks the rows and lines of a file and splits them into submissions, each into its cover, 事業の概要, 別紙 sheets
/// and checklists. A state machine: marker lines (the council heading, 事業の概要, 別紙…, 件名, チェックリスト titles)
/// switch the section, and each section reads its rows or lines. Forms arrive either as table rows (label cell,
/// value cell) or as running lines where a label starts a line (PDF text dumps); both are handled here.
/// </summary>
internal sealed partial class SubmissionSegmenter
{
    /// <summary>How many lines a label broken over lines may span (記録される情報項 / 目（だれの… runs to five).</summary>
    private const int MaxLabelLines = 7;

    private enum Section { Cover, Overview, Sheet, Checklist, ChecklistHeader, Attachment }

    private static readonly LabelCatalog TitleCatalog = new([new LabelDefinition("件名", ["件名"])]);

    private readonly IReadOnlyList<FormItem> _items;
    private readonly LabelResolver _labels;
    private readonly UncataloguedLineLabels _uncatalogued;
    private readonly List<SubmissionBuilder> _submissions = [];
    private SubmissionBuilder _current = new();
    private Section _section = Section.Cover;
    private string? _pendingDocumentNumber;
    private string? _pendingSheetType;

    private SubmissionSegmenter(IReadOnlyList<FormItem> items, LabelResolver labels)
    {
        _items = items;
        _labels = labels;
        _uncatalogued = new UncataloguedLineLabels(items, labels, index => MatchLineLabel(index, LabelCatalog.Sheets) is not null, MaxLabelLines);
    }

    /// <summary>Segments the items of one file; <paramref name="labels"/> tells which uncatalogued words are labels.</summary>
    public static IReadOnlyList<SubmissionBuilder> Segment(IReadOnlyList<FormItem> items, LabelResolver labels)
    {
        var segmenter = new SubmissionSegmenter(items, labels);
        segmenter.Run();
        return segmenter._submissions.Where(s => s.HasContent).ToArray();
    }

    private SheetBuilder? CurrentSheet => _current.Sheets.Count == 0 ? null : _current.Sheets[^1];

    private ChecklistBuilder? CurrentChecklist => _current.Checklists.Count == 0 ? null : _current.Checklists[^1];

    private void Run()
    {
        _submissions.Add(_current);
        for (var i = 0; i < _items.Count; i++)
        {
            switch (_items[i])
            {
                case LineItem line:
                    _current.AllText.Add(line.Line.Text);
                    i += ReadLine(i, line) - 1;
                    break;
                case RowItem row:
                    _current.AllText.AddRange(row.Filled.Select(c => c.Text));
                    ReadRow(row);
                    break;
            }
        }
    }

    // ---- running lines ----------------------------------------------------------------------------------------

    /// <summary>Reads the line at <paramref name="index"/>; returns how many items it consumed (labels may span lines).</summary>
    private int ReadLine(int index, LineItem item)
    {
        var text = item.Line.Text;
        var key = LabelKey.Fold(text);

        if (key.Length == 1 && char.IsAsciiLetter(key[0]))
            return 1; // a lone letter is a diagram label or page furniture, never content

        if (TryStartSubmission(key))
            return 1;
        if (DocumentNumberLine().Match(key) is { Success: true } number)
        {
            SetDocumentNumber("資料" + number.Groups[1].Value);
            return 1;
        }
        if (_section is Section.Cover && Procedure(key) is { } procedure)
        {
            _current.Procedure = procedure;
            return 1;
        }
        if (BasisHeading().Match(key) is { Success: true } basis && key.Length <= 12)
        {
            _current.BasisInstrument = basis.Groups[1].Value;
            return 1;
        }
        if (ArticleLine().Match(key) is { Success: true } article && _current.BasisArticle is null && _current.Sheets.Count == 0)
        {
            _current.BasisArticle = article.Groups[1].Value;
            var reason = article.Groups[2].Value;
            _current.BasisText = reason.Length > 0 ? reason : null;
            return 1;
        }
        if (DepartmentLine().Match(key) is { Success: true } department && _current.Department is null)
        {
            _current.Department = department.Groups[1].Value;
            return 1;
        }
        if (key is "事業の概要" or "1事業の概要" || (key.EndsWith("事業の概要", StringComparison.Ordinal) && key.Length <= 8))
        {
            _section = Section.Overview;
            return 1;
        }
        if (SheetMarker().Match(key) is { Success: true } marker)
        {
            _pendingSheetType = SheetKinds.FromMarker(marker.Groups[1].Value) ?? _pendingSheetType;
            _section = Section.Attachment; // until the sheet's 件名 or first label
            return 1;
        }
        if (KindMarker().Match(key) is { Success: true } kind && SheetKinds.FromMarker(kind.Groups[1].Value) is { } kindName)
        {
            _pendingSheetType = kindName;
            _section = Section.Attachment;
            return 1;
        }
        if (ChangeNote().IsMatch(key))
            return 1; // ※太字ゴシック（下線）は…からの変更箇所: prior approvals are read from all the text

        var title = MatchLineLabel(index, TitleCatalog);
        if (title is { } t && (_section is not Section.Checklist and not Section.ChecklistHeader || t.Remainder.Length > 0))
        {
            ReadTitle(t.Remainder);
            return t.Lines;
        }
        if (key.Contains("チェックリスト", StringComparison.Ordinal) && !key.Contains("のとおり", StringComparison.Ordinal))
        {
            StartChecklistTitle(text);
            return 1;
        }
        if (key.Contains("対策が可能であ", StringComparison.Ordinal))
        {
            StartChecklistBody();
            return 1;
        }
        if (ChecklistMarks.LeadingMark(text) is { } lead && (_section is Section.Checklist or Section.ChecklistHeader || CurrentChecklist is not null && _section is not Section.Sheet))
        {
            AddChecklistItem(null, lead.Mark, lead.Measure);
            return 1;
        }

        switch (_section)
        {
            case Section.Cover:
                if (_current.AwaitingTitle)
                {
                    _current.Title = text;
                    _current.AwaitingTitle = false;
                }
                else if (StartsSheetImplicitly(index))
                {
                    return ReadSheetLine(index, item);
                }
                return 1;
            case Section.Overview:
                return ReadOverviewLine(index, item);
            case Section.Sheet:
                return ReadSheetLine(index, item);
            case Section.Attachment:
                return StartsSheetImplicitly(index) ? ReadSheetLine(index, item) : 1;
            case Section.ChecklistHeader:
                return 1; // the header's wrapped words (れば「○」, い場合は「ー」, 情報保護対策)
            case Section.Checklist:
                ReadChecklistLine(text);
                return 1;
        }
        return 1;
    }

    private void ReadTitle(string remainder)
    {
        var title = StripNote(remainder);
        if (_current.Title is null && _current.Sheets.Count == 0 && _section is Section.Cover)
        {
            if (title.Length > 0)
                _current.Title = title;
            else
                _current.AwaitingTitle = true;
            return;
        }
        var sheet = StartSheet();
        if (title.Length > 0)
            sheet.Title = title;
        else
            sheet.AwaitingTitle = true;
    }

    private int ReadOverviewLine(int index, LineItem item)
    {
        var label = MatchLineLabel(index, LabelCatalog.Overview);
        if (label is { } l)
        {
            _current.Overview.Add(l.Definition.Canonical, item.Line with { Text = l.Remainder }, fromLine: true);
            return l.Lines;
        }
        if (StartsSheetImplicitly(index))
            return ReadSheetLine(index, item);
        _current.Overview.AppendToLast(item.Line, fromLine: true);
        return 1;
    }

    private int ReadSheetLine(int index, LineItem item)
    {
        var sheet = CurrentSheet;
        if (sheet is { AwaitingTitle: true })
        {
            sheet.Title = StripNote(item.Line.Text);
            sheet.AwaitingTitle = false;
            return 1;
        }
        var label = MatchLineLabel(index, LabelCatalog.Sheets);
        if (label is { } l)
        {
            if (sheet is null || _section is not Section.Sheet || sheet.Fields.Contains(l.Definition.Canonical) && l.Definition.Canonical == "保有課")
                sheet = StartSheet();
            sheet.Fields.Add(l.Definition.Canonical, l.Written, known: true, item.Line with { Text = l.Remainder }, fromLine: true);
            return l.Lines;
        }
        if (sheet is not null && _section is Section.Sheet && !sheet.FromRows && _uncatalogued.Match(index, sheet) is { } u)
        {
            sheet.Fields.Add(LabelCatalog.StripParenthetical(u.Written), u.Written, known: false, item.Line with { Text = u.Remainder }, fromLine: true);
            return u.Lines;
        }
        if (sheet is not null && !sheet.FromRows && !HasCatalogueKind(sheet) && sheet.CataloguedKind is null && UnknownLabelLine().Match(item.Line.Text) is { Success: true } unknown)
        {
            // Kinds outside the catalogue (目的外利用, 外部提供) have labels of their own: keep them under their own text.
            // (A catalogued kind's uncatalogued labels are found by their meaning above.)
            var written = LabelKey.Fold(unknown.Groups[1].Value);
            sheet.Fields.Add(written, written, known: false, item.Line with { Text = unknown.Groups[2].Value }, fromLine: true);
            return 1;
        }
        if (sheet is null || sheet.FromRows || item.HeadingLevel > 0 || AttachmentCaption().IsMatch(LabelKey.Fold(item.Line.Text)))
        {
            // Running text after a table-form sheet, a heading, or a figure caption: the form has ended.
            _section = Section.Attachment;
            return 1;
        }
        sheet.Fields.AppendToLast(item.Line, fromLine: true);
        return 1;
    }

    /// <summary>True once a sheet carries a label that only one catalogued kind has (結合の相手方, 委任先 …).</summary>
    private static bool HasCatalogueKind(SheetBuilder sheet) =>
        sheet.Fields.Labels.Any(l => l is not "保有課" and not "登録業務の名称" && LabelCatalog.Sheets.Definitions.Any(d => d.Canonical == l));

    /// <summary>A sheet label (保有課 …) at this line starts a sheet even without a 件名 or 別紙 line before it.</summary>
    private bool StartsSheetImplicitly(int index) =>
        MatchLineLabel(index, LabelCatalog.Sheets) is { } l && l.Definition.Canonical is "保有課" or "登録業務の名称";

    /// <summary>
    /// Finds a label at the start of the line at <paramref name="index"/>, possibly broken over the following lines
    /// (PDF text dumps wrap label cells: 記録される情報項 / 目（だれの、どのよ / うな項目が…）). A label must end at a space or the
    /// end of a line, so a value that merely begins with a label word is not taken for one.
    /// </summary>
    private (LabelDefinition Definition, int Lines, string Remainder, string Written)? MatchLineLabel(int index, LabelCatalog catalog)
    {
        var joined = string.Empty;
        for (var count = 1; count <= MaxLabelLines && index + count - 1 < _items.Count; count++)
        {
            if (_items[index + count - 1] is not LineItem line)
                return null;
            var previousLength = joined.Length;
            joined += LabelKey.Fold(line.Line.Text);
            var match = catalog.MatchStart(joined, out var isPrefix);
            if (match is { } whole && whole.Length == joined.Length && NextLineOpensParenthetical(index + count))
                continue; // the label's parenthetical starts on the next line: 結合される情報項目 / (だれの、…)
            if (match is { } m && m.Length > previousLength)
            {
                var remainder = RemainderAfter(line.Line.Text, m.Length - previousLength, out var atBoundary);
                // OCR keeps no space between two Japanese letters (the recogniser puts its own spaces between them at
                // random), so on a recognised line the label may run straight into its value: 件名道路台帳の更新….
                if (atBoundary || line.Line.Confidence is not null)
                    return (m.Definition, count, remainder, joined[..m.Length]);
                return null;
            }
            if (!isPrefix)
                return null;
        }
        return null;
    }

    private bool NextLineOpensParenthetical(int index) =>
        index < _items.Count && _items[index] is LineItem next && LabelKey.Fold(next.Line.Text).StartsWith('(');

    /// <summary>The text of a line after its first <paramref name="foldedLength"/> folded characters; whether a space or the line end follows them.</summary>
    private static string RemainderAfter(string line, int foldedLength, out bool atBoundary)
    {
        var consumed = 0;
        var position = 0;
        while (position < line.Length && consumed < foldedLength)
        {
            if (!char.IsWhiteSpace(line[position]))
                consumed++;
            position++;
        }
        atBoundary = position >= line.Length || char.IsWhiteSpace(line[position]);
        return line[position..].Trim();
    }

    // ---- table rows -------------------------------------------------------------------------------------------

    private void ReadRow(RowItem row)
    {
        var cells = row.Cells;
        var first = cells.Count > 0 ? cells[0] : FormText.Empty;
        var firstKey = LabelKey.Fold(first.Text);
        var rest = cells.Skip(1).Where(c => !c.IsEmpty).ToArray();

        if (row.Filled.Any(c => LabelKey.Fold(c.Text).Contains("対策が可能であ", StringComparison.Ordinal)))
        {
            StartChecklistBody();
            _section = Section.Checklist;
            return;
        }
        if (_section is Section.Checklist or Section.ChecklistHeader && TryReadChecklistRow(cells))
            return;

        if (firstKey == "件名" && rest.Length > 0)
        {
            ReadTitle(TextJoin.Cells(rest.Select(r => r.Text)));
            return;
        }
        if (_section is Section.Cover && BasisHeading().Match(firstKey) is { Success: true } basis && firstKey.Length <= 12)
        {
            _current.BasisInstrument = basis.Groups[1].Value;
            var value = LabelKey.Fold(TextJoin.Cells(rest.Select(r => r.Text)));
            if (ArticleLine().Match(value) is { Success: true } article)
            {
                _current.BasisArticle = article.Groups[1].Value;
                _current.BasisText = article.Groups[2].Value.Length > 0 ? article.Groups[2].Value : null;
            }
            return;
        }
        if (_section is Section.Cover or Section.Attachment && firstKey is "事業の概要")
        {
            _section = Section.Overview;
            return;
        }

        var sheetLabel = LabelCatalog.Sheets.Canonicalise(first.Text, out var knownSheetLabel);
        var writtenLabel = LabelKey.Fold(first.Text);
        // A label cell read by OCR with a letter or two wrong (事業内容。, 委話先) still says which row this is: whether it
        // starts a sheet or belongs to the overview is decided by the one catalogue label it is nearest to. The sheet's
        // field keeps the label as read, and the label resolver corrects it and marks the correction for review.
        var recognised = knownSheetLabel ? sheetLabel
            : first.Confidence is not null ? OcrReview.NearestLabel(LabelCatalog.Sheets, LabelCatalog.StripParenthetical(writtenLabel))?.Canonical
            : null;
        if (_section is Section.Overview && recognised is not ("保有課" or "登録業務の名称"))
        {
            if (first.IsEmpty)
                _current.Overview.AppendToLast(Joined(rest));
            else
            {
                var label = LabelCatalog.Overview.Canonicalise(first.Text, out var knownOverviewLabel);
                if (!knownOverviewLabel && first.Confidence is not null && OcrReview.NearestLabel(LabelCatalog.Overview, writtenLabel) is { } near)
                    label = near.Canonical;
                _current.Overview.Add(label, Joined(rest));
            }
            return;
        }

        var sheet = CurrentSheet;
        var inSheet = _section is Section.Sheet && sheet is not null;
        if (first.IsEmpty)
        {
            if (inSheet)
                sheet!.Fields.AppendToLast(Joined(rest));
            return;
        }
        if (recognised is not null || inSheet || _section is Section.Attachment)
        {
            if (!inSheet || (recognised == "保有課" && sheet!.Fields.Contains("保有課")))
            {
                // An unknown label outside any sheet is cover or attachment furniture, unless after a 別紙 marker it names
                // what every sheet starts with (所管課, 事務の名称).
                if (recognised is null && !(_section is Section.Attachment && _labels.ReadLineLabel(writtenLabel)?.Meaning is FieldMeaning.Section or FieldMeaning.Business))
                    return;
                sheet = StartSheet();
            }
            sheet!.FromRows = true;
            sheet.Fields.Add(sheetLabel, writtenLabel, knownSheetLabel, Joined(rest));
        }
    }

    private static FormText Joined(IReadOnlyList<FormText> cells) =>
        new(TextJoin.Cells(cells.Select(c => c.Text)), cells.Any(c => c.Marked)) { Confidence = FormText.MeanConfidence(cells.Select(c => (c.Text, c.Confidence))) };

    // ---- checklists -------------------------------------------------------------------------------------------

    private void StartChecklistTitle(string text)
    {
        var title = ChecklistNumber().Replace(text.Trim(), string.Empty).Trim();
        var open = CurrentChecklist;
        // PDF dumps print a checklist's title column after its items: a title that follows untitled items names them.
        if (open is not null && open.Title is null && open.Items.Count > 0)
        {
            open.Title = title;
            open.ReadingPartyLines = true;
            _section = Section.Checklist;
            return;
        }
        _current.Checklists.Add(new ChecklistBuilder { Title = title, ReadingPartyLines = true });
        _section = Section.Checklist;
    }

    private void StartChecklistBody()
    {
        var open = CurrentChecklist;
        if (open is null || open.Items.Count > 0)
            _current.Checklists.Add(new ChecklistBuilder());
        _section = Section.ChecklistHeader;
    }

    /// <summary>A running line inside a checklist: the title column's words (party, category) or a measure's wrapped text.</summary>
    private void ReadChecklistLine(string text)
    {
        var checklist = CurrentChecklist;
        if (checklist is null)
            return;
        if (checklist.ReadingPartyLines || checklist.Items.Count == 0)
        {
            checklist.PartyLines.Add(text);
            return;
        }
        checklist.Items[^1].Text.Add(text);
    }

    private bool TryReadChecklistRow(IReadOnlyList<FormText> cells)
    {
        var markIndex = -1;
        var mark = string.Empty;
        for (var c = 0; c < Math.Min(cells.Count, 3); c++)
        {
            if (ChecklistMarks.IsMark(cells[c].Text.Trim(), out mark))
            {
                markIndex = c;
                break;
            }
        }
        if (markIndex < 0)
            return false;
        var party = markIndex > 0 && !cells[0].IsEmpty ? cells[0].Text : null;
        var text = TextJoin.Cells(cells.Skip(markIndex + 1).Select(c => c.Text));
        AddChecklistItem(party, mark, text);
        return true;
    }

    private void AddChecklistItem(string? partyCell, string mark, string text)
    {
        var checklist = CurrentChecklist;
        if (checklist is null)
        {
            checklist = new ChecklistBuilder();
            _current.Checklists.Add(checklist);
        }
        _section = Section.Checklist;
        string? party = null, category = null;
        if (partyCell is not null)
        {
            (party, category) = ChecklistParties.Parse(partyCell);
        }
        else if (checklist.Items.Count > 0)
        {
            (party, category) = (checklist.Items[^1].Party, checklist.Items[^1].Category);
        }
        checklist.ReadingPartyLines = false;
        var pieces = new List<string>();
        if (text.Length > 0)
            pieces.Add(text);
        checklist.Items.Add((party, category, mark, pieces));
    }

    // ---- structure --------------------------------------------------------------------------------------------

    private bool TryStartSubmission(string key)
    {
        var heading = SubmissionHeading().Match(key);
        if (!heading.Success || key.Length > 60)
            return false;
        if (_current.HasContent)
        {
            _current = new SubmissionBuilder();
            _submissions.Add(_current);
        }
        _current.Council = heading.Groups[1].Value.Length > 0 ? heading.Groups[1].Value : null;
        _current.DocumentKind = heading.Groups[2].Value.EndsWith("問・報告事項", StringComparison.Ordinal) ? "諮問・報告事項" : heading.Groups[2].Value;
        if (_pendingDocumentNumber is not null)
        {
            _current.DocumentNumber ??= _pendingDocumentNumber;
            _pendingDocumentNumber = null;
        }
        _section = Section.Cover;
        _pendingSheetType = null;
        return true;
    }

    private void SetDocumentNumber(string number)
    {
        if (_current.Title is null && _current.Sheets.Count == 0)
            _current.DocumentNumber ??= number;
        else
            _pendingDocumentNumber = number;
    }

    private SheetBuilder StartSheet()
    {
        var sheet = new SheetBuilder { MarkedType = _pendingSheetType };
        _pendingSheetType = null;
        _current.Sheets.Add(sheet);
        _section = Section.Sheet;
        return sheet;
    }

    /// <summary>Drops a change note written on the title line (…について**※太ゴシック(下線)は…**).</summary>
    private static string StripNote(string title)
    {
        var note = title.IndexOf('※');
        return TextJoin.TightenBrackets((note >= 0 ? title[..note] : title).Trim());
    }

    // Any one letter before 問・報告事項: the heading's kinds are a known set, and OCR misreads the dense 諮 (族問, 語問).
    [GeneratedRegex(@"^(.*?(?:審議会|会議|委員会)?)(付議事項|.問・報告事項|諮問事項|報告事項)$", RegexOptions.NonBacktracking)]
    private static partial Regex SubmissionHeading();

    [GeneratedRegex(@"^資料(\d+)$", RegexOptions.NonBacktracking)]
    private static partial Regex DocumentNumberLine();

    /// <summary>
    /// The procedure a cover line marks (【諮問】, 【報告】). Either bracket may be missing: OCR often loses the thin 【 of a
    /// short line, and 諮問 or 報告 alone on a cover line says the same. In brackets, a word one letter from exactly one of
    /// the two is that one (OCR reads the dense 諮 as 放 or 族): the procedures are a known set of two.
    /// </summary>
    private static string? Procedure(string key)
    {
        if (ProcedureMark().Match(key) is not { Success: true } mark)
            return null;
        var word = mark.Groups[2].Value;
        if (word is "諮問" or "報告")
            return word;
        if (!mark.Groups[1].Success && !mark.Groups[3].Success)
            return null;
        var near = new[] { "諮問", "報告" }.Where(known => (known[0] == word[0] ? 0 : 1) + (known[1] == word[1] ? 0 : 1) == 1).ToArray();
        return near.Length == 1 ? near[0] : null;
    }

    [GeneratedRegex(@"^(【|\()?([^【】()\s]{2})(】|\))?$", RegexOptions.NonBacktracking)]
    private static partial Regex ProcedureMark();

    [GeneratedRegex(@"^(条例|要綱|規則|規程)の根拠", RegexOptions.NonBacktracking)]
    private static partial Regex BasisHeading();

    [GeneratedRegex(@"^◇?(第\d+条(?:第\d+項)?(?:第\d+号)?)(?:\((.*)\))?$", RegexOptions.NonBacktracking)]
    private static partial Regex ArticleLine();

    [GeneratedRegex(@"^\(?担当(?:部課|部|課)[:：](.+?)\)?$", RegexOptions.NonBacktracking)]
    private static partial Regex DepartmentLine();

    [GeneratedRegex(@"^別紙\((.+)\)$", RegexOptions.NonBacktracking)]
    private static partial Regex SheetMarker();

    [GeneratedRegex(@"^◇([^第][^(]*)\(第\d+条.*\)$", RegexOptions.NonBacktracking)]
    private static partial Regex KindMarker();

    [GeneratedRegex(@"^※.*(太字|太ゴシック|下線).*(変更|追加)", RegexOptions.NonBacktracking)]
    private static partial Regex ChangeNote();

    [GeneratedRegex(@"(^\(資料\d+-\d+\)|\(資料\d+-\d+\)$|個人情報の流れ(\(|$))", RegexOptions.NonBacktracking)]
    private static partial Regex AttachmentCaption();

    /// <summary>
    /// A label-shaped first word in running text: a short noun phrase ending in a form-label noun, then a space and a value.
    /// Only used for labels the catalogue does not know, inside a sheet that is read from running text.
    /// </summary>
    [GeneratedRegex(@"^([^\s0-9①-⑳・※()「」、。]{2,24}(?:情報項目|項目|理由|時期|期間|期限|方法|形態|内容|名称|媒体|相手方|提供先|利用先|対策))\s+(\S.*)$", RegexOptions.NonBacktracking)]
    private static partial Regex UnknownLabelLine();

    [GeneratedRegex(@"^[0-9０-９]+\s*", RegexOptions.NonBacktracking)]
    private static partial Regex ChecklistNumber();
}
