using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Ingest.Core.Dates;

namespace Ingest.Generator.Forms;

/// <summary>
/// Writes fixture blocks as an "Excel 方眼紙" workbook, the way forms are drawn in Excel at Japanese public offices: a grid
/// of 38 narrow columns (B–AM) whose merged ranges are the form's cells, thin borders around each, text outside the forms
/// standing in single cells. The cover and each 別紙 go on worksheets of their own, in order (a block that starts a
/// landscape page starts a 別紙 sheet; one that returns to portrait starts the next sheet). Changed values are bold and
/// underlined, alternately as the cell's font and as a rich-text run; values that are a bare date or number are written as
/// numbers with a display format, as Excel stores what is typed; running text is written as inline strings, cells as
/// shared strings. A hidden row, a hidden column and a hidden sheet hold stale text the form no longer shows.
/// </summary>
public static partial class XlsxFixtureWriter
{
    private const int GridColumns = 38;
    private const int FirstColumn = 2; // B

    private static class Styles
    {
        public const uint Plain = 0;
        public const uint Boxed = 1;
        public const uint BoxedMarked = 2;
        public const uint Heading = 3;
        public const uint Right = 4;
        public const uint BoxedEraDate = 5;
        public const uint BoxedWesternDate = 6;
        public const uint BoxedNumber = 7;
        public const uint Marked = 8;
    }

    public static void Write(string path, IReadOnlyList<FixtureBlock> blocks, string? header = null)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook(new Sheets());
        AddStylesheet(workbookPart);
        var strings = new SharedStrings(workbookPart.AddNewPart<SharedStringTablePart>());
        var sheets = workbookPart.Workbook.Sheets!;
        var groups = SheetGroups(blocks);
        var attachments = 0;
        var others = 0;
        var marks = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            var (landscape, group) = groups[g];
            var name = g == 0 ? "表紙" : landscape ? $"別紙{++attachments}" : $"様式{++others + 1}";
            var sheet = new SheetBuilder(strings, () => marks++);
            foreach (var block in group)
                sheet.Add(block);
            if (g == 0)
                sheet.AddHiddenStaleText();
            AddWorksheet(workbookPart, sheets, name, sheet, header, hidden: false);
        }
        // Hidden sheets hold the lists behind drop-downs and old versions; none of it is the form.
        var lists = new SheetBuilder(strings, () => marks++);
        lists.Add(new FixtureParagraph("入力規則用リスト"));
        lists.Add(new FixtureTable([[new FixtureCell("外部結合"), new FixtureCell("委託")], [new FixtureCell("件名"), new FixtureCell("（旧様式）使用しない")]], [0.5, 0.5]));
        AddWorksheet(workbookPart, sheets, "リスト", lists, header: null, hidden: true);
        strings.Save();
        workbookPart.Workbook.Save();
    }

    /// <summary>The blocks split where a page of the other orientation starts: the cover, then each 別紙 and what follows it.</summary>
    private static List<(bool Landscape, List<FixtureBlock> Blocks)> SheetGroups(IReadOnlyList<FixtureBlock> blocks)
    {
        var groups = new List<(bool, List<FixtureBlock>)>();
        foreach (var block in blocks)
        {
            if (groups.Count == 0 || block is FixtureParagraph { Landscape: { } } && groups[^1].Item2.Count > 0)
                groups.Add((block is FixtureParagraph { Landscape: true }, new List<FixtureBlock>()));
            groups[^1].Item2.Add(block);
        }
        return groups;
    }

    private static void AddWorksheet(WorkbookPart workbookPart, Sheets sheets, string name, SheetBuilder sheet, string? header, bool hidden)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var columns = new Columns(
            new Column { Min = 1, Max = 1, Width = 1.5, CustomWidth = true },
            new Column { Min = FirstColumn, Max = FirstColumn + GridColumns - 1, Width = 2.7, CustomWidth = true },
            // A column past the form, hidden, with a note that was struck from the form.
            new Column { Min = FirstColumn + GridColumns + 1, Max = FirstColumn + GridColumns + 1, Width = 20, CustomWidth = true, Hidden = true });
        var worksheet = new Worksheet(
            new SheetFormatProperties { DefaultRowHeight = 18 },
            columns,
            sheet.Data);
        if (sheet.Merges.Count > 0)
            worksheet.Append(new MergeCells(sheet.Merges.Select(m => new MergeCell { Reference = m })));
        worksheet.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        if (header is not null)
            worksheet.Append(new HeaderFooter(new OddHeader("&R" + header.Replace("&", "&&", StringComparison.Ordinal)), new OddFooter("&C&P / &N")));
        part.Worksheet = worksheet;
        sheets.Append(new Sheet
        {
            Id = workbookPart.GetIdOfPart(part),
            SheetId = (uint)sheets.ChildElements.Count + 1,
            Name = name,
            State = hidden ? SheetStateValues.Hidden : null,
        });
    }

    private static void AddStylesheet(WorkbookPart workbookPart)
    {
        Font Font(bool bold = false, bool underline = false, double size = 10.5)
        {
            var font = new Font();
            if (bold)
                font.Append(new Bold());
            if (underline)
                font.Append(new Underline());
            font.Append(new FontSize { Val = size }, new FontName { Val = "IPAGothic" }, new FontFamilyNumbering { Val = 3 }, new FontCharSet { Val = 128 });
            return font;
        }
        Border Thin() => new(
            new LeftBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        CellFormat Format(uint font, uint border, uint numberFormat = 0, HorizontalAlignmentValues? horizontal = null, bool wrap = false) =>
            new(new Alignment { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Top, WrapText = wrap ? true : null })
            {
                FontId = font, BorderId = border, FillId = 0, NumberFormatId = numberFormat, FormatId = 0,
                ApplyFont = font != 0 ? true : null, ApplyBorder = border != 0 ? true : null, ApplyNumberFormat = numberFormat != 0 ? true : null, ApplyAlignment = true,
            };
        var part = workbookPart.AddNewPart<WorkbookStylesPart>();
        part.Stylesheet = new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 176, FormatCode = "[$-ja-JP-x-gannen]ggge\"年\"m\"月\"d\"日\"" },
                new NumberingFormat { NumberFormatId = 177, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" }) { Count = 2 },
            new DocumentFormat.OpenXml.Spreadsheet.Fonts(Font(), Font(bold: true, underline: true), Font(bold: true, size: 12)) { Count = 3 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), Thin()) { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                Format(0, 0),
                Format(0, 1, wrap: true),
                Format(1, 1, wrap: true),
                Format(2, 0),
                Format(0, 0, horizontal: HorizontalAlignmentValues.Right),
                Format(0, 1, 176, HorizontalAlignmentValues.Left),
                Format(0, 1, 177, HorizontalAlignmentValues.Left),
                Format(0, 1, 3, HorizontalAlignmentValues.Left),
                Format(1, 0)) { Count = 9 },
            new CellStyles(new CellStyle { Name = "標準", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    /// <summary>The shared string table, one entry per distinct plain text; rich-text entries are added as they come.</summary>
    private sealed class SharedStrings(SharedStringTablePart part)
    {
        private readonly SharedStringTable _table = new();
        private readonly Dictionary<string, int> _plain = new(StringComparer.Ordinal);

        public int Plain(string text)
        {
            if (_plain.TryGetValue(text, out var index))
                return index;
            _table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            return _plain[text] = _table.ChildElements.Count - 1;
        }

        /// <summary>A rich-text entry whose one run is bold and underlined.</summary>
        public int Marked(string text)
        {
            _table.Append(new SharedStringItem(new Run(
                new RunProperties(new Bold(), new Underline(), new FontSize { Val = 10.5 }, new RunFont { Val = "IPAGothic" }),
                new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
            return _table.ChildElements.Count - 1;
        }

        public void Save()
        {
            _table.Count = (uint)_table.ChildElements.Count;
            _table.UniqueCount = (uint)_table.ChildElements.Count;
            part.SharedStringTable = _table;
        }
    }

    /// <summary>Rows of one worksheet, written top to bottom.</summary>
    private sealed class SheetBuilder(SharedStrings strings, Func<int> nextMark)
    {
        public SheetData Data { get; } = new();
        public List<string> Merges { get; } = [];
        private uint _row;

        public void Add(FixtureBlock block)
        {
            switch (block)
            {
                case FixtureParagraph { Text.Length: > 0 } paragraph:
                    var row = NewRow();
                    if (paragraph.Right)
                    {
                        // A document number sits at the right end of the page, in a merge over the right half.
                        var first = FirstColumn + GridColumns / 2;
                        row.Append(InlineCell(Reference(first, _row), paragraph.Text, Styles.Right));
                        Merges.Add($"{Reference(first, _row)}:{Reference(FirstColumn + GridColumns - 1, _row)}");
                    }
                    else
                        row.Append(InlineCell(Reference(FirstColumn, _row), paragraph.Text, paragraph.Heading ? Styles.Heading : Styles.Plain));
                    break;
                case FixtureTable table:
                    AddTable(table);
                    NewRow(); // a blank row between a form and what follows, as a Word document has a paragraph there
                    break;
            }
        }

        /// <summary>
        /// On the cover: a hidden row with a department the form no longer names and, in the hidden column beside the
        /// grid, a note; neither may be read.
        /// </summary>
        public void AddHiddenStaleText()
        {
            var row = NewRow();
            row.Hidden = true;
            row.Append(InlineCell(Reference(FirstColumn, _row), "（担当部課：旧組織 廃止課）", Styles.Plain));
            var first = (Row)Data.FirstChild!;
            first.Append(InlineCell(Reference(FirstColumn + GridColumns + 1, first.RowIndex!.Value), "メモ：旧様式の件名 使用しない", Styles.Plain));
        }

        private void AddTable(FixtureTable table)
        {
            var spans = ColumnSpans(table.Widths);
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = NewRow();
                var column = FirstColumn;
                for (var c = 0; c < table.Rows[r].Count && c < spans.Length; c++)
                {
                    var cell = table.Rows[r][c];
                    var last = column + spans[c] - 1;
                    var (cellElement, style) = cell.Covered ? (new Cell { CellReference = Reference(column, _row), StyleIndex = Styles.Boxed }, Styles.Boxed) : ValueCell(Reference(column, _row), cell);
                    row.Append(cellElement);
                    // Every cell of a merge carries the border, as Excel writes a bordered merged range.
                    for (var covered = column + 1; covered <= last; covered++)
                        row.Append(new Cell { CellReference = Reference(covered, _row), StyleIndex = style });
                    var lastRow = _row + (uint)Math.Max(0, cell.RowSpan - 1);
                    if (!cell.Covered && (last > column || lastRow > _row))
                        Merges.Add($"{Reference(column, _row)}:{Reference(last, lastRow)}");
                    column = last + 1;
                }
            }
        }

        private (Cell Cell, uint Style) ValueCell(string reference, FixtureCell cell)
        {
            if (cell.Marked)
            {
                // Alternately the cell's font and a rich-text run of the string: Excel users do both.
                if (nextMark() % 2 == 0)
                    return (new Cell { CellReference = reference, DataType = CellValues.SharedString, StyleIndex = Styles.BoxedMarked, CellValue = new CellValue(strings.Plain(cell.Text)) }, Styles.BoxedMarked);
                return (new Cell { CellReference = reference, DataType = CellValues.SharedString, StyleIndex = Styles.Boxed, CellValue = new CellValue(strings.Marked(cell.Text)) }, Styles.Boxed);
            }
            if (AsDate(cell.Text) is { } date)
                return (new Cell { CellReference = reference, StyleIndex = date.Era ? Styles.BoxedEraDate : Styles.BoxedWesternDate, CellValue = new CellValue(date.Serial) }, Styles.Boxed);
            if (GroupedNumber().IsMatch(cell.Text))
                return (new Cell { CellReference = reference, StyleIndex = Styles.BoxedNumber, CellValue = new CellValue(double.Parse(cell.Text.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)) }, Styles.Boxed);
            if (cell.Text.Length == 0)
                return (new Cell { CellReference = reference, StyleIndex = Styles.Boxed }, Styles.Boxed);
            return (new Cell { CellReference = reference, DataType = CellValues.SharedString, StyleIndex = Styles.Boxed, CellValue = new CellValue(strings.Plain(cell.Text)) }, Styles.Boxed);
        }

        private static Cell InlineCell(string reference, string text, uint style) =>
            new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style };

        private Row NewRow()
        {
            var row = new Row { RowIndex = ++_row };
            Data.Append(row);
            return row;
        }
    }

    /// <summary>Grid columns per table column: each share of the width, rounded, the last taking what is left.</summary>
    private static int[] ColumnSpans(IReadOnlyList<double> widths)
    {
        var total = widths.Sum();
        var spans = widths.Select(w => Math.Max(1, (int)Math.Round(w / total * GridColumns))).ToArray();
        spans[^1] = Math.Max(1, GridColumns - spans[..^1].Sum());
        return spans;
    }

    /// <summary>
    /// A value that is only a date (令和6年4月1日, 2024年4月1日) as Excel stores a typed date: its serial number, and
    /// whether it was written in the era (to be shown with the era format).
    /// </summary>
    private static (double Serial, bool Era)? AsDate(string text)
    {
        var match = BareDate().Match(text);
        if (!match.Success)
            return null;
        int year;
        var era = match.Groups["era"].Success;
        if (era)
        {
            if (!Eras.TryParseEra(match.Groups["era"].Value, out var name))
                return null;
            year = Eras.ToGregorianYear(name, match.Groups["year"].Value == "元" ? 1 : int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture));
        }
        else
            year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (year < 1901 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return null;
        var date = DateOnly.FromDateTime(new DateTime(year, month, day));
        // Only a date the era format shows back as written: in its own era, and 元年 rather than 1年 (the gannen format).
        if (era && (Eras.NameOf(Eras.EraOf(date)) != match.Groups["era"].Value || (match.Groups["year"].Value != "元" && Eras.ToEraYear(date).Year == 1)))
            return null;
        return (date.DayNumber - new DateOnly(1899, 12, 30).DayNumber, era);
    }

    private static string Reference(int column, uint row)
    {
        var letters = string.Empty;
        for (var c = column; c > 0; c = (c - 1) / 26)
            letters = (char)('A' + (c - 1) % 26) + letters;
        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?:(?<era>明治|大正|昭和|平成|令和)(?<year>元|[0-9]{1,2})|(?<year>[0-9]{4}))年(?<month>[0-9]{1,2})月(?<day>[0-9]{1,2})日$")]
    private static partial Regex BareDate();

    [GeneratedRegex(@"^[1-9][0-9]{0,2}(?:,[0-9]{3})+$")]
    private static partial Regex GroupedNumber();
}
