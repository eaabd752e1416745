using Ingest.Pipeline.Archives;

namespace Ingest.Pipeline.Tests;

/// <summary>Fiscal year, meeting and document number from how offices name folders and files.</summary>
public sealed class PathMetadataTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ingest-manifest-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("archive/令和6年度/第5回/資料40.pdf", 2024, 5, "資料40")]
    [InlineData("archive/R6/第12回_資料3.docx", 2024, 12, "資料3")]
    [InlineData("H30_第2回/packet.zip!/資料１５.txt", 2018, 2, "資料15")]
    [InlineData("2024年度/x.txt", 2024, null, null)]
    [InlineData("平成27年度/令和元年度/x.txt", 2019, null, null)]
    [InlineData("archive/資料40-1.pdf", null, null, null)]
    [InlineData("RESULTS/HR/x.txt", null, null, null)]
    public void Reads_the_layout(string path, int? year, int? session, string? number)
    {
        var metadata = PathMetadata.FromPath(path);
        Assert.Equal(year, metadata.FiscalYear);
        Assert.Equal(session, metadata.Session);
        Assert.Equal(number, metadata.DocumentNumber);
    }

    [Fact]
    public void A_manifest_overrides_by_path_and_names_bad_lines()
    {
        File.WriteAllText(Path.Combine(_root, Manifest.FileName), "path,fiscalYear,session,documentNumber\na/x.pdf,2019,6,資料7\nb.zip,2020,,\n");
        var manifest = Manifest.Load(Path.Combine(_root, Manifest.FileName));
        Assert.Equal(new ArchiveMetadata(2019, 6, "資料7"), manifest.For(Path.Combine(_root, "a", "x.pdf")));
        Assert.Equal(2020, manifest.For(Path.Combine(_root, "b.zip") + "!/inner/y.txt").FiscalYear);
        Assert.True(manifest.For(Path.Combine(_root, "other.txt")).IsEmpty);

        File.WriteAllText(Path.Combine(_root, "bad.csv"), "path,fiscalYear\nx.pdf,令和\n");
        var error = Assert.Throws<FormatException>(() => Manifest.Load(Path.Combine(_root, "bad.csv")));
        Assert.Contains("bad.csv:2", error.Message);
    }
}
