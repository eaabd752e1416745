using Ingest.Extraction.Forms;
using Ingest.Extraction.Labels;

namespace Ingest.Extraction.Segmentation;

/// <summary>
/// Finds labels the catalogue does not know in sheets read from running text (PDF dumps), where no cell says what is a
/// label: the inference (or the staff map) reads a line's first words, wrapped over lines or not. Used by
/// <see cref="SubmissionSegmenter"/> after the catalogue; <paramref name="startsCataloguedLabel"/> tells where a catalogued
/// label starts, which no wrapped label runs into.
/// </summary>
internal sealed class UncataloguedLineLabels(IReadOnlyList<FormItem> items, LabelResolver labels, Func<int, bool> startsCataloguedLabel, int maxLines)
{
    /// <summary>
    /// A label the catalogue does not know at the start of the line at <paramref name="index"/> of a sheet read from running
    /// text: the line's first word (or the whole line, its value following on the next lines), possibly wrapped over short
    /// lines of its own (受託者に講じさ / せる保護措置). It is a label when staff mapped it or the inference reads it with
    /// confidence, and it is about something the sheet has no label for yet: a value line that merely starts with label
    /// words (情報項目 氏名、住所) restates the field being read. A wrapped label's lines are as wide as its first, but its
    /// last; of several readings the longest wins unless a shorter one ends on the same head noun (担当課 / 区民課: the
    /// second line is the value). The line after a label standing alone is that label's value; a line that starts a
    /// catalogued label ends the search; a line after one the page wrapped opens no wrapped label; and on a sheet whose kind
    /// is known only a meaning the kind has a field for counts.
    /// </summary>
    public (int Lines, string Remainder, string Written)? Match(int index, SheetBuilder sheet)
    {
        if (sheet.Fields.LastAwaitsValue)
            return null; // a label alone on its line: this line is its value
        // After a line the page wrapped, this one may still hold a label with its value, but it does not open a label
        // wrapped over lines: a short line there is the end of the value (…生年 / 月日).
        var afterWrap = sheet.Fields.LastLineWasWrapped();
        HashSet<FieldMeaning>? taken = null; // what the sheet's labels so far are about, read only once a line reads as a label
        var kind = sheet.CataloguedKind;
        (int Lines, string Remainder, string Written, LabelReading Reading)? best = null;
        var joined = string.Empty;
        int firstWidth = 0, lastWidth = 0;
        for (var count = 1; count <= maxLines && index + count - 1 < items.Count; count++)
        {
            if (items[index + count - 1] is not LineItem { HeadingLevel: 0 } line)
                break;
            if (count > 1 && (afterWrap || startsCataloguedLabel(index + count - 1)))
                break; // no earlier line runs into a catalogued label
            var text = line.Line.Text.Trim();
            var space = text.IndexOfAny([' ', '\t', '\u3000']);
            var word = LabelKey.Fold(space < 0 ? text : text[..space]);
            if (count == 1)
                firstWidth = word.Length;
            else if (word.Length > firstWidth + 1 || lastWidth < firstWidth - 1)
                break; // a wrapped cell does not grow, and only a full line wraps: a longer line, or one after a short one, is the value
            lastWidth = word.Length;
            joined += word;
            if (!IsLabelShaped(joined))
                break;
            // A meaning the sheet's kind has no field for (a 記録媒体 line on a 電算処理 sheet) is a value, not a label.
            if (labels.ReadLineLabel(joined) is { } reading
                && !(taken ??= sheet.Fields.Labels.Select(l => SheetFields.MeaningOf(l) ?? labels.ReadLineLabel(l)?.Meaning).OfType<FieldMeaning>().ToHashSet()).Contains(reading.Meaning)
                && (kind is null || SheetFields.FieldFor(kind, reading.Meaning) is not null))
            {
                // A label does not end twice on the same head noun: 担当課 / 区民課 is a label and its value.
                if (best is not { } shorter || shorter.Reading.Head != reading.Head)
                    best = (count, space < 0 ? string.Empty : text[(space + 1)..].Trim(), joined, reading);
            }
            if (space >= 0)
                break; // the label ended at the space; the rest of the line is its value
        }
        return best is { } b ? (b.Lines, b.Remainder, b.Written) : null;
    }

    /// <summary>
    /// Text that can be a label: short, no sentence end, no list comma outside a parenthetical, not a numbered item, a note or
    /// a reference (別紙のとおり).
    /// </summary>
    private static bool IsLabelShaped(string folded)
    {
        if (folded.Length is < 2 or > LabelInference.MaxLabelLength + 20 || folded.Contains('。') || folded.Contains("のとおり", StringComparison.Ordinal))
            return false;
        if (char.IsAsciiDigit(folded[0]) || folded[0] is '※' or '・' or '「' or '(' or '【' or '-' || folded[0] is >= '①' and <= '⑳')
            return false;
        var depth = 0;
        foreach (var c in folded)
        {
            if (c == '(')
                depth++;
            else if (c == ')')
                depth--;
            else if (c is '、' or ',' && depth <= 0)
                return false;
        }
        return true;
    }
}
