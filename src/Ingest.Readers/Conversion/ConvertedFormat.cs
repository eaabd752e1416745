using Ingest.Core.Records;

namespace Ingest.Readers.Conversion;

/// <summary>What a converted file becomes: a Word document read by the DOCX reader, or a workbook read by the XLSX reader.</summary>
public enum ConversionTarget
{
    Docx,
    Xlsx,
}

/// <summary>
/// A format read by converting it to OpenXml first: its name in records (<see cref="Format"/>), in messages
/// (<see cref="Name"/>), the extension the converter is given (it picks its import filter partly by it), the target, and
/// the Debian package whose LibreOffice component converts it.
/// </summary>
public sealed record ConvertedFormat(string Format, string Name, string Extension, ConversionTarget Target, string Package)
{
    public static readonly ConvertedFormat Doc = new(SourceFormat.Doc.Name, "Word 97-2003 document", ".doc", ConversionTarget.Docx, WriterPackage);
    public static readonly ConvertedFormat Xls = new(SourceFormat.Xls.Name, "Excel 97-2003 workbook", ".xls", ConversionTarget.Xlsx, CalcPackage);
    public static readonly ConvertedFormat Rtf = new(SourceFormat.Rtf.Name, "RTF document", ".rtf", ConversionTarget.Docx, WriterPackage);
    public static readonly ConvertedFormat Odt = new(SourceFormat.Odt.Name, "OpenDocument text", ".odt", ConversionTarget.Docx, WriterPackage);
    public static readonly ConvertedFormat Ods = new(SourceFormat.Ods.Name, "OpenDocument spreadsheet", ".ods", ConversionTarget.Xlsx, CalcPackage);
    public static readonly ConvertedFormat Jtd = new(SourceFormat.Jtd.Name, "一太郎 document", ".jtd", ConversionTarget.Docx, WriterPackage);

    /// <summary>LibreOffice Writer without its desktop parts: Word 97-2003, RTF, OpenDocument text.</summary>
    public const string WriterPackage = "libreoffice-writer-nogui";

    /// <summary>LibreOffice Calc without its desktop parts: Excel 97-2003, OpenDocument spreadsheets.</summary>
    public const string CalcPackage = "libreoffice-calc-nogui";

    /// <summary>The extension of the converted file.</summary>
    public string TargetExtension => Target == ConversionTarget.Docx ? ".docx" : ".xlsx";
}
