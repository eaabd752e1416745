using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace Ingest.Readers.Tests.Xlsx;

/// <summary>Writes small workbooks in memory for reader tests; cells are placed by reference, styles by <see cref="Style"/>.</summary>
internal sealed class XlsxBuilder
{
    /// <summary>The cell formats of the built workbook's stylesheet, by index.</summary>
    public enum Style : uint
    {
        Plain = 0,
        Boxed = 1,
        BoxedBold = 2,
        BoxedEraDate = 3,
        BoxedShortDate = 4,
        BoxedGrouped = 5,
        Underlined = 6,
    }

    private readonly List<(string Name, bool Hidden, WorksheetSpec Sheet)> _sheets = [];
    private readonly List<SharedStringItem> _strings = [];

    public sealed class WorksheetSpec
    {
        public SortedDictionary<uint, Row> Rows { get; } = [];
        public List<string> Merges { get; } = [];
        public List<uint> HiddenColumns { get; } = [];
    }

    public WorksheetSpec Sheet(string name, bool hidden = false)
    {
        var sheet = new WorksheetSpec();
        _sheets.Add((name, hidden, sheet));
        return sheet;
    }

    /// <summary>A shared string; <paramref name="item"/> may hold rich-text runs.</summary>
    public int Shared(SharedStringItem item)
    {
        _strings.Add(item);
        return _strings.Count - 1;
    }

    public int Shared(string text) => Shared(new SharedStringItem(new SText(text)));

    public static void Put(WorksheetSpec sheet, string reference, Cell cell, bool hiddenRow = false)
    {
        var rowNumber = uint.Parse(new string(reference.Where(char.IsAsciiDigit).ToArray()));
        if (!sheet.Rows.TryGetValue(rowNumber, out var row))
            sheet.Rows[rowNumber] = row = new Row { RowIndex = rowNumber, Hidden = hiddenRow ? true : null };
        cell.CellReference = reference;
        // Cells in column order, as Excel writes them.
        var before = row.Elements<Cell>().FirstOrDefault(c => Column(c.CellReference!.Value!) > Column(reference));
        if (before is null)
            row.Append(cell);
        else
            row.InsertBefore(cell, before);
    }

    public void SharedText(WorksheetSpec sheet, string reference, string text, Style style = Style.Plain) =>
        Put(sheet, reference, new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(Shared(text)), StyleIndex = (uint)style });

    public static void InlineText(WorksheetSpec sheet, string reference, string text, Style style = Style.Plain, bool hiddenRow = false) =>
        Put(sheet, reference, new Cell(new InlineString(new SText(text))) { DataType = CellValues.InlineString, StyleIndex = (uint)style }, hiddenRow);

    public static void Number(WorksheetSpec sheet, string reference, double value, Style style) =>
        Put(sheet, reference, new Cell { CellValue = new CellValue(value), StyleIndex = (uint)style });

    /// <summary>Bordered empty cells over a range, as Excel writes the cells under a bordered merge.</summary>
    public static void Boxes(WorksheetSpec sheet, string from, string to)
    {
        var row = uint.Parse(new string(from.Where(char.IsAsciiDigit).ToArray()));
        var lastRow = uint.Parse(new string(to.Where(char.IsAsciiDigit).ToArray()));
        for (var r = row; r <= lastRow; r++)
        {
            for (var c = Column(from); c <= Column(to); c++)
            {
                var reference = Letters(c) + r;
                if (!sheet.Rows.TryGetValue(r, out var existing) || existing.Elements<Cell>().All(x => x.CellReference!.Value != reference))
                    Put(sheet, reference, new Cell { StyleIndex = (uint)Style.Boxed });
            }
        }
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new Sheets());
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(_strings.Select(s => (SharedStringItem)s.CloneNode(true)));
            foreach (var (name, hidden, spec) in _sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                var worksheet = new Worksheet();
                if (spec.HiddenColumns.Count > 0)
                    worksheet.Append(new Columns(spec.HiddenColumns.Select(c => new Column { Min = c, Max = c, Hidden = true, Width = 5, CustomWidth = true })));
                worksheet.Append(new SheetData(spec.Rows.Values.Select(r => r.CloneNode(true))));
                if (spec.Merges.Count > 0)
                    worksheet.Append(new MergeCells(spec.Merges.Select(m => new MergeCell { Reference = m })));
                part.Worksheet = worksheet;
                workbookPart.Workbook.Sheets!.Append(new Sheet
                {
                    Id = workbookPart.GetIdOfPart(part),
                    SheetId = (uint)workbookPart.Workbook.Sheets.ChildElements.Count + 1,
                    Name = name,
                    State = hidden ? SheetStateValues.Hidden : null,
                });
            }
        }
        return stream.ToArray();
    }

    private static Stylesheet Stylesheet()
    {
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 176, FormatCode = "[$-411]ggge\"年\"m\"月\"d\"日\"" }),
            new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 }), new Font(new Underline(), new FontSize { Val = 11 })),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin),
            new CellFormats(
                new CellFormat { FontId = 0, BorderId = 0 },
                new CellFormat { FontId = 0, BorderId = 1 },
                new CellFormat { FontId = 1, BorderId = 1 },
                new CellFormat { FontId = 0, BorderId = 1, NumberFormatId = 176 },
                new CellFormat { FontId = 0, BorderId = 1, NumberFormatId = 14 },
                new CellFormat { FontId = 0, BorderId = 1, NumberFormatId = 3 },
                new CellFormat { FontId = 2, BorderId = 0 }));
    }

    public static int Column(string reference)
    {
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
            column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return column;
    }

    public static string Letters(int column)
    {
        var letters = string.Empty;
        for (var c = column; c > 0; c = (c - 1) / 26)
            letters = (char)('A' + (c - 1) % 26) + letters;
        return letters;
    }
}
