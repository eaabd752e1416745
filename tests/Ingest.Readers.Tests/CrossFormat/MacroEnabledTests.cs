using System.IO.Compression;
using System.Text;

namespace Ingest.Readers.Tests.CrossFormat;

/// <summary>
/// A macro-enabled Word or Excel file (.docm, .xlsm) is the same package with another main content type and a VBA
/// project beside it: read as its OpenXml sibling, the macros neither run nor read, the records those of the .docx/.xlsx.
/// </summary>
public sealed class MacroEnabledTests
{
    [Theory]
    [InlineData(".docx", ".docm", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "application/vnd.ms-word.document.macroEnabled.main+xml", "word/vbaProject.bin")]
    [InlineData(".xlsx", ".xlsm", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml", "xl/vbaProject.bin")]
    public void A_macro_enabled_file_gives_the_records_of_its_openxml_sibling(string suffix, string macroSuffix, string mainType, string macroType, string vbaPart)
    {
        const string stem = "001_42351d23f429df37";
        var plain = File.ReadAllBytes(Fixtures.File(stem + suffix));
        var macro = MacroEnabled(plain, mainType, macroType, vbaPart);
        var folder = Directory.CreateTempSubdirectory("ingest-macro-");
        try
        {
            var path = Path.Combine(folder.FullName, stem + macroSuffix);
            File.WriteAllBytes(path, macro);
            var expected = Fixtures.Pipeline.ExtractFile(Fixtures.File(stem + suffix));
            var actual = Fixtures.Pipeline.ExtractFile(path);
            Assert.True(actual.Succeeded, actual.Error);
            Assert.Equal(suffix[1..], actual.Format);
            // Everything but the source (path, hash) is the same.
            string Json(Core.Records.SubmissionRecord record) => Core.Records.RecordJson.Serialize(record with { Source = expected.Submissions[0].Source });
            Assert.NotEmpty(expected.Submissions);
            Assert.Equal(expected.Submissions.Select(Json), actual.Submissions.Select(Json));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The package with its main part's content type made macro-enabled and a (meaningless) VBA project added.</summary>
    private static byte[] MacroEnabled(byte[] package, string mainType, string macroType, string vbaPart)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var types = zip.GetEntry("[Content_Types].xml")!;
            string xml;
            using (var reader = new StreamReader(types.Open(), Encoding.UTF8))
                xml = reader.ReadToEnd();
            Assert.Contains(mainType, xml);
            types.Delete();
            using (var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open(), new UTF8Encoding(false)))
                writer.Write(xml.Replace(mainType, macroType, StringComparison.Ordinal));
            using var vba = zip.CreateEntry(vbaPart).Open();
            vba.Write(Encoding.ASCII.GetBytes("not a real VBA project: never read"));
        }
        return stream.ToArray();
    }
}
