using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Ingest.Reports.Renewals;

namespace Ingest.Reports.Export;

/// <summary>
/// An Excel workbook (Office Open XML, through DocumentFormat.OpenXml) staff can work in: a sheet of the rows that need
/// renewal, a sheet of those that need review and a sheet of all arrangements, each with a bold frozen header row, an auto-filter (with its
/// <c>_xlnm._FilterDatabase</c> defined name, as Excel writes it), column widths from the content (CJK counted
/// double) and dates as real Excel dates with a yyyy-mm-dd format.
/// </summary>
public sealed class XlsxReportWriter : IReportWriter
{
    /// <summary>Name of the sheet of rows that need renewal.</summary>
    public const string RenewalSheetName = "要更新";

    /// <summary>Name of the sheet of rows a person must read (no partner or period recognised).</summary>
    public const string ReviewSheetName = "要確認";

    /// <summary>Name of the sheet of every arrangement.</summary>
    public const string AllSheetName = "全件";

    /// <summary>Excel's limit on the characters of one cell; longer text is cut (and marked with …).</summary>
    public const int MaxCellText = 32_767;

    /// <summary>Column widths are kept within these bounds (in characters).</summary>
    public const int MinColumnWidth = 6, MaxColumnWidth = 60;

    // Style indexes into CellFormats, see BuildStylesheet.
    private const uint DefaultStyle = 0, DateStyle = 1, HeaderStyle = 2;
    private const uint DateNumberFormatId = 164; // first id free for custom formats

    private static readonly int _excelEpoch = new DateOnly(1899, 12, 30).DayNumber;

    public string Format => "xlsx";
    public string Extension => ".xlsx";
    public bool IsBinary => true;

    public void Write(RenewalReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        // The package needs a seekable stream; a pipe or console stream gets a buffer first.
        if (!output.CanSeek || !output.CanRead)
        {
            using var buffer = new MemoryStream();
            Write(report, buffer);
            buffer.Position = 0;
            buffer.CopyTo(output);
            return;
        }

        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = BuildStylesheet();
        var strings = new SharedStrings(workbookPart.AddNewPart<SharedStringTablePart>());

        var sheets = new Sheets();
        var definedNames = new DefinedNames();
        var tabs = new (string Name, IReadOnlyList<RenewalRow> Rows)[]
        {
            (RenewalSheetName, report.NeedingRenewal.ToList()),
            (ReviewSheetName, report.NeedingReview.ToList()),
            (AllSheetName, report.Rows),
        };
        for (var i = 0; i < tabs.Length; i++)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var filterRange = WriteWorksheet(worksheetPart, tabs[i].Rows, strings);
            sheets.Append(new Sheet
            {
                Id = workbookPart.GetIdOfPart(worksheetPart),
                SheetId = (uint)(i + 1),
                Name = tabs[i].Name,
            });
            definedNames.Append(new DefinedName($"'{tabs[i].Name}'!{Absolute(filterRange)}")
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = (uint)i,
                Hidden = true,
            });
        }
        workbookPart.Workbook.Append(sheets, definedNames);
        strings.Save();
        workbookPart.Workbook.Save();
    }

    /// <summary>
    /// Writes one sheet straight into its part, row by row (a report over a large archive has tens of thousands of rows,
    /// which as an element tree took hundreds of megabytes); returns the range its auto-filter covers.
    /// </summary>
    private static string WriteWorksheet(WorksheetPart part, IReadOnlyList<RenewalRow> rows, SharedStrings strings)
    {
        var columns = ReportColumns.All;
        var filterRange = $"A1:{ColumnName(columns.Count - 1)}{rows.Count + 1}";
        var references = columns.Select((_, c) => ColumnName(c)).ToArray();

        // Each cell's value once: the column widths come before the rows in the sheet, so they are measured first.
        var values = new object?[rows.Count][];
        var widths = columns.Select(col => ReportColumns.DisplayWidth(col.Header)).ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = values[r] = new object?[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                var value = columns[c].Value(rows[r]);
                cells[c] = value is null or DateOnly or int ? value : columns[c].Text(rows[r]);
                var shown = value switch
                {
                    null => 0,
                    DateOnly => 10,
                    _ => ReportColumns.DisplayWidth(cells[c] as string ?? ReportColumns.Format(value)),
                };
                widths[c] = Math.Max(widths[c], shown);
            }
        }

        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        // Child order is fixed by the schema: sheetViews, sheetFormatPr, cols, sheetData, autoFilter.
        // Frozen header: a pane split below row 1, the scrolling part starting at A2.
        var view = new SheetView { WorkbookViewId = 0 };
        view.Append(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } });
        writer.WriteElement(new SheetViews(view));
        writer.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15 });
        var cols = new Columns();
        for (var c = 0; c < columns.Count; c++)
        {
            var width = Math.Clamp(widths[c] + 2, MinColumnWidth, MaxColumnWidth);
            cols.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = width, CustomWidth = true });
        }
        writer.WriteElement(cols);

        writer.WriteStartElement(new SheetData());
        writer.WriteStartElement(new Row { RowIndex = 1 });
        for (var c = 0; c < columns.Count; c++)
            writer.WriteElement(TextCell(references[c] + "1", columns[c].Header, strings, HeaderStyle));
        writer.WriteEndElement();
        for (var r = 0; r < rows.Count; r++)
        {
            var rowIndex = (uint)(r + 2);
            var rowNumber = rowIndex.ToString(CultureInfo.InvariantCulture);
            writer.WriteStartElement(new Row { RowIndex = rowIndex });
            for (var c = 0; c < columns.Count; c++)
            {
                var reference = references[c] + rowNumber;
                Cell? cell = values[r][c] switch
                {
                    DateOnly date => new Cell
                    {
                        CellReference = reference,
                        StyleIndex = DateStyle,
                        CellValue = new CellValue((date.DayNumber - _excelEpoch).ToString(CultureInfo.InvariantCulture)),
                    },
                    int number => new Cell
                    {
                        CellReference = reference,
                        DataType = CellValues.Number,
                        CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)),
                    },
                    string { Length: > 0 } text => TextCell(reference, text, strings, DefaultStyle),
                    _ => null,
                };
                if (cell is not null)
                    writer.WriteElement(cell);
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement(); // sheetData
        writer.WriteElement(new AutoFilter { Reference = filterRange });
        writer.WriteEndElement(); // worksheet
        return filterRange;
    }

    private static Cell TextCell(string reference, string text, SharedStrings strings, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.SharedString,
        StyleIndex = style,
        CellValue = new CellValue(strings.Index(Sanitise(text)).ToString(CultureInfo.InvariantCulture)),
    };

    private static Stylesheet BuildStylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateNumberFormatId, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDE4F0" }) { PatternType = PatternValues.Solid })) { Count = 3 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = DateNumberFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true }) { Count = 3 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    /// <summary>A1-style column name of a zero-based index (0 → A, 25 → Z, 26 → AA).</summary>
    internal static string ColumnName(int index)
    {
        var name = new StringBuilder();
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name.Insert(0, (char)('A' + (n - 1) % 26));
        return name.ToString();
    }

    private static string Absolute(string range) =>
        string.Join(':', range.Split(':').Select(part =>
        {
            var split = part.IndexOfAny("0123456789".ToCharArray());
            return $"${part[..split]}${part[split..]}";
        }));

    // XML 1.0 forbids most control characters; a stray one from a PDF dump would make the file unreadable.
    private static string Sanitise(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxCellText));
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20 && c is not '\t' and not '\n' and not '\r' || c is '\uFFFE' or '\uFFFF')
                continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }
            if (char.IsSurrogate(c))
                continue; // a lone surrogate cannot be written as XML
            builder.Append(c);
        }
        if (builder.Length > MaxCellText)
        {
            builder.Length = MaxCellText - 1;
            if (char.IsHighSurrogate(builder[^1]))
                builder.Length--;
            builder.Append('…');
        }
        return builder.ToString();
    }

    /// <summary>The shared-string table: each distinct text stored once, written in one pass when the sheets are done.</summary>
    private sealed class SharedStrings(SharedStringTablePart part)
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _texts = [];

        public int Index(string text)
        {
            if (!_index.TryGetValue(text, out var i))
            {
                i = _texts.Count;
                _index[text] = i;
                _texts.Add(text);
            }
            return i;
        }

        public void Save()
        {
            using var writer = OpenXmlWriter.Create(part);
            writer.WriteStartElement(new SharedStringTable { Count = (uint)_texts.Count, UniqueCount = (uint)_texts.Count });
            foreach (var text in _texts)
                writer.WriteElement(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            writer.WriteEndElement();
        }
    }
}
