using System.IO.Compression;
using System.Text;

namespace Ingest.HostileFiles;

/// <summary>The smallest package Word and the OpenXml SDK accept: content types, the package relationship and word/document.xml.</summary>
public static class MinimalDocx
{
    public const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">""" +
        """<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>""" +
        """<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";

    private const string PackageRelationships =
        """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""" +
        """<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""";

    /// <summary>A package whose document part is <paramref name="body"/> inside w:document/w:body.</summary>
    public static byte[] WithBody(string body) => WithDocumentPart(Encoding.UTF8.GetBytes(
        $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{WordNamespace}"><w:body>{body}</w:body></w:document>"""));

    /// <summary>A package whose word/document.xml is exactly <paramref name="documentXml"/>.</summary>
    public static byte[] WithDocumentPart(byte[] documentXml)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", Encoding.UTF8.GetBytes(ContentTypes));
            Write(zip, "_rels/.rels", Encoding.UTF8.GetBytes(PackageRelationships));
            Write(zip, "word/document.xml", documentXml);
        }
        return stream.ToArray();
    }

    private static void Write(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        entry.Write(content);
    }
}
