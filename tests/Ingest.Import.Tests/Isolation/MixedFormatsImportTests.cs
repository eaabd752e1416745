using Ingest.Index.Store;
using Ingest.Tests.Shared;

namespace Ingest.Import.Tests.Isolation;

/// <summary>
/// The real <c>ingest import</c> (isolated parser workers) over a folder of the formats an archive holds — text, Word,
/// Excel grid paper natively; Word and Excel 97-2003, RTF, OpenDocument by conversion — with LibreOffice absent and
/// present. The files are the committed fixtures of corpus/fixtures (tools/fixtures/make-office-fixtures.sh).
/// </summary>
public sealed class MixedFormatsImportTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-mixed-formats-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Files read natively, by name in the folder.</summary>
    private static readonly (string Fixture, string Name)[] Native =
    [
        ("000_27b38dcfd5b05b45.docx", "000.docx"),
        ("001_42351d23f429df37.xlsx", "001.xlsx"),
        ("002_3d678107f1b2080c.docx", "002-renamed.doc"), // a .docx named .doc is read as what it is
    ];

    /// <summary>Files read by conversion, with the package that converts them.</summary>
    private static readonly (string Fixture, string Name, string Package)[] Converted =
    [
        ("003_c5d96f6ae7183e6a.doc", "003.doc", "libreoffice-writer-nogui"),
        ("004_5e943b0c469c4a8c.rtf", "004.rtf", "libreoffice-writer-nogui"),
        ("kokuho_gaibu_ketsugo.xls", "kokuho.xls", "libreoffice-calc-nogui"),
        ("kuromatsu_sokuryou_itaku.odt", "kuromatsu.odt", "libreoffice-writer-nogui"),
        ("jidou_teate_itaku.ods", "jidou.ods", "libreoffice-calc-nogui"),
    ];

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ingest.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("repository root not found");
    }

    private string MakeFolder()
    {
        var folder = Path.Combine(_root, "archive");
        Directory.CreateDirectory(folder);
        var fixtures = Path.Combine(RepositoryRoot(), "corpus", "fixtures");
        File.Copy(Path.Combine(RepositoryRoot(), "corpus", "extraction", "juki_packet.txt"), Path.Combine(folder, "juki.txt"));
        foreach (var (fixture, name) in Native)
            File.Copy(Path.Combine(fixtures, fixture), Path.Combine(folder, name));
        foreach (var (fixture, name, _) in Converted)
            File.Copy(Path.Combine(fixtures, fixture), Path.Combine(folder, name));
        return folder;
    }

    private static (int Code, string Output, string[] Errors) Import(string folder, string index, string? soffice, string cache)
    {
        var environment = new Dictionary<string, string> { ["INGEST_CONVERSION_CACHE"] = cache };
        if (soffice is not null)
            environment["INGEST_SOFFICE"] = soffice;
        return IngestProcess.Run(["import", folder, "--index", index, "--jobs", "2"], environment, TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void Without_libreoffice_every_other_file_is_imported_and_each_converted_one_names_its_package()
    {
        var folder = MakeFolder();
        var index = Path.Combine(_root, "index");

        var run = Import(folder, index, soffice: "/nonexistent/libreoffice/soffice", cache: string.Empty);

        Assert.Equal(3, run.Code);
        Assert.Contains($"imported {Native.Length + 1}, unchanged 0, replaced 0, removed 0, failed {Converted.Length}", run.Output);
        var failed = run.Errors.Where(l => l.StartsWith("FAILED ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(Converted.Length, failed.Length);
        foreach (var (_, name, package) in Converted)
        {
            var line = Assert.Single(failed, l => l.StartsWith($"FAILED {Path.Combine(folder, name)}: ", StringComparison.Ordinal));
            Assert.EndsWith($"read by converting it with LibreOffice, which is not installed (install {package})", line);
        }
        using var store = IndexStore.Open(index);
        Assert.Equal(["docx", "text", "xlsx"], store.AllRecords().Select(r => r.Source.Format).Distinct().Order());
    }

    [SkippableFact]
    public void With_libreoffice_every_format_is_imported_in_the_parser_workers_and_conversions_are_cached()
    {
        Skip.If(FindSoffice() is null, "soffice is not installed (libreoffice-writer-nogui, libreoffice-calc-nogui)");
        var folder = MakeFolder();
        var index = Path.Combine(_root, "index");
        var cache = Path.Combine(_root, "conversions");

        var run = Import(folder, index, soffice: null, cache);

        Assert.True(run.Code == 0, string.Join("\n", run.Errors));
        Assert.Contains($"imported {Native.Length + 1 + Converted.Length}, unchanged 0, replaced 0, removed 0, failed 0", run.Output);
        using (var store = IndexStore.Open(index))
        {
            var formats = store.AllRecords().GroupBy(r => Path.GetFileName(r.Source.Path)).ToDictionary(g => g.Key, g => g.First().Source.Format);
            Assert.Equal("doc", formats["003.doc"]);
            Assert.Equal("rtf", formats["004.rtf"]);
            Assert.Equal("xls", formats["kokuho.xls"]);
            Assert.Equal("odt", formats["kuromatsu.odt"]);
            Assert.Equal("ods", formats["jidou.ods"]);
            Assert.Equal("docx", formats["002-renamed.doc"]);
        }
        // Each converted file was converted once, by content, into the cache the workers share.
        Assert.Equal(Converted.Length, Directory.GetFiles(cache).Count(f => f.EndsWith(".docx", StringComparison.Ordinal) || f.EndsWith(".xlsx", StringComparison.Ordinal)));
    }

    private static string? FindSoffice() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "soffice")).FirstOrDefault(File.Exists);
}
