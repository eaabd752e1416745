using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Ingest.Core.Diagnostics;
using Ingest.Core.Layout;
using Ingest.Core.Records;
using Ingest.Readers.Docx;
using Ingest.Readers.Sniffing;

namespace Ingest.Readers.Xlsx;

/// <summary>
/// Reads Excel workbooks (.xlsx, and .xlsm with its macros ignored) with the OpenXml SDK into the neutral layout, each
/// shown worksheet a page in the workbook's order: forms drawn on the "Excel 方眼紙" grid become tables
/// (<see cref="SheetLayout"/>), values are shown as Excel shows them (<see cref="CellNumberFormat"/>: a date cell is a
/// date), shared and inline strings and their rich-text runs carry bold and underline, phonetic guides (ふりがな) are not
/// text, and hidden sheets, rows and columns are left out. Headers and footers are page furniture. The package is checked
/// against <see cref="DocxReaderOptions"/> (the same limits as a Word file) before it is parsed.
/// </summary>
public sealed class XlsxDocumentReader(DocxReaderOptions? options = null) : IDocumentReader
{
    private readonly DocxReaderOptions _options = options ?? new DocxReaderOptions();

    public string Format => SourceFormat.Xlsx.Name;

    public bool CanRead(ReadOnlySpan<byte> head, string path) => FormatSniffer.Sniff(head, path) == SniffedFormat.Xlsx;

    public Result<LayoutDocument> Read(ReadOnlyMemory<byte> content, string path)
    {
        if (content.Length > _options.MaxBytes)
            return Result<LayoutDocument>.Fail($"XLSX too large ({content.Length:N0} bytes; limit {_options.MaxBytes:N0})");
        using var stream = MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
        if (DocxPackageGuard.Check(stream, _options, DocxPackageGuard.PackageKind.Spreadsheet) is { } refusal)
            return Result<LayoutDocument>.Fail(refusal);
        try
        {
            stream.Position = 0;
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = _options.MaxCharactersInPart });
            if (document.WorkbookPart is not { Workbook: { } workbook } workbookPart)
                return Result<LayoutDocument>.Fail("corrupt XLSX: no workbook part");
            var styles = new XlsxStyles(workbookPart.WorkbookStylesPart?.Stylesheet);
            var strings = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().ToArray() ?? [];
            var date1904 = workbook.WorkbookProperties?.Date1904?.Value ?? false;
            var pages = new List<LayoutPage>();
            foreach (var sheet in workbook.Sheets?.Elements<Sheet>() ?? [])
            {
                // Hidden and very hidden sheets hold lookup lists and old versions, not the form.
                if (sheet.State?.Value is { } state && state != SheetStateValues.Visible)
                    continue;
                if (sheet.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part || part.Worksheet is not { } worksheet)
                    continue;
                var reader = new SheetReader(styles, strings, date1904);
                var blocks = reader.Blocks(worksheet);
                pages.Add(new LayoutPage(pages.Count + 1, blocks) { Furniture = Furniture(worksheet) });
            }
            if (pages.Count == 0)
                return Result<LayoutDocument>.Fail("XLSX has no visible worksheet");
            return Result<LayoutDocument>.Ok(new LayoutDocument { Path = path, Format = Format, Pages = pages });
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException
                                       or InvalidOperationException or NotSupportedException or ArgumentException or FormatException or KeyNotFoundException
                                       or OverflowException)
        {
            return Result<LayoutDocument>.Fail($"corrupt XLSX: {e.Message}");
        }
    }

    /// <summary>The printed header and footer's text (&amp;L, &amp;C, &amp;R sections, codes such as &amp;P dropped).</summary>
    private static IReadOnlyList<StyledText> Furniture(Worksheet worksheet)
    {
        var texts = new List<StyledText>();
        if (worksheet.GetFirstChild<HeaderFooter>() is not { } headerFooter)
            return texts;
        foreach (var element in new OpenXmlLeafTextElement?[] { headerFooter.OddHeader, headerFooter.OddFooter })
        {
            if (element?.Text is not { Length: > 0 } code)
                continue;
            foreach (var section in HeaderFooterText(code))
                texts.Add(StyledText.Plain(section));
        }
        return texts.DistinctBy(t => t.Text).ToArray();
    }

    /// <summary>
    /// The text sections of a header or footer code (ECMA-376 part 1, 18.3.1.39): &amp;L, &amp;C and &amp;R start sections,
    /// &amp;&amp; is an ampersand, &amp;"font", a size (&amp;12) and field codes (&amp;P page, &amp;N pages, &amp;D date …) have no fixed text.
    /// </summary>
    internal static IEnumerable<string> HeaderFooterText(string code)
    {
        var section = new StringBuilder();
        for (var i = 0; i < code.Length; i++)
        {
            if (code[i] != '&' || i + 1 >= code.Length)
            {
                section.Append(code[i]);
                continue;
            }
            var next = code[++i];
            if (next == '&')
                section.Append('&');
            else if (next is 'L' or 'C' or 'R')
            {
                if (section.ToString().Trim() is { Length: > 0 } text)
                    yield return text;
                section.Clear();
            }
            else if (next == '"')
            {
                var close = code.IndexOf('"', i + 1);
                i = close < 0 ? code.Length : close;
            }
            else if (char.IsAsciiDigit(next))
            {
                while (i + 1 < code.Length && char.IsAsciiDigit(code[i + 1]))
                    i++;
            }
        }
        if (section.ToString().Trim() is { Length: > 0 } last)
            yield return last;
    }

    /// <summary>Reads one worksheet's shown cells, merges and hidden rows, and lays them out.</summary>
    private sealed class SheetReader(XlsxStyles styles, SharedStringItem[] strings, bool date1904)
    {
        public List<LayoutBlock> Blocks(Worksheet worksheet)
        {
            var hiddenColumns = HiddenColumns(worksheet);
            var cells = new List<SheetCell>();
            var hiddenRows = new List<int>();
            var rowNumber = 0;
            foreach (var row in worksheet.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
            {
                rowNumber = row.RowIndex?.Value is { } index ? (int)Math.Min(index, int.MaxValue) : rowNumber + 1;
                if (row.Hidden?.Value == true)
                {
                    hiddenRows.Add(rowNumber);
                    continue;
                }
                var columnNumber = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    columnNumber = cell.CellReference?.Value is { } reference && ColumnOf(reference) is > 0 and var column ? column : columnNumber + 1;
                    if (IsHidden(hiddenColumns, columnNumber))
                        continue;
                    var look = styles.Look(cell.StyleIndex?.Value);
                    var text = Text(cell, look);
                    if (text.Text.Length > 0 || look.Bordered)
                        cells.Add(new SheetCell(rowNumber, columnNumber, text, look.Bordered));
                }
            }
            var merges = new List<MergedRange>();
            foreach (var merge in worksheet.GetFirstChild<MergeCells>()?.Elements<MergeCell>() ?? [])
            {
                if (merge.Reference?.Value is { } reference && Range(reference) is { } range)
                    merges.Add(range);
            }
            return SheetLayout.Blocks(cells, merges, hiddenRows);
        }

        private StyledText Text(Cell cell, CellLook look)
        {
            var type = cell.DataType?.Value;
            if (type == CellValues.SharedString)
            {
                return int.TryParse(cell.CellValue?.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < strings.Length
                    ? RichText(strings[index], look.Style)
                    : StyledText.Empty;
            }
            if (type == CellValues.InlineString)
                return cell.InlineString is { } inline ? RichText(inline, look.Style) : StyledText.Empty;
            var raw = cell.CellValue?.Text;
            if (string.IsNullOrEmpty(raw))
                return StyledText.Empty;
            string shown;
            if (type == CellValues.Boolean)
                shown = raw.Trim() == "1" ? "TRUE" : "FALSE";
            else if (type == CellValues.String || type == CellValues.Error)
                shown = raw;
            else if (type == CellValues.Date)
                shown = DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
                    ? CellNumberFormat.Format(date.ToOADate(), CellNumberFormat.IsDateTime(look.NumberFormat) ? look.NumberFormat : "yyyy/m/d", date1904: false)
                    : raw;
            else
                shown = double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? CellNumberFormat.Format(number, look.NumberFormat, date1904)
                    : raw;
            return new StyledTextBuilder().Append(shown, look.Style).Build();
        }

        /// <summary>A shared or inline string: plain text, or rich-text runs each with its own font; phonetic runs (rPh) are not text.</summary>
        private static StyledText RichText(OpenXmlElement item, TextStyle cellStyle)
        {
            var text = new StyledTextBuilder();
            foreach (var child in item.ChildElements)
            {
                switch (child)
                {
                    case DocumentFormat.OpenXml.Spreadsheet.Text plain:
                        text.Append(plain.Text, cellStyle);
                        break;
                    case Run run:
                        text.Append(run.Text?.Text ?? string.Empty, XlsxStyles.RunStyle(run.RunProperties, cellStyle));
                        break;
                }
            }
            return text.Build();
        }

        /// <summary>Hidden column ranges (<c>cols/col@hidden</c>), 1-based inclusive.</summary>
        private static List<(uint Min, uint Max)> HiddenColumns(Worksheet worksheet)
        {
            var hidden = new List<(uint, uint)>();
            foreach (var columns in worksheet.Elements<Columns>())
            {
                foreach (var column in columns.Elements<Column>())
                {
                    if (column.Hidden?.Value == true && column.Min?.Value is { } min && column.Max?.Value is { } max)
                        hidden.Add((min, max));
                }
            }
            return hidden;
        }

        private static bool IsHidden(List<(uint Min, uint Max)> hidden, int column)
        {
            foreach (var (min, max) in hidden)
            {
                if (column >= min && column <= max)
                    return true;
            }
            return false;
        }
    }

    /// <summary>The 1-based column of a reference such as <c>AM12</c>; 0 when it has no letters.</summary>
    internal static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z')
                break;
            column = column * 26 + (upper - 'A' + 1);
            if (column > 16384)
                return 0; // beyond XFD: not a reference Excel writes
        }
        return column;
    }

    private static int RowOf(string reference)
    {
        var digits = reference.AsSpan().TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : 0;
    }

    /// <summary>A range such as <c>B3:J4</c>; null when it is not one.</summary>
    internal static MergedRange? Range(string reference)
    {
        var parts = reference.Split(':');
        if (parts.Length != 2)
            return null;
        int firstColumn = ColumnOf(parts[0]), firstRow = RowOf(parts[0]), lastColumn = ColumnOf(parts[1]), lastRow = RowOf(parts[1]);
        if (firstColumn == 0 || firstRow == 0 || lastColumn < firstColumn || lastRow < firstRow)
            return null;
        return new MergedRange(firstRow, firstColumn, lastRow, lastColumn);
    }
}
