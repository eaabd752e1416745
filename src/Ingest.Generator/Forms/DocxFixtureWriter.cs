using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Ingest.Generator.Forms;

/// <summary>Writes fixture blocks as a Word document with real tables (gridSpan-free two- and three-column grids, vMerge for merged party cells).</summary>
public static class DocxFixtureWriter
{
    /// <summary>A4 text width in twentieths of a point with 20 mm margins.</summary>
    private const int TextWidth = 9638;

    public static void Write(string path, IReadOnlyList<FixtureBlock> blocks, string? header = null)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        Fill(document, blocks, header);
    }

    /// <summary>The same document into a stream (left open), for a caller that packs several into one download.</summary>
    public static void Write(Stream output, IReadOnlyList<FixtureBlock> blocks, string? header = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        Fill(document, blocks, header);
    }

    private static void Fill(WordprocessingDocument document, IReadOnlyList<FixtureBlock> blocks, string? header)
    {
        var main = document.AddMainDocumentPart();
        main.Document = new Document(new Body());
        AddStyles(main);
        var body = main.Document.Body!;
        foreach (var block in blocks)
        {
            switch (block)
            {
                case FixtureParagraph p:
                    body.Append(Paragraph(p.Text, marked: false, heading: p.Heading, right: p.Right, pageBreak: p.PageBreakBefore));
                    break;
                case FixtureTable t:
                    body.Append(Table(t));
                    body.Append(new Paragraph());
                    break;
            }
        }
        var section = new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567 });
        if (header is not null)
        {
            var headerPart = main.AddNewPart<HeaderPart>();
            headerPart.Header = new Header(Paragraph(header, false, false, right: true, pageBreak: false));
            var footerPart = main.AddNewPart<FooterPart>();
            footerPart.Footer = new Footer(new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                new Run(new Text("1")),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
            section.PrependChild(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footerPart) });
            section.PrependChild(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(headerPart) });
        }
        body.Append(section);
    }

    /// <summary>IPA Gothic for every script, 10.5 pt, no paragraph spacing; the heading style is bold by inheritance.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "IPAGothic", HighAnsi = "IPAGothic", EastAsia = "IPAGothic", ComplexScript = "IPAGothic" },
                    new FontSize { Val = "21" },
                    new Languages { EastAsia = "ja-JP" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(
                new StyleName { Val = "heading 2" },
                new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new SpacingBetweenLines { Before = "120", After = "60" }, new OutlineLevel { Val = 1 }),
                new StyleRunProperties(new Bold(), new FontSize { Val = "24" })) { Type = StyleValues.Paragraph, StyleId = "Heading2" });
    }

    private static Paragraph Paragraph(string text, bool marked, bool heading, bool right, bool pageBreak)
    {
        var properties = new ParagraphProperties();
        if (heading)
            properties.Append(new ParagraphStyleId { Val = "Heading2" });
        if (pageBreak)
            properties.Append(new PageBreakBefore());
        if (right)
            properties.Append(new Justification { Val = JustificationValues.Right });
        var paragraph = new Paragraph(properties);
        foreach (var (piece, isPlaceholder) in Placeholders.Split(text))
            paragraph.Append(Run(piece, marked, isPlaceholder));
        return paragraph;
    }

    private static Run Run(string text, bool marked, bool placeholder)
    {
        var run = new Run();
        var properties = new RunProperties();
        if (marked || placeholder)
            properties.Append(new Bold());
        // A placeholder is highlighted so that staff filling in a draft cannot miss it.
        if (placeholder)
            properties.Append(new Highlight { Val = HighlightColorValues.Yellow });
        if (marked)
            properties.Append(new Underline { Val = UnderlineValues.Single });
        if (properties.HasChildren)
            run.Append(properties);
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static Table Table(FixtureTable table)
    {
        var widths = table.Widths.Select(w => (int)(w * TextWidth)).ToArray();
        // Children in the schema's order (tblW before tblBorders; top, left, bottom, right), so Word's validator is content.
        var border = () => new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var result = new Table(
            new TableProperties(new TableWidth { Width = TextWidth.ToString(), Type = TableWidthUnitValues.Dxa }, border(),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        foreach (var row in table.Rows)
        {
            var tableRow = new TableRow();
            for (var c = 0; c < row.Count; c++)
            {
                var cell = row[c];
                var properties = new TableCellProperties(new TableCellWidth { Width = widths[c].ToString(), Type = TableWidthUnitValues.Dxa });
                if (cell.RowSpan > 1)
                    properties.Append(new VerticalMerge { Val = MergedCellValues.Restart });
                else if (cell.Covered)
                    properties.Append(new VerticalMerge());
                tableRow.Append(new TableCell(properties, Paragraph(cell.Covered ? string.Empty : cell.Text, cell.Marked, false, false, false)));
            }
            result.Append(tableRow);
        }
        return result;
    }
}
