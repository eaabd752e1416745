using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Ingest.Readers.Tests.Docx;

/// <summary>Writes small Word documents in memory for reader tests.</summary>
internal static class DocxBuilder
{
    public static byte[] Build(Action<Body> fill, Action<MainDocumentPart>? parts = null, Styles? styles = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            if (styles is not null)
                main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
            fill(main.Document.Body!);
            parts?.Invoke(main);
        }
        return stream.ToArray();
    }

    public static Paragraph Para(params OpenXmlElement[] runs) => new(runs);

    public static Paragraph Para(string text) => new(new Run(new WText(text) { Space = SpaceProcessingModeValues.Preserve }));

    public static Run Run(string text, params OpenXmlElement[] properties) =>
        properties.Length == 0
            ? new Run(new WText(text) { Space = SpaceProcessingModeValues.Preserve })
            : new Run(new RunProperties(properties), new WText(text) { Space = SpaceProcessingModeValues.Preserve });

    public static TableCell Cell(string text, params OpenXmlElement[] properties) =>
        new(new TableCellProperties(properties), Para(text));

    public static TableCell Cell(Paragraph paragraph, params OpenXmlElement[] properties) =>
        new(new TableCellProperties(properties), paragraph);

    public static Table Table(params OpenXmlElement[] rows) => new([new TableProperties(), new TableGrid(), .. rows]);

    public static TableRow Row(params OpenXmlElement[] cells) => new(cells);
}
