using System.Runtime.InteropServices;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Ingest.Core.Diagnostics;
using Ingest.Core.Layout;
using Ingest.Core.Records;
using Ingest.Readers.Sniffing;
using TableRow = Ingest.Core.Layout.TableRow;
using WTable = DocumentFormat.OpenXml.Wordprocessing.Table;
using WTableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using WTableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Ingest.Readers.Docx;

/// <summary>
/// Reads Word (.docx) files with the OpenXml SDK into the neutral layout: body paragraphs and tables in order, merged
/// cells (gridSpan, vMerge) kept once with their spans, nested tables, content controls opened, bold/underline runs
/// resolved through styles, headers and footers as page furniture. The package is checked against
/// <see cref="DocxReaderOptions"/> before it is parsed.
/// </summary>
public sealed class DocxDocumentReader(DocxReaderOptions? options = null) : IDocumentReader
{
    private readonly DocxReaderOptions _options = options ?? new DocxReaderOptions();

    public string Format => SourceFormat.Docx.Name;

    /// <summary>
    /// A zip holding <c>word/</c> parts (.docx, and .docm with its macros ignored). OLE compound files — legacy .doc, an
    /// encrypted DOCX — go to <see cref="Conversion.ConvertingReader"/>, which names them or converts them.
    /// </summary>
    public bool CanRead(ReadOnlySpan<byte> head, string path) => FormatSniffer.Sniff(head, path) == SniffedFormat.Docx;

    public Result<LayoutDocument> Read(ReadOnlyMemory<byte> content, string path)
    {
        if (content.Length > _options.MaxBytes)
            return Result<LayoutDocument>.Fail($"DOCX too large ({content.Length:N0} bytes; limit {_options.MaxBytes:N0})");
        var sniffed = FormatSniffer.Sniff(content.Span[..Math.Min(content.Length, ReaderRegistry.SniffLength)], path);
        // Any zip goes to the guard, which names a workbook as such when a Word document was expected.
        if (sniffed is not (SniffedFormat.Docx or SniffedFormat.OtherZip or SniffedFormat.Xlsx))
            return Result<LayoutDocument>.Fail($"not a DOCX: file starts with {FormatSniffer.Describe(content.Span)}");

        // One read-only stream over the caller's bytes (copied only when they are not an array) for the guard and the SDK.
        using var stream = MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
        if (DocxPackageGuard.Check(stream, _options) is { } refusal)
            return Result<LayoutDocument>.Fail(refusal);

        try
        {
            stream.Position = 0;
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings
            {
                MaxCharactersInPart = _options.MaxCharactersInPart,
            });
            var main = document.MainDocumentPart;
            if (main?.Document?.Body is not { } body)
                return Result<LayoutDocument>.Fail("corrupt DOCX: no document body");
            var walker = new Walker(_options, new DocxStyleResolver(main.StyleDefinitionsPart?.Styles, _options.MaxStyleChain));
            var blocks = walker.Blocks(body, 0);
            var furniture = new List<StyledText>();
            foreach (var part in main.HeaderParts.Select(h => (OpenXmlPartRootElement?)h.Header)
                         .Concat(main.FooterParts.Select(f => (OpenXmlPartRootElement?)f.Footer)))
            {
                if (part is null)
                    continue;
                foreach (var text in FlattenToText(walker.Blocks(part, 0)))
                    furniture.Add(text);
            }
            var page = new LayoutPage(1, blocks) { Furniture = furniture.DistinctBy(t => t.Text).ToArray() };
            return Result<LayoutDocument>.Ok(new LayoutDocument { Path = path, Format = Format, Pages = [page] });
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException
                                       or InvalidOperationException or NotSupportedException or ArgumentException or FormatException or OverflowException)
        {
            return Result<LayoutDocument>.Fail($"corrupt DOCX: {e.Message}");
        }
    }

    private static IEnumerable<StyledText> FlattenToText(IEnumerable<LayoutBlock> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case ParagraphBlock p when p.Text.Text.Length > 0:
                    yield return p.Text;
                    break;
                case TableBlock t:
                    foreach (var cell in t.Rows.SelectMany(r => r.Cells).Where(c => c.Text.Text.Length > 0))
                        yield return cell.Text;
                    break;
            }
        }
    }

    /// <summary>Walks one part's block-level content; its size was bounded by <see cref="DocxPackageGuard"/> before the part was loaded.</summary>
    private sealed class Walker(DocxReaderOptions options, DocxStyleResolver styles)
    {
        public List<LayoutBlock> Blocks(OpenXmlElement container, int depth)
        {
            var blocks = new List<LayoutBlock>();
            foreach (var child in container.ChildElements)
                AddBlock(child, blocks, depth);
            return blocks;
        }

        private void AddBlock(OpenXmlElement element, List<LayoutBlock> blocks, int depth)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    blocks.Add(new ParagraphBlock(ParagraphText(paragraph), styles.HeadingLevel(paragraph)));
                    break;
                case WTable table:
                    if (depth >= options.MaxNestingDepth)
                        blocks.Add(new ParagraphBlock(StyledText.Plain(table.InnerText)));
                    else
                        blocks.Add(Table(table, depth));
                    break;
                case SdtBlock or CustomXmlBlock or SdtContentBlock:
                    // Content controls (w:sdt) and custom XML wrap ordinary paragraphs and tables.
                    if (depth < options.MaxNestingDepth)
                    {
                        foreach (var child in element.ChildElements)
                        {
                            if (child is SdtContentBlock or Paragraph or WTable or SdtBlock or CustomXmlBlock)
                                AddBlock(child, blocks, depth + 1);
                        }
                    }
                    break;
            }
        }

        private TableBlock Table(WTable table, int depth)
        {
            // Collect each row's cells with their starting grid column, opening content controls around rows and cells.
            var rows = new List<List<GridCell>>();
            foreach (var row in Unwrapped<WTableRow>(table, 0))
            {
                var cells = new List<GridCell>();
                var column = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
                if (column > 0)
                    cells.Add(new GridCell(0, column, VerticalMergeKind.None, null));
                foreach (var cell in Unwrapped<WTableCell>(row, 0))
                {
                    var properties = cell.TableCellProperties;
                    var span = Math.Max(1, properties?.GridSpan?.Val?.Value ?? 1);
                    if (properties?.HorizontalMerge is { } hMerge && hMerge.Val?.Value != MergedCellValues.Restart && cells.Count > 0 && cells[^1].Cell is not null)
                    {
                        // Legacy horizontal merge: a continuation widens the cell before it.
                        cells[^1] = cells[^1] with { Span = cells[^1].Span + span };
                        column += span;
                        continue;
                    }
                    var kind = properties?.VerticalMerge is { } vMerge
                        ? vMerge.Val?.Value == MergedCellValues.Restart ? VerticalMergeKind.Restart : VerticalMergeKind.Continue
                        : VerticalMergeKind.None;
                    cells.Add(new GridCell(column, span, kind, cell));
                    column += span;
                }
                rows.Add(cells);
            }

            var result = new List<TableRow>(rows.Count);
            for (var r = 0; r < rows.Count; r++)
            {
                var output = new List<Core.Layout.TableCell>();
                foreach (var cell in rows[r])
                {
                    if (cell.Merge == VerticalMergeKind.Continue)
                        continue; // covered by the restart cell above, which carries the row span
                    if (cell.Cell is null)
                    {
                        output.Add(new Core.Layout.TableCell(StyledText.Empty, cell.Span));
                        continue;
                    }
                    var rowSpan = 1;
                    if (cell.Merge == VerticalMergeKind.Restart)
                    {
                        while (r + rowSpan < rows.Count &&
                               rows[r + rowSpan].Any(c => c.Column == cell.Column && c.Merge == VerticalMergeKind.Continue))
                            rowSpan++;
                    }
                    output.Add(Cell(cell.Cell, cell.Span, rowSpan, depth));
                }
                result.Add(new TableRow(output));
            }
            return new TableBlock(result);
        }

        private Core.Layout.TableCell Cell(WTableCell cell, int columnSpan, int rowSpan, int depth)
        {
            var text = new StyledTextBuilder();
            var nested = new List<TableBlock>();
            foreach (var block in Blocks(cell, depth + 1))
            {
                switch (block)
                {
                    case ParagraphBlock paragraph:
                        if (text.Length > 0)
                            text.Append("\n");
                        text.Append(paragraph.Text);
                        break;
                    case TableBlock table:
                        nested.Add(table);
                        break;
                }
            }
            return new Core.Layout.TableCell(text.Build(), columnSpan, rowSpan) { Nested = nested };
        }

        /// <summary>
        /// The rows of a table or the cells of a row (<typeparamref name="T"/>), looking through the content controls and
        /// custom XML that may wrap them.
        /// </summary>
        private IEnumerable<T> Unwrapped<T>(OpenXmlElement container, int depth) where T : OpenXmlElement
        {
            foreach (var child in container.ChildElements)
            {
                if (child is T item)
                    yield return item;
                else if (child is SdtRow or CustomXmlRow or SdtContentRow or SdtCell or CustomXmlCell or SdtContentCell && depth < options.MaxNestingDepth)
                {
                    foreach (var inner in Unwrapped<T>(child, depth + 1))
                        yield return inner;
                }
            }
        }

        private StyledText ParagraphText(Paragraph paragraph)
        {
            var text = new StyledTextBuilder();
            AppendInline(paragraph, paragraph, text, null, 0);
            return text.Build();
        }

        /// <summary>
        /// Inline content in document order. Deleted runs (w:del → w:delText) and field instructions (w:instrText) are
        /// not text; mc:AlternateContent is read through its first choice only, or its fallback text would repeat it.
        /// </summary>
        private void AppendInline(OpenXmlElement element, Paragraph paragraph, StyledTextBuilder text, Run? run, int depth)
        {
            if (depth > options.MaxNestingDepth * 4)
                return;
            foreach (var child in element.ChildElements)
            {
                switch (child)
                {
                    case ParagraphProperties or RunProperties or DeletedRun or FieldCode or DeletedText:
                        break;
                    case AlternateContentFallback:
                        break;
                    case Run r:
                        AppendInline(r, paragraph, text, r, depth + 1);
                        break;
                    case WText t:
                        text.Append(t.Text, run is null ? TextStyle.None : styles.Resolve(run, paragraph));
                        break;
                    case TabChar or PositionalTab:
                        text.Append("\t");
                        break;
                    case Break or CarriageReturn:
                        text.Append("\n");
                        break;
                    case NoBreakHyphen:
                        text.Append("-", run is null ? TextStyle.None : styles.Resolve(run, paragraph));
                        break;
                    case Paragraph inner:
                        // A paragraph inside a text box within this paragraph: its own line.
                        if (text.Length > 0 && !text.EndsWithNewLine)
                            text.Append("\n");
                        AppendInline(inner, inner, text, null, depth + 1);
                        break;
                    default:
                        if (child.HasChildren)
                            AppendInline(child, paragraph, text, run, depth + 1);
                        break;
                }
            }
        }
    }

    private enum VerticalMergeKind
    {
        None,
        Restart,
        Continue,
    }

    private sealed record GridCell(int Column, int Span, VerticalMergeKind Merge, WTableCell? Cell);
}
