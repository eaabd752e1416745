using Ingest.Core.Diagnostics;
using Ingest.Core.Layout;
using Ingest.Readers.Docx;
using Ingest.Readers.Sniffing;
using Ingest.Readers.Xlsx;

namespace Ingest.Readers.Conversion;

/// <summary>
/// Reads the formats we have no reader of our own for — Word and Excel 97-2003, RTF, OpenDocument text and spreadsheets,
/// 一太郎 — by converting them to .docx or .xlsx (<see cref="IDocumentConverter"/>, LibreOffice) and reading the result
/// with our own readers, so one set of layout rules serves them all. The format is told from the content: an OLE compound
/// file by the streams at its root (an .xls renamed .doc is read as a workbook), RTF by <c>{\rtf</c>, OpenDocument by its
/// <c>mimetype</c> entry. The layout keeps the original format's name (<c>doc</c>, <c>xls</c> …).
/// </summary>
public sealed class ConvertingReader(IDocumentConverter converter, DocxDocumentReader? docx = null, XlsxDocumentReader? xlsx = null) : IDocumentReader
{
    private readonly DocxDocumentReader _docx = docx ?? new DocxDocumentReader();
    private readonly XlsxDocumentReader _xlsx = xlsx ?? new XlsxDocumentReader();

    public string Format => "converted";

    public IDocumentConverter Converter { get; } = converter;

    public bool CanRead(ReadOnlySpan<byte> head, string path) => FormatSniffer.Sniff(head, path) is
        SniffedFormat.CompoundFile or SniffedFormat.Rtf or SniffedFormat.OpenDocumentText or SniffedFormat.OpenDocumentSpreadsheet;

    /// <summary>The format <paramref name="content"/> is, or the reason it is none this reader converts.</summary>
    public static Result<ConvertedFormat> Identify(ReadOnlySpan<byte> content, string path)
    {
        var head = content[..Math.Min(content.Length, ReaderRegistry.SniffLength)];
        switch (FormatSniffer.Sniff(head, path))
        {
            case SniffedFormat.Rtf:
                return Result<ConvertedFormat>.Ok(ConvertedFormat.Rtf);
            case SniffedFormat.OpenDocumentText:
                return Result<ConvertedFormat>.Ok(ConvertedFormat.Odt);
            case SniffedFormat.OpenDocumentSpreadsheet:
                return Result<ConvertedFormat>.Ok(ConvertedFormat.Ods);
            case SniffedFormat.CompoundFile:
                return CompoundFileKinds.Of(content, path) switch
                {
                    CompoundFileKind.WordDocument => Result<ConvertedFormat>.Ok(ConvertedFormat.Doc),
                    CompoundFileKind.ExcelWorkbook => Result<ConvertedFormat>.Ok(ConvertedFormat.Xls),
                    CompoundFileKind.Ichitaro => Result<ConvertedFormat>.Ok(ConvertedFormat.Jtd),
                    CompoundFileKind.EncryptedPackage => Result<ConvertedFormat>.Fail("encrypted Office document (password required)"),
                    _ => Result<ConvertedFormat>.Fail($"OLE compound file that is neither a Word nor an Excel 97-2003 file nor 一太郎 ({CompoundFileKinds.Describe(content)})"),
                };
            default:
                return Result<ConvertedFormat>.Fail($"not a format read by conversion: file starts with {FormatSniffer.Describe(head)}");
        }
    }

    public Result<LayoutDocument> Read(ReadOnlyMemory<byte> content, string path)
    {
        var format = Identify(content.Span, path);
        if (!format.Succeeded || format.Value is null)
            return Result<LayoutDocument>.Fail(format.Error ?? "unknown format");
        var converted = Converter.Convert(content, format.Value);
        if (!converted.Succeeded || converted.Value is null)
            return Result<LayoutDocument>.Fail(converted.Error ?? "conversion failed");
        var reader = format.Value.Target == ConversionTarget.Docx ? (IDocumentReader)_docx : _xlsx;
        var layout = reader.Read(converted.Value, path);
        if (!layout.Succeeded || layout.Value is null)
            return Result<LayoutDocument>.Fail($"{format.Value.Name} converted to {format.Value.TargetExtension}: {layout.Error}");
        return Result<LayoutDocument>.Ok(layout.Value with { Format = format.Value.Format });
    }
}
