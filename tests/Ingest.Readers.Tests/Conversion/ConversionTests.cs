using System.Text;
using Ingest.Readers.Conversion;
using Ingest.Readers.Sniffing;
using Ingest.Readers.Tests.CrossFormat;

namespace Ingest.Readers.Tests.Conversion;

/// <summary>
/// Formats read by conversion: told apart by content (the committed LibreOffice saves of the fixtures), converted with
/// LibreOffice when it is installed, named with the package to install when it is not.
/// </summary>
public sealed class ConversionTests
{
    private const string Stem = "kokuho_gaibu_ketsugo";

    private static byte[] Fixture(string suffix) => File.ReadAllBytes(Fixtures.File(Stem + suffix));

    private static readonly LibreOfficeConverter Missing = new(new LibreOfficeOptions { Executable = "/nonexistent/libreoffice/soffice", CacheFolder = string.Empty });

    [Theory]
    [InlineData(".doc", "doc")]
    [InlineData(".xls", "xls")]
    [InlineData(".rtf", "rtf")]
    [InlineData(".odt", "odt")]
    [InlineData(".ods", "ods")]
    public void Each_format_is_told_by_its_content_whatever_its_name(string suffix, string format)
    {
        foreach (var name in new[] { "a" + suffix, "renamed.doc", "renamed.xls", "no-extension" })
        {
            var identified = ConvertingReader.Identify(Fixture(suffix), name);
            Assert.True(identified.Succeeded, identified.Error);
            Assert.Equal(format, identified.Value!.Format);
        }
    }

    [Fact]
    public void An_excel_97_file_has_a_workbook_stream_and_a_word_97_file_a_word_document_stream()
    {
        Assert.Contains("Workbook", CompoundFileDirectory.RootNames(Fixture(".xls"))!);
        Assert.Contains("WordDocument", CompoundFileDirectory.RootNames(Fixture(".doc"))!);
        Assert.DoesNotContain("WordDocument", CompoundFileDirectory.RootNames(Fixture(".xls"))!);
    }

    [Fact]
    public void An_ole_file_that_is_neither_word_nor_excel_is_named_with_its_streams()
    {
        var other = Renamed(Fixture(".doc"), "WordDocument", "VisioDocumen");
        var result = new ConvertingReader(Missing).Read(other, "drawing.doc");
        Assert.False(result.Succeeded);
        Assert.StartsWith("OLE compound file that is neither a Word nor an Excel 97-2003 file nor 一太郎 (streams: ", result.Error);
        Assert.Contains("VisioDocumen", result.Error);
    }

    [Fact]
    public void An_encrypted_office_document_asks_for_a_password()
    {
        var result = new ConvertingReader(Missing).Read(CompoundWith("EncryptedPackage"), "locked.docx");
        Assert.Equal("encrypted Office document (password required)", result.Error);
    }

    [Theory]
    [InlineData(".doc", ConvertedFormat.WriterPackage)]
    [InlineData(".rtf", ConvertedFormat.WriterPackage)]
    [InlineData(".odt", ConvertedFormat.WriterPackage)]
    [InlineData(".xls", ConvertedFormat.CalcPackage)]
    [InlineData(".ods", ConvertedFormat.CalcPackage)]
    public void Without_libreoffice_the_file_fails_naming_the_package_to_install(string suffix, string package)
    {
        var result = new ConvertingReader(Missing).Read(Fixture(suffix), Stem + suffix);
        Assert.False(result.Succeeded);
        Assert.EndsWith($"read by converting it with LibreOffice, which is not installed (install {package})", result.Error);
    }

    [SkippableFact]
    public void An_ichitaro_file_is_routed_to_conversion_and_says_why_it_cannot_be_read()
    {
        // No 一太郎 file can be made here (JustSystems' format has no free writer): an OLE file of other streams named
        // .jtd stands in for the routing; what LibreOffice can do with it is what the installed filters say.
        var jtd = Renamed(Fixture(".doc"), "WordDocument", "DocumentText");
        Assert.Equal("jtd", ConvertingReader.Identify(jtd, "報告書.jtd").Value!.Format);
        Assert.Equal("jtd", ConvertingReader.Identify(jtd, "報告書.JTDC").Value!.Format);
        Assert.EndsWith("not installed (install libreoffice-writer-nogui)", new ConvertingReader(Missing).Read(jtd, "報告書.jtd").Error);
        Skip.If(Fixtures.Converter.Executable is null, "soffice is not installed");
        Skip.If(Fixtures.Converter.ReadsIchitaro, "this LibreOffice declares a 一太郎 filter");
        Assert.Equal("一太郎 document: the installed LibreOffice has no 一太郎 import filter; save it from 一太郎 as .docx (or .doc, .rtf) to import it",
            new ConvertingReader(Fixtures.Converter).Read(jtd, "報告書.jtd").Error);
    }

    [SkippableFact]
    public void A_conversion_is_cached_by_content_and_read_again_without_libreoffice()
    {
        Skip.If(Fixtures.Converter.Executable is null, "soffice is not installed");
        var cache = Directory.CreateTempSubdirectory("ingest-conversion-cache-").FullName;
        try
        {
            var bytes = Fixture(".rtf");
            // A conversion used long ago fills the cache to its size: keeping the new one makes room by dropping it.
            var stale = Path.Combine(cache, "0000-used-long-ago.docx");
            File.WriteAllBytes(stale, new byte[100_000]);
            File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddDays(-30));
            var first = new ConvertingReader(new LibreOfficeConverter(new LibreOfficeOptions { CacheFolder = cache, MaxCacheBytes = 100_000 })).Read(bytes, "a.rtf");
            Assert.True(first.Succeeded, first.Error);
            Assert.False(File.Exists(stale), "the conversion used longest ago is dropped to keep the cache within its size");
            Assert.Single(Directory.GetFiles(cache, "*.docx"));
            var again = new ConvertingReader(new LibreOfficeConverter(new LibreOfficeOptions { CacheFolder = cache, Executable = "/nonexistent/soffice" })).Read(bytes, "b.rtf");
            Assert.True(again.Succeeded, again.Error);
            Assert.Equal(first.Value!.Blocks.Count(), again.Value!.Blocks.Count());
            Assert.Equal("rtf", again.Value.Format);
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [SkippableFact]
    public void Parallel_conversions_each_get_their_own_profile_and_all_succeed()
    {
        Skip.If(Fixtures.Converter.Executable is null, "soffice is not installed");
        var converter = new LibreOfficeConverter(new LibreOfficeOptions { CacheFolder = string.Empty });
        var reader = new ConvertingReader(converter);
        var suffixes = new[] { ".doc", ".xls" };
        var results = new Core.Diagnostics.Result<Core.Layout.LayoutDocument>[suffixes.Length];
        Parallel.For(0, suffixes.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => results[i] = reader.Read(Fixture(suffixes[i]), Stem + suffixes[i]));
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(["doc", "xls"], results.Select(r => r.Value!.Format));
    }

    [SkippableFact]
    public void A_conversion_over_its_time_budget_is_killed_and_named()
    {
        Skip.If(Fixtures.Converter.Executable is null, "soffice is not installed");
        var converter = new LibreOfficeConverter(new LibreOfficeOptions { CacheFolder = string.Empty, Timeout = TimeSpan.FromMilliseconds(300) });
        var result = new ConvertingReader(converter).Read(Fixture(".odt"), "slow.odt");
        Assert.Equal("OpenDocument text: LibreOffice did not convert it (over the 0.3 s conversion budget)", result.Error);
    }

    [SkippableFact]
    public void A_conversion_over_its_memory_budget_fails_and_names_how()
    {
        Skip.If(Fixtures.Converter.Executable is null, "soffice is not installed");
        // LibreOffice 7.4 aborts within 300 MB of address space; 200 MB is well below what it needs to start.
        var converter = new LibreOfficeConverter(new LibreOfficeOptions { CacheFolder = string.Empty, MaxAddressSpace = 200L * 1024 * 1024 });
        var result = new ConvertingReader(converter).Read(Fixture(".odt"), "big.odt");
        Assert.False(result.Succeeded);
        // Depending on where the allocation fails LibreOffice aborts (exit code 134) or says it could not load the file.
        Assert.StartsWith("OpenDocument text: LibreOffice did not convert it (", result.Error);
        Assert.True(result.Error!.Contains("exit code 134", StringComparison.Ordinal) || result.Error.Contains("could not be loaded", StringComparison.Ordinal), result.Error);
    }

    /// <summary>The file with one UTF-16 directory name replaced by another of the same length.</summary>
    private static byte[] Renamed(byte[] file, string from, string to)
    {
        Assert.Equal(from.Length, to.Length);
        var bytes = (byte[])file.Clone();
        var needle = Encoding.Unicode.GetBytes(from);
        var at = bytes.AsSpan().IndexOf(needle);
        Assert.True(at >= 0, $"{from} not in the file");
        Encoding.Unicode.GetBytes(to).CopyTo(bytes, at);
        return bytes;
    }

    /// <summary>A compound file whose directory cannot be walked but names <paramref name="stream"/>, as a damaged one may.</summary>
    private static byte[] CompoundWith(string stream)
    {
        var bytes = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes(stream).CopyTo(bytes, 1024);
        return bytes;
    }
}
