using System.IO.Compression;
using System.Text;

namespace Ingest.HostileFiles;

/// <summary>
/// The smallest workbook Excel and the OpenXml SDK accept: content types, the relationships, xl/workbook.xml naming one
/// sheet, xl/styles.xml with a bordered and a bold cell format and a date format, xl/sharedStrings.xml, and the sheet.
/// </summary>
public static class MinimalXlsx
{
    public const string SpreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">""" +
        """<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>""" +
        """<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""" +
        """<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""" +
        """<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""" +
        """<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""";

    private const string PackageRelationships =
        """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""" +
        """<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""";

    private const string WorkbookRelationships =
        """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""" +
        """<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>""" +
        """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>""" +
        """<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""";

    private const string Workbook =
        $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{SpreadsheetNamespace}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">""" +
        """<sheets><sheet name="表紙" sheetId="1" r:id="rId1"/></sheets></workbook>""";

    /// <summary>Style 0 plain, 1 bordered, 2 bordered and bold, 3 bordered era date.</summary>
    private const string Styles =
        $"""<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{SpreadsheetNamespace}">""" +
        """<numFmts count="1"><numFmt numFmtId="176" formatCode="[$-411]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>""" +
        """<fonts count="2"><font><sz val="11"/></font><font><b/><u/><sz val="11"/></font></fonts>""" +
        """<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>""" +
        """<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>""" +
        """<cellXfs count="4"><xf fontId="0" borderId="0"/><xf fontId="0" borderId="1"/><xf fontId="1" borderId="1"/><xf fontId="0" borderId="1" numFmtId="176"/></cellXfs></styleSheet>""";

    /// <summary>The shared strings the sheets of <see cref="WithSheetData"/> may refer to: 0 件名, 1 a rich-text change, 2 委託先.</summary>
    private const string SharedStrings =
        $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{SpreadsheetNamespace}" count="3" uniqueCount="3">""" +
        """<si><t>件名</t></si><si><r><t xml:space="preserve">委託先は </t></r><r><rPr><b/><u/></rPr><t>株式会社B</t></r><rPh sb="0" eb="3"><t>イタクサキ</t></rPh></si><si><t>委託先</t></si></sst>""";

    /// <summary>A workbook whose one sheet holds <paramref name="sheetContent"/> (sheetData, mergeCells …) inside its worksheet element.</summary>
    public static byte[] WithSheetData(string sheetContent) => WithWorksheetPart(Encoding.UTF8.GetBytes(
        $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{SpreadsheetNamespace}">{sheetContent}</worksheet>"""));

    /// <summary>A workbook whose xl/worksheets/sheet1.xml is exactly <paramref name="worksheetXml"/>.</summary>
    public static byte[] WithWorksheetPart(byte[] worksheetXml)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", Encoding.UTF8.GetBytes(ContentTypes));
            Write(zip, "_rels/.rels", Encoding.UTF8.GetBytes(PackageRelationships));
            Write(zip, "xl/workbook.xml", Encoding.UTF8.GetBytes(Workbook));
            Write(zip, "xl/_rels/workbook.xml.rels", Encoding.UTF8.GetBytes(WorkbookRelationships));
            Write(zip, "xl/styles.xml", Encoding.UTF8.GetBytes(Styles));
            Write(zip, "xl/sharedStrings.xml", Encoding.UTF8.GetBytes(SharedStrings));
            Write(zip, "xl/worksheets/sheet1.xml", worksheetXml);
        }
        return stream.ToArray();
    }

    private static void Write(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        entry.Write(content);
    }
}
