using Ingest.Core.Records;
using Ingest.Extraction.Forms;
using Ingest.Extraction.Labels;

namespace Ingest.Extraction.Segmentation;

/// <summary>One piece of a value: a cell, or a line of running text (which may be a wrap of the line before).</summary>
internal readonly record struct ValuePiece(string Text, bool FromLine, double? Confidence = null);

/// <summary>Label → value pieces in document order; a value continued in later rows or lines gathers its pieces here.</summary>
internal sealed partial class FieldAccumulator
{
    /// <summary>
    /// A running line at least this share of the value's longest line was wrapped by the page, not ended by the writer:
    /// PDF dumps break every line of a cell at the cell's width, and only a paragraph's last line falls short.
    /// </summary>
    private const double WrappedLineShare = 0.8;

    /// <summary>Below this printed width (half a page column) lines are a list the writer broke, not a wrapped paragraph.</summary>
    private const int MinWrappedWidth = 40;

    /// <summary>One label's entry: the key it is gathered under, every way it was written, and its value pieces.</summary>
    private sealed record Entry(string Key, bool Known, List<string> Written, List<ValuePiece> Pieces)
    {
        public bool Marked { get; set; }
    }

    private readonly List<Entry> _fields = [];

    public int Count => _fields.Count;

    public bool Contains(string label) => _fields.Any(f => f.Key == label);

    public IEnumerable<string> Labels => _fields.Select(f => f.Key);

    /// <summary>Adds a label known by its own name (the overview's labels, a catalogued label written as the catalogue writes it).</summary>
    public void Add(string label, FormText value, bool fromLine = false) => Add(label, label, known: true, value, fromLine);

    /// <summary>
    /// Adds a label under <paramref name="key"/> (its canonical name when the catalogue <paramref name="known"/> it, else its
    /// folded text) as <paramref name="written"/>; a label met twice in one form keeps one entry and gathers both values.
    /// </summary>
    public void Add(string key, string written, bool known, FormText value, bool fromLine = false)
    {
        var index = _fields.FindIndex(f => f.Key == key);
        if (index < 0)
        {
            _fields.Add(new Entry(key, known, [], []));
            index = _fields.Count - 1;
        }
        if (!_fields[index].Written.Contains(written))
            _fields[index].Written.Add(written);
        Append(index, value, fromLine);
    }

    /// <summary>Continues the last value (a row with an empty label, a wrapped line).</summary>
    public bool AppendToLast(FormText value, bool fromLine = false)
    {
        if (_fields.Count == 0)
            return false;
        Append(_fields.Count - 1, value, fromLine);
        return true;
    }

    private void Append(int index, FormText value, bool fromLine)
    {
        var entry = _fields[index];
        if (!value.IsEmpty)
            entry.Pieces.Add(new ValuePiece(value.Text, fromLine, value.Confidence));
        entry.Marked |= value.Marked;
    }

    /// <summary>Whether the last label read has no value yet (its value follows on the next lines).</summary>
    public bool LastAwaitsValue => _fields.Count > 0 && _fields[^1].Pieces.Count == 0;

    /// <summary>
    /// Whether the page wrapped the last running line of value read (so the next line goes on with it): it is nearly as wide
    /// as the widest value line of the form and does not end a sentence, as <see cref="JoinPieces"/> judges within a value.
    /// </summary>
    public bool LastLineWasWrapped()
    {
        if (_fields.Count == 0 || _fields[^1].Pieces is not [.., { FromLine: true } last])
            return false;
        var widest = _fields.SelectMany(f => f.Pieces).Where(p => p.FromLine).Max(p => Width(p.Text));
        return widest >= MinWrappedWidth && Width(last.Text) >= widest * WrappedLineShare && !last.Text.TrimEnd(' ', ')', '）', '」', '』').EndsWith('。');
    }

    /// <summary>Key → value, in document order (the overview).</summary>
    public IReadOnlyDictionary<string, string> Build()
    {
        var result = new OrderedDictionary<string, string>();
        foreach (var entry in _fields)
            result[entry.Key] = JoinPieces(entry.Pieces);
        return result;
    }

    /// <summary>Every label as written with its value, in document order, for mapping to fields (a sheet).</summary>
    public IReadOnlyList<LabelledValue> Entries() =>
        _fields.SelectMany(entry =>
        {
            var value = JoinPieces(entry.Pieces);
            var confidence = FormText.MeanConfidence(entry.Pieces.Select(p => (p.Text, p.Confidence)));
            // A label written two ways in one form (rare) keeps its value once, under its first writing.
            return entry.Written.Select((written, i) => new LabelledValue(written, entry.Key, entry.Known, i == 0 ? value : string.Empty, entry.Marked)
            {
                Confidence = i == 0 ? confidence : null,
            });
        }).ToArray();

    /// <summary>Cells and paragraphs are joined with a space; a line wrapped by the page joins the next one Japanese-style.</summary>
    internal static string JoinPieces(IReadOnlyList<ValuePiece> pieces)
    {
        if (pieces.Count == 0)
            return string.Empty;
        var longest = pieces.Where(p => p.FromLine).Select(p => Width(p.Text)).DefaultIfEmpty(0).Max();
        var text = pieces[0].Text;
        for (var i = 1; i < pieces.Count; i++)
        {
            var previous = pieces[i - 1];
            var bothLines = previous.FromLine && pieces[i].FromLine;
            var wrapped = bothLines && !StartsListItem(pieces[i].Text)
                && ((longest >= MinWrappedWidth && Width(previous.Text) >= longest * WrappedLineShare) || CannotStartParagraph(pieces[i].Text[0]));
            text = wrapped ? TextJoin.Join([text, pieces[i].Text]) : text + " " + pieces[i].Text;
        }
        return text;
    }

    /// <summary>A line that opens with hiragana or closing punctuation continues a word or sentence: no paragraph starts so.</summary>
    private static bool CannotStartParagraph(char c) => c is (>= '\u3041' and <= '\u3096') or '。' or '、' or ')' or '）' or '」' or '』' or ',' or '.';

    /// <summary>A numbered or bulleted item (1 …, (2) …, ① …, ア …, ・…, ※…, 【…】) starts a paragraph of its own.</summary>
    private static bool StartsListItem(string text) => ListItem().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:\(?\d{1,3}\)?\s|[①-⑳・※【]|[ア-ンa-z]\s)", System.Text.RegularExpressions.RegexOptions.NonBacktracking)]
    private static partial System.Text.RegularExpressions.Regex ListItem();

    /// <summary>Printed width: Japanese characters take two columns, others one.</summary>
    private static int Width(string text) => text.Sum(c => TextJoin.IsJapanese(c) ? 2 : 1);
}

/// <summary>A 別紙 being read.</summary>
internal sealed class SheetBuilder
{
    /// <summary>The kind named by a marker line (別紙（電子計算機の外部結合関係）, ◇外部結合（…）) before the sheet.</summary>
    public string? MarkedType { get; set; }
    public string? Title { get; set; }
    public FieldAccumulator Fields { get; } = new();
    /// <summary>True when the sheet's cells came as table rows; running text then ends the sheet rather than continuing a value.</summary>
    public bool FromRows { get; set; }
    public bool AwaitingTitle { get; set; }

    /// <summary>The kind as far as known while reading (catalogued labels, a marker line, the title), when it is catalogued.</summary>
    public string? CataloguedKind =>
        SheetFields.Catalogued(SheetKinds.FromLabels(Fields.Labels.ToArray()) ?? MarkedType ?? SheetKinds.FromTitle(Title));
}

/// <summary>A checklist being read.</summary>
internal sealed class ChecklistBuilder
{
    public string? Title { get; set; }
    public string? DefaultParty { get; set; }
    public string? DefaultCategory { get; set; }
    public List<string> PartyLines { get; } = [];
    /// <summary>True right after a title: the lines that follow name the party and category, not a measure.</summary>
    public bool ReadingPartyLines { get; set; }
    public List<(string? Party, string? Category, string Mark, List<string> Text)> Items { get; } = [];
}

/// <summary>A submission being read.</summary>
internal sealed class SubmissionBuilder
{
    public string? Council { get; set; }
    public string? DocumentKind { get; set; }
    public string? Procedure { get; set; }
    public string? DocumentNumber { get; set; }
    public string? Title { get; set; }
    public bool AwaitingTitle { get; set; }
    public string? BasisInstrument { get; set; }
    public string? BasisArticle { get; set; }
    public string? BasisText { get; set; }
    public string? Department { get; set; }
    public FieldAccumulator Overview { get; } = new();
    public List<SheetBuilder> Sheets { get; } = [];
    public List<ChecklistBuilder> Checklists { get; } = [];
    /// <summary>Every cleaned text of the submission, for the parsers that read across it (prior approvals, defined terms, references).</summary>
    public List<string> AllText { get; } = [];

    public bool HasContent => Title is not null || Council is not null || Overview.Count > 0 || Sheets.Count > 0;

    public LegalBasis? Basis => BasisInstrument is null && BasisArticle is null
        ? null
        : new LegalBasis { Instrument = BasisInstrument ?? "不明", Article = BasisArticle, Text = BasisText };
}
